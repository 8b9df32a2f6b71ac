package dev.comp2322.webserver.domain.rules;

import static dev.comp2322.webserver.domain.model.Fields.header;
import static org.assertj.core.api.Assertions.assertThat;

import dev.comp2322.webserver.domain.model.Body;
import dev.comp2322.webserver.domain.model.RequestError;
import dev.comp2322.webserver.domain.model.Response;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/** Framing errors → status by profile: RFC 9112 §3, §6.1; RFC 9110 §15.5.9, §15.5.14, §15.5.15; RFC 6585 §5. */
class ProfileTest {

    @DisplayName("RFC 9110 §15.5, §15.6; RFC 6585 §5: request errors × profiles")
    @ParameterizedTest(name = "{0} → course {1}, rfc {2}")
    @CsvSource({
        "MALFORMED_REQUEST_LINE, 400, 400",
        "MALFORMED_FIELD, 400, 400",
        "REQUEST_LINE_TOO_LONG, 400, 414",
        "HEADER_SECTION_TOO_LARGE, 400, 431",
        "BAD_FRAMING, 400, 400",
        "UNSUPPORTED_TRANSFER_CODING, 400, 501",
        "CONTENT_TOO_LARGE, 400, 413",
        "HEAD_TIMEOUT, 400, 408",
    })
    void requestErrorMatrix(RequestError.Kind kind, int course, int rfc) {
        assertThat(Site.course().reject(Requests.error(kind)).status().code()).isEqualTo(course);
        assertThat(Site.rfc().reject(Requests.error(kind)).status().code()).isEqualTo(rfc);
    }

    @DisplayName("RFC 9112 §9.3, §11.2: every rejected request closes the connection, with an HTML page")
    @ParameterizedTest(name = "{0}")
    @EnumSource(RequestError.Kind.class)
    void rejectAlwaysCloses(RequestError.Kind kind) {
        for (Profile profile : Profile.values()) {
            Response res = Site.service(profile).reject(Requests.error(kind));
            assertThat(res.keepOpen()).isFalse();
            assertThat(header(res, "Connection")).isEqualTo("close");
            assertThat(res.body()).isInstanceOfSatisfying(Body.Text.class,
                    page -> assertThat(page.text()).contains(res.status().codeAndReason()));
        }
    }

    @Test
    @DisplayName("Course profile: whatever the request, only 200, 304, 400 and 404 are ever sent")
    void courseSendsOnlyFourStatuses() {
        var course = Site.course();
        var statuses = EnumSet.noneOf(dev.comp2322.webserver.domain.model.Status.class);
        for (String method : new String[] {"GET", "HEAD", "POST", "OPTIONS", "get", "BREW"}) {
            for (String target : new String[] {"/", "/docs", "/empty", "/nothing", "/../x", "*", "h:1", "/hello.txt"}) {
                statuses.add(course.serve(Requests.http11(method, target)).status());
                statuses.add(course.serve(Requests.http11(method, target, "If-None-Match", "*")).status());
            }
        }
        statuses.add(course.serve(Requests.request("GET", "/", new dev.comp2322.webserver.domain.model.HttpVersion(2, 0))).status());
        for (RequestError.Kind kind : RequestError.Kind.values()) {
            statuses.add(course.reject(Requests.error(kind)).status());
        }
        assertThat(statuses).extracting(dev.comp2322.webserver.domain.model.Status::code)
                .isSubsetOf(Set.of(200, 304, 400, 404));
    }
}
