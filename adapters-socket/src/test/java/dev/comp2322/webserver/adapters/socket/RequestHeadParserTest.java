package dev.comp2322.webserver.adapters.socket;

import static dev.comp2322.webserver.domain.model.RequestError.Kind.HEADER_SECTION_TOO_LARGE;
import static dev.comp2322.webserver.domain.model.RequestError.Kind.MALFORMED_FIELD;
import static dev.comp2322.webserver.domain.model.RequestError.Kind.MALFORMED_REQUEST_LINE;
import static dev.comp2322.webserver.domain.model.RequestError.Kind.REQUEST_LINE_TOO_LONG;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.comp2322.webserver.domain.model.HeaderField;
import dev.comp2322.webserver.domain.model.HttpVersion;
import dev.comp2322.webserver.domain.model.RequestError;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class RequestHeadParserTest {

    private static final String SIMPLE = """
            GET /index.html HTTP/1.1\r
            Host: example.org\r
            User-Agent: curl/8.0\r
            \r
            """;

    @Test
    void parsesMethodTargetVersionAndFieldsInOrder() throws WireException {
        HeadParsing.Head head = HeadParsing.parse(SIMPLE);

        assertThat(head.method()).isEqualTo("GET");
        assertThat(head.target()).isEqualTo("/index.html");
        assertThat(head.version()).isEqualTo(HttpVersion.HTTP_1_1);
        assertThat(head.fields()).containsExactly(
                new HeaderField("Host", "example.org"), new HeaderField("User-Agent", "curl/8.0"));
        assertThat(head.leftover()).isZero();
    }

    @Test
    void givesTheSameResultWhenFedOneByteAtATime() throws WireException {
        assertThat(HeadParsing.parseByteAtATime(SIMPLE)).isEqualTo(HeadParsing.parse(SIMPLE));
    }

    @Test
    void givesTheSameResultWhereverTheHeadIsSplitBetweenTwoReads() throws WireException {
        // Runs of name, value and target bytes are taken in bulk: a split inside one, or inside the
        // whitespace around a value, must not change what is parsed.
        String head = "GET /a/b.html?q=1 HTTP/1.1\r\nHost: \t example.org \t \r\nX-List: a ,\tb  c \r\n"
                + "Accept:*/*\r\nX-Empty:  \r\n\r\n";
        HeadParsing.Head whole = HeadParsing.parse(head);
        assertThat(whole.fields()).containsExactly(new HeaderField("Host", "example.org"),
                new HeaderField("X-List", "a ,\tb  c"), new HeaderField("Accept", "*/*"), new HeaderField("X-Empty", ""));

        for (int split = 1; split < head.length(); split++) {
            assertThat(HeadParsing.parseSplitAt(head, split)).as("split at %d", split).isEqualTo(whole);
        }
    }

    @Test
    void leavesTheBytesAfterTheHeadForTheNextRequest() throws WireException {
        HeadParsing.Head head = HeadParsing.parse(SIMPLE + "GET /next HTTP/1.1\r\n");

        assertThat(head.leftover()).isEqualTo("GET /next HTTP/1.1\r\n".length());
    }

    static Stream<Arguments> validHeads() {
        return Stream.of(
                Arguments.of("leading empty lines are ignored (RFC 9112 §2.2)",
                        "\r\n\r\nGET / HTTP/1.1\r\nHost: a\r\n\r\n", "GET", "/", "Host", "a"),
                Arguments.of("bare LF ends lines (RFC 9112 §2.2)",
                        "GET / HTTP/1.1\nHost: a\n\n", "GET", "/", "Host", "a"),
                Arguments.of("optional whitespace around the value is removed",
                        "GET / HTTP/1.1\r\nHost: \t a b \t\r\n\r\n", "GET", "/", "Host", "a b"),
                Arguments.of("an empty value is allowed",
                        "GET / HTTP/1.1\r\nX-Empty:\r\n\r\n", "GET", "/", "X-Empty", ""),
                Arguments.of("obs-text in a value is kept as ISO-8859-1",
                        "GET / HTTP/1.1\r\nX-Name: caf\u00e9\r\n\r\n", "GET", "/", "X-Name", "caf\u00e9"),
                Arguments.of("any token is a method; policy is the domain's",
                        "M-SEARCH * HTTP/1.1\r\nHost: a\r\n\r\n", "M-SEARCH", "*", "Host", "a"),
                Arguments.of("absolute-form target",
                        "GET http://a/b?c=d HTTP/1.0\r\nHost: a\r\n\r\n", "GET", "http://a/b?c=d", "Host", "a"),
                Arguments.of("a HTTP/9.9 version is syntax-valid",
                        "GET / HTTP/9.9\r\nHost: a\r\n\r\n", "GET", "/", "Host", "a"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("validHeads")
    void acceptsValidHeads(String why, String input, String method, String target, String name, String value)
            throws WireException {
        HeadParsing.Head head = HeadParsing.parse(input);

        assertThat(head.method()).isEqualTo(method);
        assertThat(head.target()).isEqualTo(target);
        assertThat(head.fields()).containsExactly(new HeaderField(name, value));
    }

    static Stream<Arguments> invalidHeads() {
        return Stream.of(
                Arguments.of("lower-case version name (RFC 9112 §2.3)", "GET / http/1.1\r\n\r\n", MALFORMED_REQUEST_LINE),
                Arguments.of("two-digit minor version", "GET / HTTP/1.11\r\n\r\n", MALFORMED_REQUEST_LINE),
                Arguments.of("two-digit major version", "GET / HTTP/10.0\r\n\r\n", MALFORMED_REQUEST_LINE),
                Arguments.of("missing version (HTTP/0.9 form)", "GET /\r\n\r\n", MALFORMED_REQUEST_LINE),
                Arguments.of("double space", "GET  / HTTP/1.1\r\n\r\n", MALFORMED_REQUEST_LINE),
                Arguments.of("tab as separator", "GET\t/ HTTP/1.1\r\n\r\n", MALFORMED_REQUEST_LINE),
                Arguments.of("trailing space after version", "GET / HTTP/1.1 \r\n\r\n", MALFORMED_REQUEST_LINE),
                Arguments.of("non-token method character (RFC 9110 §9.1)", "G(T / HTTP/1.1\r\n\r\n", MALFORMED_REQUEST_LINE),
                Arguments.of("leading space", " GET / HTTP/1.1\r\n\r\n", MALFORMED_REQUEST_LINE),
                Arguments.of("control character in target (RFC 9112 §3.2)", "GET /a\u0001b HTTP/1.1\r\n\r\n", MALFORMED_REQUEST_LINE),
                Arguments.of("non-ASCII byte in target", "GET /caf\u00e9 HTTP/1.1\r\n\r\n", MALFORMED_REQUEST_LINE),
                Arguments.of("bare CR ends the request line (RFC 9112 §2.2)", "GET / HTTP/1.1\rHost: a\r\n\r\n", MALFORMED_REQUEST_LINE),
                Arguments.of("bare CR before the request line", "\rGET / HTTP/1.1\r\n\r\n", MALFORMED_REQUEST_LINE),
                Arguments.of("whitespace before the colon (RFC 9112 §5.1)", "GET / HTTP/1.1\r\nHost : a\r\n\r\n", MALFORMED_FIELD),
                Arguments.of("obs-fold (RFC 9112 §5.2)", "GET / HTTP/1.1\r\nX-A: a\r\n  b\r\n\r\n", MALFORMED_FIELD),
                Arguments.of("whitespace line after the request line (RFC 9112 §2.2)", "GET / HTTP/1.1\r\n Host: a\r\n\r\n", MALFORMED_FIELD),
                Arguments.of("empty field name", "GET / HTTP/1.1\r\n: a\r\n\r\n", MALFORMED_FIELD),
                Arguments.of("non-token field name", "GET / HTTP/1.1\r\nX(A): a\r\n\r\n", MALFORMED_FIELD),
                Arguments.of("line without colon", "GET / HTTP/1.1\r\nHost\r\n\r\n", MALFORMED_FIELD),
                Arguments.of("NUL in a value (RFC 9110 §5.5)", "GET / HTTP/1.1\r\nX-A: a\u0000b\r\n\r\n", MALFORMED_FIELD),
                Arguments.of("bare CR in a value", "GET / HTTP/1.1\r\nX-A: a\rb\r\n\r\n", MALFORMED_FIELD),
                Arguments.of("DEL in a value", "GET / HTTP/1.1\r\nX-A: a\u007fb\r\n\r\n", MALFORMED_FIELD),
                Arguments.of("bare CR ending the section", "GET / HTTP/1.1\r\nHost: a\r\n\rX", MALFORMED_FIELD));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidHeads")
    void rejectsInvalidHeads(String why, String input, RequestError.Kind kind) {
        assertThatThrownBy(() -> HeadParsing.parse(input))
                .isInstanceOfSatisfying(WireException.class, e -> assertThat(e.kind()).isEqualTo(kind));
    }

    @Test
    void acceptsARequestLineExactlyAtTheLimit() throws WireException {
        String line = "GET /" + "a".repeat(100 - "GET / HTTP/1.1".length()) + " HTTP/1.1";

        HeadParsing.Head head = HeadParsing.parse(line + "\r\n\r\n", 100, 1000, 10);

        assertThat(line).hasSize(100);
        assertThat(head.target()).hasSize(100 - "GET  HTTP/1.1".length());
    }

    @Test
    void rejectsARequestLineOneByteOverTheLimitBeforeItEnds() {
        // No line end at all: the parser must stop at the limit, not wait for the end of the line.
        String tooLong = "GET /" + "a".repeat(101 - "GET / HTTP/1.1".length()) + " HTTP/1.1";

        assertThatThrownBy(() -> HeadParsing.parse(tooLong, 100, 1000, 10))
                .isInstanceOfSatisfying(WireException.class, e -> assertThat(e.kind()).isEqualTo(REQUEST_LINE_TOO_LONG));
    }

    @Test
    void rejectsAHeaderSectionOverItsByteLimit() {
        String head = "GET / HTTP/1.1\r\nX-Big: " + "v".repeat(200) + "\r\n\r\n";

        assertThatThrownBy(() -> HeadParsing.parse(head, 100, 100, 10))
                .isInstanceOfSatisfying(WireException.class, e -> assertThat(e.kind()).isEqualTo(HEADER_SECTION_TOO_LARGE));
    }

    @Test
    void rejectsMoreFieldsThanTheLimit() {
        String head = "GET / HTTP/1.1\r\n" + "X-A: 1\r\n".repeat(11) + "\r\n";

        assertThatThrownBy(() -> HeadParsing.parse(head, 100, 1000, 10))
                .isInstanceOfSatisfying(WireException.class, e -> assertThat(e.kind()).isEqualTo(HEADER_SECTION_TOO_LARGE));
    }

    @Test
    void acceptsExactlyTheFieldLimit() throws WireException {
        String head = "GET / HTTP/1.1\r\n" + "X-A: 1\r\n".repeat(10) + "\r\n";

        assertThat(HeadParsing.parse(head, 100, 1000, 10).fields()).hasSize(10);
    }

    @Test
    @DisplayName("endless empty lines before a request are cut off at the request-line limit")
    void endlessLeadingEmptyLinesAreBounded() {
        assertThatThrownBy(() -> HeadParsing.parse("\r\n".repeat(100) + "GET / HTTP/1.1\r\n\r\n", 100, 1000, 10))
                .isInstanceOfSatisfying(WireException.class, e -> assertThat(e.kind()).isEqualTo(MALFORMED_REQUEST_LINE));
    }

    @Test
    void errorDetailsNeverEchoRawControlBytes() {
        assertThatThrownBy(() -> HeadParsing.parse("GET /a\u001b[31m HTTP/1.1\r\n\r\n"))
                .isInstanceOf(WireException.class)
                .hasMessageContaining("0x1B")
                .hasMessageNotContaining("\u001b");
    }
}
