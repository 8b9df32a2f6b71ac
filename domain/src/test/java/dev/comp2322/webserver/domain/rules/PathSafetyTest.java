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

/** What the service answers for tricky targets: RFC 3986 §5.2.4, §2.1; RFC 9110 §15.5.1, §15.5.5. */
class PathSafetyTest {

    @DisplayName("RFC 3986 §2.1, §5.2.4: the file a target resolves to")
    @ParameterizedTest(name = "{0} → {1} {2}")
    @CsvSource(delimiter = '|', value = {
        "/hello.txt              | 200 | /hello.txt",
        "/x/../hello.txt         | 200 | /hello.txt",
        "/docs/../hello.txt      | 200 | /hello.txt",
        "/%68ello.txt            | 200 | /hello.txt",
        "/caf%C3%A9.txt          | 200 | /caf\u00e9.txt",
        "/a%20b.txt              | 200 | /a b.txt",
        "/hello.txt?v=2          | 200 | /hello.txt",
        "/HELLO.txt              | 404 | -",
        "/nothing                | 404 | -",
        "/.env                   | 404 | -",
        "/%2eenv                 | 404 | -",
        "/docs/.git/config       | 404 | -",
        "/docs/.git/../guide.md  | 200 | /docs/guide.md",
        "/...                    | 404 | -",
        "/../hello.txt           | 400 | -",
        "/%2e%2e/hello.txt       | 400 | -",
        "/docs%2Fguide.md        | 400 | -",
        "/hello.txt%00.png       | 400 | -",
        "/hello.txt#frag         | 400 | -",
    })
    void resolves(String target, int status, String file) {
        Response res = Site.course().serve(get(target));
        assertThat(res.status().code()).isEqualTo(status);
        if (status == 200) {
            assertThat(res.body()).isInstanceOfSatisfying(Body.FileContent.class,
                    content -> assertThat(content.handle()).isEqualTo(new InMemoryFiles.Handle(file)));
        }
    }

    @Test
    @DisplayName("RFC 9110 §15.5.1: a 400 for a bad target closes the connection")
    void badTargetCloses() {
        Response res = Site.course().serve(get("/../etc/passwd"));
        assertThat(res.keepOpen()).isFalse();
    }

    @Test
    @DisplayName("RFC 9112 §9.3: a 404 keeps a persistent connection open")
    void notFoundKeepsConnection() {
        Response res = Site.course().serve(get("/nothing"));
        assertThat(res.keepOpen()).isTrue();
        assertThat(header(res, "Connection")).isEmpty();
    }

    @Test
    @DisplayName("RFC 9110 §15.5.5: a 404 page echoes the path HTML-escaped")
    void notFoundEscapesPath() {
        Response res = Site.course().serve(get("/%3Cscript%3Ealert(1)%3C/script%3E"));
        String page = ((Body.Text) res.body()).text();
        assertThat(page).contains("&lt;script&gt;alert(1)&lt;").doesNotContain("<script>");
    }

    @Test
    @DisplayName("RFC 9110 §15.5.5: a 404 page names its status")
    void notFoundPageNamesStatus() {
        Response res = Site.course().serve(get("/nothing"));
        assertThat(((Body.Text) res.body()).text()).contains("404 Not Found");
        assertThat(header(res, "Content-Type")).isEqualTo("text/html; charset=utf-8");
    }
}
