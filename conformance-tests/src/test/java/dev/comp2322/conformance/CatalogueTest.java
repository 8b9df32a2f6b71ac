package dev.comp2322.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.comp2322.conformance.catalogue.Catalogue;
import dev.comp2322.conformance.catalogue.ConformanceCase;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class CatalogueTest {
    @Test
    @DisplayName("the catalogue has at least 60 cases, each with a title, RFC reference, accepted outcomes and a reason")
    void everyCaseIsComplete() {
        assertThat(Catalogue.all()).hasSizeGreaterThanOrEqualTo(60);
        assertThat(Catalogue.all()).allSatisfy(c -> {
            assertThat(c.title()).as(c.id()).isNotBlank();
            assertThat(c.reference()).as(c.id()).containsAnyOf("RFC", "COMP2322");
            assertThat(c.accepts()).as(c.id()).isNotBlank();
            assertThat(c.why()).as(c.id()).isNotBlank().endsWith(".");
        });
    }

    @Test
    @DisplayName("ids never encode an RFC section number")
    void idsAreStableNames() {
        assertThat(Catalogue.all()).extracting(ConformanceCase::id)
                .allSatisfy(id -> assertThat(id).doesNotContainPattern("\\d+-\\d+|9110|9112|7230|7232"));
    }

    @Test
    @DisplayName("--only selects by prefix and brings in the preconditions")
    void selectionAddsPreconditions() {
        List<String> ids = Catalogue.select(List.of("inm-weak")).stream().map(ConformanceCase::id).toList();

        assertThat(ids).containsExactly("get-html", "inm-match-is-304", "inm-weak-compare");
    }

    @Test
    @DisplayName("an ETag is optional in the course: its cases are MAY there and SHOULD or MUST under rfc")
    void levelsDifferByProfile() {
        ConformanceCase etag = Catalogue.byId("etag-present").orElseThrow();

        assertThat(etag.levelIn(ConformanceProfile.COURSE)).isEqualTo(Level.MAY);
        assertThat(etag.levelIn(ConformanceProfile.RFC)).isEqualTo(Level.SHOULD);
    }
}
