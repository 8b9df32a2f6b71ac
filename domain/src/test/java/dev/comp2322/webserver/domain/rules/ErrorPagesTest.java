package dev.comp2322.webserver.domain.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.comp2322.webserver.domain.model.Status;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Error pages, RFC 9110 §15.5 (a 4xx SHOULD explain), with nothing echoed unescaped. */
class ErrorPagesTest {

    @DisplayName("RFC 9110 §15.5: every page names its status in the title and heading")
    @ParameterizedTest(name = "{0}")
    @EnumSource(Status.class)
    void namesStatus(Status status) {
        assertThat(ErrorPages.page(status).text())
                .contains("<title>" + status.codeAndReason() + "</title>")
                .contains("<h1>" + status.codeAndReason() + "</h1>");
    }

    @Test
    @DisplayName("HTML-escaping covers the five characters that can break out of text or an attribute")
    void escapesMarkup() {
        assertThat(ErrorPages.escape("<a href=\"x\" onclick='y'>&</a>"))
                .isEqualTo("&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;&lt;/a&gt;");
    }

    @Test
    @DisplayName("The 301 page's link is escaped in both the attribute and the text")
    void movedPageEscapesLocation() {
        assertThat(ErrorPages.movedTo("/a\"><b>/").text()).contains("href=\"/a&quot;&gt;&lt;b&gt;/\"").doesNotContain("<b>");
    }
}
