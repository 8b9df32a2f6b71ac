package dev.comp2322.webserver.domain.rules;

import static dev.comp2322.webserver.domain.model.Fields.fields;
import static dev.comp2322.webserver.domain.model.Fields.header;
import static org.assertj.core.api.Assertions.assertThat;

import dev.comp2322.webserver.domain.model.Body;
import dev.comp2322.webserver.domain.model.HeaderField;
import dev.comp2322.webserver.domain.model.Response;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Conditional GET: RFC 9110 §13.1.1 (If-Match family syntax), §13.1.2, §13.1.3, §13.2.2, §15.4.5. */
class ConditionalRequestTest {

    /** /hello.txt: 12 bytes, modified 2024-01-02T03:04:05.678Z. */
    private static final String TAG = "\"c-" + Long.toHexString(Site.MODIFIED.toEpochMilli()) + "\"";
    private static final String OTHER = "\"c-0\"";

    @DisplayName("RFC 9110 §13.1.2, §8.8.3.2: If-None-Match with weak comparison, lists and *")
    @ParameterizedTest(name = "If-None-Match: {0} → {1}")
    @CsvSource(delimiter = '|', value = {
        "TAG                 | 304",
        "W/TAG               | 304",
        "*                   | 304",
        "OTHER               | 200",
        "W/OTHER             | 200",
        "OTHER, TAG          | 304",
        "OTHER,TAG           | 304",
        "OTHER ,  W/TAG      | 304",
        ", , TAG             | 304",
        "OTHER, *            | 200",
        "c-0                 | 200",
        "\"unterminated      | 200",
    })
    void ifNoneMatch(String value, int status) {
        String field = value.replace("OTHER", OTHER).replace("TAG", TAG);
        Response res = Site.course().serve(Requests.get("/hello.txt", "If-None-Match", field));
        assertThat(res.status().code()).isEqualTo(status);
    }

    @Test
    @DisplayName("RFC 9110 §13.1.2: If-None-Match lines combine into one list")
    void ifNoneMatchOverSeveralLines() {
        var req = Requests.get("/hello.txt", "If-None-Match", OTHER, "If-None-Match", TAG);
        assertThat(Site.course().serve(req).status().code()).isEqualTo(304);
    }

    @DisplayName("RFC 9110 §13.1.3, §5.6.7: If-Modified-Since (Last-Modified is Tue, 02 Jan 2024 03:04:05 GMT)")
    @ParameterizedTest(name = "If-Modified-Since: {0} → {1}")
    @CsvSource(delimiter = '|', value = {
        "Tue, 02 Jan 2024 03:04:05 GMT       | 304",   // equal, to the second
        "Tue, 02 Jan 2024 03:04:06 GMT       | 304",   // later
        "Tue, 02 Jan 2024 03:04:04 GMT       | 200",   // earlier
        "Tuesday, 02-Jan-24 03:04:05 GMT     | 304",   // RFC 850
        "Tuesday, 02-Jan-24 03:04:04 GMT     | 200",
        "Tue Jan  2 03:04:05 2024            | 304",   // asctime
        "Tue Jan  2 03:04:04 2024            | 200",
        "Fri, 14 Mar 2025 15:09:26 GMT       | 304",   // now
        "tue, 02 jan 2024 03:04:05 gmt       | 200",   // case-sensitive: invalid, ignored
        "Wed, 02 Jan 2024 03:04:05 GMT       | 200",   // wrong weekday: invalid, ignored
        "2024-01-02T03:04:05Z                | 200",   // not an HTTP-date
        "Tue, 02 Jan 2024 03:04:05 GMT, Tue, 02 Jan 2024 03:04:05 GMT | 200", // two members
        "Tue, 02 Jan 2024 03:04:05 +0000     | 200",
        "Tue,  2 Jan 2024 03:04:05 GMT       | 200",
        "Tue, 02 Jan 2024 24:00:00 GMT       | 200",
    })
    void ifModifiedSince(String date, int status) {
        Response res = Site.course().serve(Requests.get("/hello.txt", "If-Modified-Since", date));
        assertThat(res.status().code()).isEqualTo(status);
    }

