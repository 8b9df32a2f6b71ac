package dev.comp2322.webserver.domain.rules;

import static dev.comp2322.webserver.domain.model.Fields.header;
import static dev.comp2322.webserver.domain.rules.Requests.get;
import static dev.comp2322.webserver.domain.rules.Requests.request;
import static org.assertj.core.api.Assertions.assertThat;

import dev.comp2322.webserver.domain.model.HttpVersion;
import dev.comp2322.webserver.domain.model.Response;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Request validation before the target is looked at: RFC 9112 §3, §3.2, §2.3; RFC 9110 §6.2, §7.2, §9.1. */
class ValidationTest {

    @DisplayName("RFC 9110 §6.2 / §15.6.6: versions — 1.x served, others 400 (course) or 505 (rfc)")
    @ParameterizedTest(name = "HTTP/{0}.{1} → course {2}, rfc {3}")
    @CsvSource({
        "1, 1, 200, 200",
        "1, 0, 200, 200",
        "1, 2, 200, 200", // a later 1.x is answered as 1.1
        "1, 9, 200, 200",
        "2, 0, 400, 505",
        "0, 9, 400, 505",
        "3, 0, 400, 505",
    })
    void versionMatrix(int major, int minor, int course, int rfc) {
        var req = request("GET", "/hello.txt", new HttpVersion(major, minor), "Host", "localhost");
        assertThat(Site.course().serve(req).status().code()).isEqualTo(course);
        assertThat(Site.rfc().serve(req).status().code()).isEqualTo(rfc);
    }

    @Test
    @DisplayName("RFC 9112 §9.6: a 505 closes the connection")
    void unsupportedVersionCloses() {
        var res = Site.rfc().serve(request("GET", "/", new HttpVersion(2, 0), "Host", "x"));
        assertThat(res.keepOpen()).isFalse();
        assertThat(header(res, "Connection")).isEqualTo("close");
    }

    @DisplayName("RFC 9112 §3.2: Host rules by version")
    @ParameterizedTest(name = "[{index}] HTTP/1.{0} {1} → {2}")
    @CsvSource(delimiter = '|', value = {
        "1 | no Host                  | 400",
        "0 | no Host                  | 200",
        "1 | Host: localhost          | 200",
        "1 | Host: localhost:2130     | 200",
        "1 | Host: 127.0.0.1:80       | 200",
        "1 | Host: [::1]:2130         | 200",
        "1 | Host: (empty)            | 200",
        "1 | Host: ex%41mple.com      | 200",
        "1 | two Host lines           | 400",
        "0 | two Host lines           | 400",
        "1 | Host: a b                | 400",
        "1 | Host: user@host          | 400",
        "1 | Host: host:80:90         | 400",
        "1 | Host: host:8x            | 400",
        "1 | Host: [::1               | 400",
        "0 | Host: a/b                | 400",
    })
    void hostMatrix(int minor, String fields, int status) {
        String[] headers = switch (fields) {
            case "no Host" -> new String[0];
            case "two Host lines" -> new String[] {"Host", "a", "Host", "a"};
            case "Host: (empty)" -> new String[] {"Host", ""};
            default -> new String[] {"Host", fields.substring("Host: ".length())};
        };
        var req = request("GET", "/hello.txt", new HttpVersion(1, minor), headers);
        assertThat(Site.course().serve(req).status().code()).isEqualTo(status);
    }

    @Test
    @DisplayName("RFC 9112 §3.2: a 400 for a missing Host closes the connection")
    void missingHostCloses() {
        Response res = Site.course().serve(request("GET", "/", HttpVersion.HTTP_1_1));
        assertThat(res.keepOpen()).isFalse();
        assertThat(header(res, "Connection")).isEqualTo("close");
    }

    @DisplayName("RFC 9110 §9.1, §15.5.6, §15.6.2: methods × profiles (case-sensitive)")
    @ParameterizedTest(name = "{0} → course {1}, rfc {2}")
    @CsvSource({
        "GET, 200, 200",
        "HEAD, 200, 200",
        "POST, 400, 405",
        "PUT, 400, 405",
        "DELETE, 400, 405",
        "CONNECT, 400, 405",
        "OPTIONS, 400, 405",
        "TRACE, 400, 405",
        "PATCH, 400, 405",
        "get, 400, 501",
        "Get, 400, 501",
        "BREW, 400, 501",
        "PROPFIND, 400, 501",
    })
    void methodMatrix(String method, int course, int rfc) {
        var req = Requests.http11(method, "/hello.txt");
        assertThat(Site.course().serve(req).status().code()).isEqualTo(course);
        assertThat(Site.rfc().serve(req).status().code()).isEqualTo(rfc);
    }

    @Test
    @DisplayName("RFC 9110 §15.5.6: 405 carries Allow: GET, HEAD")
    void methodNotAllowedListsAllowedMethods() {
        Response res = Site.rfc().serve(Requests.http11("POST", "/hello.txt"));
        assertThat(header(res, "Allow")).isEqualTo("GET, HEAD");
    }

    @Test
    @DisplayName("RFC 9112 §9.3: a 405 for a well-framed request keeps the connection open")
    void methodNotAllowedKeepsConnection() {
        assertThat(Site.rfc().serve(Requests.http11("DELETE", "/hello.txt")).keepOpen()).isTrue();
    }

    @Test
    @DisplayName("RFC 9110 §15.5.1: the course profile's 400 for an unsupported method closes and has no Allow")
    void courseRefusesMethodWithPlain400() {
        Response res = Site.course().serve(Requests.http11("POST", "/hello.txt"));
        assertThat(header(res, "Allow")).isEmpty();
        assertThat(res.keepOpen()).isFalse();
    }

    @DisplayName("RFC 9112 §3.2: request-target forms")
    @ParameterizedTest(name = "{0} → course {1}, rfc {2}")
    @CsvSource({
        "/hello.txt, 200, 200",
        "http://localhost/hello.txt, 200, 200",
        "HTTP://LOCALHOST:2130/hello.txt, 200, 200",
        "https://example.com/hello.txt?x=1, 200, 200",
        "http://localhost, 200, 200",         // empty path means / (RFC 9110 §4.2.3)
        "http://localhost?q, 200, 200",
        "*, 400, 400",                        // asterisk-form: OPTIONS only
        "localhost:80, 400, 400",             // authority-form: CONNECT only
        "hello.txt, 400, 400",
        "ftp://localhost/hello.txt, 400, 400",
        "http:///hello.txt, 400, 400",        // empty host (RFC 9110 §4.2.1)
        "http://user@localhost/hello.txt, 400, 400", // userinfo (RFC 9110 §4.2.4)
    })
    void targetForms(String target, int course, int rfc) {
        assertThat(Site.course().serve(get(target)).status().code()).isEqualTo(course);
        assertThat(Site.rfc().serve(get(target)).status().code()).isEqualTo(rfc);
    }

    @Test
    @DisplayName("RFC 9110 §9.3.7: OPTIONS * gets 405 in the rfc profile, where the method is refused first")
    void optionsAsteriskInRfcProfile() {
        assertThat(Site.rfc().serve(Requests.http11("OPTIONS", "*")).status().code()).isEqualTo(405);
    }
}
