package dev.comp2322.webserver.domain.rules;

import static dev.comp2322.webserver.domain.model.Fields.header;
import static dev.comp2322.webserver.domain.rules.Requests.get;
import static org.assertj.core.api.Assertions.assertThat;

import dev.comp2322.webserver.domain.model.Body;
import dev.comp2322.webserver.domain.model.HeaderField;
import dev.comp2322.webserver.domain.model.HttpVersion;
import dev.comp2322.webserver.domain.model.Request;
import dev.comp2322.webserver.domain.model.RequestError;
import dev.comp2322.webserver.domain.model.Response;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The fields every response carries, and those of a 200: RFC 9110 §6.6.1, §8.6, §8.8, §9.3.2, §10.2.4. */
class ResponseFieldsTest {

    private static final String NOW_DATE = "Fri, 14 Mar 2025 15:09:26 GMT";

    static Stream<Arguments> everyKindOfResponse() {
        return Stream.of(
                Arguments.of("200", Site.course().serve(get("/hello.txt"))),
                Arguments.of("200 HEAD", Site.course().serve(Requests.http11("HEAD", "/hello.txt"))),
                Arguments.of("301", Site.rfc().serve(get("/docs"))),
                Arguments.of("400", Site.course().serve(get("/../x"))),
                Arguments.of("404", Site.course().serve(get("/nothing"))),
                Arguments.of("405", Site.rfc().serve(Requests.http11("POST", "/"))),
                Arguments.of("501", Site.rfc().serve(Requests.http11("BREW", "/"))),
                Arguments.of("505", Site.rfc().serve(Requests.request("GET", "/", new HttpVersion(2, 0)))),
                Arguments.of("reject", Site.rfc().reject(Requests.error(RequestError.Kind.HEADER_SECTION_TOO_LARGE))));
    }

    @DisplayName("RFC 9110 §6.6.1, §10.2.4, §8.6: every response has Date (IMF-fixdate), Server and Content-Length")
    @ParameterizedTest(name = "{0}")
    @MethodSource("everyKindOfResponse")
    void everyResponseHasDateServerAndLength(String kind, Response res) {
        assertThat(header(res, "Date")).isEqualTo(NOW_DATE);
        assertThat(header(res, "Server")).isEqualTo("comp2322-webserver/1.0");
        assertThat(header(res, "Content-Length")).isNotEmpty();
    }

    @DisplayName("RFC 9110 §8.6: Content-Length is the byte length of what a GET would send")
    @ParameterizedTest(name = "{0}")
    @MethodSource("everyKindOfResponse")
    void contentLengthMatchesBody(String kind, Response res) {
        long length = Long.parseLong(header(res, "Content-Length"));
        switch (res.body()) {
            case Body.Text text -> assertThat(length).isEqualTo(text.text().getBytes(StandardCharsets.UTF_8).length);
            case Body.FileContent file -> assertThat(length).isEqualTo(file.length());
            case Body.Empty empty -> assertThat(kind).as("only HEAD announces content it does not send").contains("HEAD");
        }
    }

    @Test
    @DisplayName("RFC 9110 §8.3, §8.8.2, §8.8.3: a 200 adds Content-Type, Last-Modified and ETag, in a stable order")
    void okFields() {
        Response res = Site.course().serve(get("/hello.txt"));
        assertThat(res.headers()).extracting(HeaderField::name)
                .containsExactly("Date", "Server", "Content-Type", "Content-Length", "Last-Modified", "ETag");
        assertThat(header(res, "Content-Type")).isEqualTo("text/plain; charset=utf-8");
        assertThat(header(res, "Content-Length")).isEqualTo("12");
        assertThat(header(res, "Last-Modified")).isEqualTo("Tue, 02 Jan 2024 03:04:05 GMT");
        assertThat(header(res, "ETag")).isEqualTo("\"c-" + Long.toHexString(Site.MODIFIED.toEpochMilli()) + "\"");
    }

    @Test
    @DisplayName("RFC 9110 §8.8.2.1: Last-Modified of a file dated in the future is clamped to Date")
    void lastModifiedNeverAfterDate() {
        Response res = Site.course().serve(get("/future.txt"));
        assertThat(header(res, "Last-Modified")).isEqualTo(header(res, "Date"));
    }

    @Test
    @DisplayName("RFC 9110 §9.3.1: a GET of a file streams exactly the file's bytes")
    void okBodyIsTheFile() {
        Response res = Site.course().serve(get("/index.html"));
        assertThat(res.body()).isEqualTo(new Body.FileContent(new InMemoryFiles.Handle("/index.html"), 1024));
    }

    @DisplayName("RFC 9110 §9.3.2: HEAD gets GET's status and fields, without content")
    @ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.ValueSource(strings = {"/hello.txt", "/docs/", "/nothing", "/docs", "/../x"})
    void headMirrorsGet(String target) {
        for (Profile profile : Profile.values()) {
            Response getResponse = Site.service(profile).serve(get(target));
            Response headResponse = Site.service(profile).serve(Requests.http11("HEAD", target));
            assertThat(headResponse.status()).isEqualTo(getResponse.status());
            assertThat(headResponse.headers()).isEqualTo(getResponse.headers());
            assertThat(headResponse.keepOpen()).isEqualTo(getResponse.keepOpen());
            assertThat(headResponse.body()).isEqualTo(Body.Empty.INSTANCE);
        }
    }

    @Test
    @DisplayName("RFC 9110 §15.5.1: a 400 carries an HTML page naming the status")
    void badRequestPage() {
        Response res = Site.course().serve(get("/%zz"));
        assertThat(header(res, "Content-Type")).isEqualTo("text/html; charset=utf-8");
        assertThat(((Body.Text) res.body()).text()).contains("400 Bad Request");
    }

    @Test
    @DisplayName("RFC 9110 §10.2.4: the Server field comes from the policy")
    void serverNameFromPolicy() {
        var policy = new ServicePolicy(Profile.COURSE, "test/2", java.time.Duration.ofSeconds(5));
        var service = new StaticFileService(Site.files(), policy);
        assertThat(header(service.serve(get("/")), "Server")).isEqualTo("test/2");
    }

    @Test
    @DisplayName("RFC 9110 §6.6.1: Date is the request's arrival, the one clock reading the wire stamps on it")
    void dateFollowsTheRequestsArrival() {
        Request sent = get("/hello.txt");
        Request req = new Request(sent.method(), sent.target(), sent.version(), sent.headers(), sent.client(),
                Requests.NOW.plusSeconds(61));
        assertThat(header(Site.course().serve(req), "Date")).isEqualTo("Fri, 14 Mar 2025 15:10:27 GMT");
    }
}
