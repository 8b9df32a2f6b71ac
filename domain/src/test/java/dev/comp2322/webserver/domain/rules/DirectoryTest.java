package dev.comp2322.webserver.domain.rules;

import static dev.comp2322.webserver.domain.model.Fields.header;
import static dev.comp2322.webserver.domain.rules.Requests.get;
import static org.assertj.core.api.Assertions.assertThat;

import dev.comp2322.webserver.domain.model.Body;
import dev.comp2322.webserver.domain.model.Response;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Directories: index.html, 404 without one, and {@code /dir} without its slash (RFC 9110 §15.4.2). */
class DirectoryTest {

    @DisplayName("RFC 9110 §15.4.2: directory targets × profiles")
    @ParameterizedTest(name = "{0} → course {1}, rfc {2}")
    @CsvSource({
        "/, 200, 200",
        "/docs/, 200, 200",
        "/docs, 200, 301",
        "/empty/, 404, 404",
        "/empty, 404, 301",
        "/hello.txt/, 404, 404",
        "http://localhost, 200, 200",
    })
    void directoryMatrix(String target, int course, int rfc) {
        assertThat(Site.course().serve(get(target)).status().code()).isEqualTo(course);
        assertThat(Site.rfc().serve(get(target)).status().code()).isEqualTo(rfc);
    }

    @Test
    @DisplayName("A directory with a trailing slash serves its index.html as text/html")
    void directoryServesIndex() {
        Response res = Site.course().serve(get("/docs/"));
        assertThat(res.body()).isEqualTo(new Body.FileContent(new InMemoryFiles.Handle("/docs/index.html"), 300));
        assertThat(header(res, "Content-Type")).isEqualTo("text/html; charset=utf-8");
    }

    @Test
    @DisplayName("Course profile: /docs without the slash serves the index directly (no 301 allowed)")
    void courseServesIndexWithoutSlash() {
        Response res = Site.course().serve(get("/docs"));
        assertThat(res.body()).isEqualTo(new Body.FileContent(new InMemoryFiles.Handle("/docs/index.html"), 300));
    }

    @Test
    @DisplayName("RFC 9110 §15.4.2, §10.2.2: rfc profile redirects /docs to /docs/ with Location")
    void rfcRedirectsToSlash() {
        Response res = Site.rfc().serve(get("/docs"));
        assertThat(header(res, "Location")).isEqualTo("/docs/");
        assertThat(((Body.Text) res.body()).text()).contains("<a href=\"/docs/\">");
        assertThat(res.keepOpen()).isTrue();
    }

    @Test
    @DisplayName("RFC 9110 §10.2.2: the redirect keeps the query")
    void redirectKeepsQuery() {
        assertThat(header(Site.rfc().serve(get("/docs?lang=en&x=%20")), "Location")).isEqualTo("/docs/?lang=en&x=%20");
    }

    @Test
    @DisplayName("RFC 3986 §2.1: the redirect's Location is the normalised path, percent-encoded")
    void redirectLocationIsEncoded() {
        var files = new InMemoryFiles().directory("/my dir").directory("/caf\u00e9");
        var service = new StaticFileService(files, Site.policy(Profile.RFC));
        assertThat(header(service.serve(get("/x/../my%20dir")), "Location")).isEqualTo("/my%20dir/");
        assertThat(header(service.serve(get("/caf%C3%A9")), "Location")).isEqualTo("/caf%C3%A9/");
    }
}