    @Test
    @DisplayName("RFC 9110 §13.1.3: If-Modified-Since on two field lines is ignored")
    void ifModifiedSinceOnTwoLinesIgnored() {
        var date = "Tue, 02 Jan 2024 03:04:05 GMT";
        var req = Requests.get("/hello.txt", "If-Modified-Since", date, "If-Modified-Since", date);
        assertThat(Site.course().serve(req).status().code()).isEqualTo(200);
    }

    @Test
    @DisplayName("RFC 9110 §13.1.3, §13.2.2: If-Modified-Since is ignored when If-None-Match is present")
    void ifNoneMatchTakesPrecedence() {
        var req = Requests.get("/hello.txt", "If-None-Match", OTHER, "If-Modified-Since", "Fri, 14 Mar 2025 15:09:26 GMT");
        assertThat(Site.course().serve(req).status().code()).isEqualTo(200);
    }

    @Test
    @DisplayName("RFC 9110 §13.2.2: a matching If-None-Match wins even with an old If-Modified-Since")
    void matchingIfNoneMatchIgnoresOldDate() {
        var req = Requests.get("/hello.txt", "If-None-Match", TAG, "If-Modified-Since", "Mon, 01 Jan 1990 00:00:00 GMT");
        assertThat(Site.course().serve(req).status().code()).isEqualTo(304);
    }

    @Test
    @DisplayName("RFC 9110 §13.1.3: If-Modified-Since applies only to GET and HEAD")
    void ifModifiedSinceOnlyForGetAndHead() {
        assertThat(ConditionalRequest.notModified("POST",
                fields("If-Modified-Since", "Fri, 14 Mar 2025 15:09:26 GMT"),
                TAG, Site.MODIFIED, Requests.NOW)).isFalse();
    }

    @Test
    @DisplayName("RFC 9110 §13.1.3: If-Modified-Since on a missing file still gives 404")
    void ifModifiedSinceOnMissingFile() {
        var req = Requests.get("/nothing", "If-Modified-Since", "Fri, 14 Mar 2025 15:09:26 GMT");
        assertThat(Site.course().serve(req).status().code()).isEqualTo(404);
    }

    @Test
    @DisplayName("RFC 9110 §15.4.5: a 304 carries Date, Server, ETag, Last-Modified; no Content-Type, no Content-Length, no body")
    void notModifiedFields() {
        Response res = Site.course().serve(Requests.get("/hello.txt", "If-None-Match", TAG));
        assertThat(res.headers()).extracting(HeaderField::name)
                .containsExactly("Date", "Server", "ETag", "Last-Modified");
        assertThat(header(res, "ETag")).isEqualTo(TAG);
        assertThat(res.body()).isEqualTo(Body.Empty.INSTANCE);
        assertThat(res.keepOpen()).isTrue();
    }

    @Test
    @DisplayName("RFC 9110 §9.3.2, §15.4.5: HEAD with a matching validator also gets 304")
    void headGetsNotModified() {
        Response res = Site.course().serve(Requests.http11("HEAD", "/hello.txt", "If-None-Match", TAG));
        assertThat(res.status().code()).isEqualTo(304);
    }

    @Test
    @DisplayName("RFC 9110 §8.8.3: the ETag changes when size or modification time changes")
    void entityTagTracksSizeAndTime() {
        var handle = new InMemoryFiles.Handle("/x");
        var base = new dev.comp2322.webserver.domain.port.out.Resource.File(10, Site.MODIFIED, handle);
        var bigger = new dev.comp2322.webserver.domain.port.out.Resource.File(11, Site.MODIFIED, handle);
        var touched = new dev.comp2322.webserver.domain.port.out.Resource.File(10, Site.MODIFIED.plusMillis(1), handle);
        assertThat(ConditionalRequest.entityTag(base))
                .startsWith("\"").endsWith("\"")
                .isNotEqualTo(ConditionalRequest.entityTag(bigger))
                .isNotEqualTo(ConditionalRequest.entityTag(touched));
    }
}
