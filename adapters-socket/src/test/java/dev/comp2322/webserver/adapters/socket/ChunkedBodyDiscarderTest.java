package dev.comp2322.webserver.adapters.socket;

import static dev.comp2322.webserver.domain.model.RequestError.Kind.BAD_FRAMING;
import static dev.comp2322.webserver.domain.model.RequestError.Kind.CONTENT_TOO_LARGE;
import static dev.comp2322.webserver.domain.model.RequestError.Kind.HEADER_SECTION_TOO_LARGE;
import static dev.comp2322.webserver.domain.model.RequestError.Kind.MALFORMED_FIELD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.comp2322.webserver.domain.model.RequestError;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class ChunkedBodyDiscarderTest {

    private static final String NEXT = "GET /next HTTP/1.1\r\n";

    private static ChunkedBodyDiscarder discarder() {
        return new ChunkedBodyDiscarder(100, 64, 200, 5);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "0\r\n\r\n",
        "5\r\nhello\r\n0\r\n\r\n",
        "5\r\nhello\r\n6\r\n world\r\n0\r\n\r\n",
        "A\r\n0123456789\r\n0\r\n\r\n",
        "a;name=value\r\n0123456789\r\n0\r\n\r\n",
        "5 ;ext\r\nhello\r\n0\r\n\r\n",
        "5\nhello\n0\n\n",
        "5\r\nhello\r\n0\r\nX-Trailer: t\r\nY: u\r\n\r\n",
        "000005\r\nhello\r\n0000\r\n\r\n"})
    void consumesAWholeChunkedBodyAndNotOneByteMore(String body) throws WireException {
        ReadBuffer buffer = ReadBuffers.of(body + NEXT);

        assertThat(discarder().discard(buffer)).isTrue();
        assertThat(buffer.remaining()).isEqualTo(NEXT.length());
    }

    @Test
    void consumesABodyFedOneByteAtATime() throws WireException {
        byte[] bytes = "5;x\r\nhello\r\n0\r\nT: v\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1);
        ChunkedBodyDiscarder discarder = discarder();
        for (int i = 0; i < bytes.length - 1; i++) {
            assertThat(discarder.discard(ReadBuffers.of(new byte[] {bytes[i]}))).as("after byte %d", i).isFalse();
        }
        assertThat(discarder.discard(ReadBuffers.of(new byte[] {bytes[bytes.length - 1]}))).isTrue();
    }

    @Test
    void waitsForMoreWhenTheBodyIsIncomplete() throws WireException {
        assertThat(discarder().discard(ReadBuffers.of("5\r\nhel"))).isFalse();
    }

    static Stream<Arguments> brokenBodies() {
        return Stream.of(
                Arguments.of("no chunk size", "\r\nhello\r\n0\r\n\r\n", BAD_FRAMING),
                Arguments.of("non-hex size", "g\r\n", BAD_FRAMING),
                Arguments.of("signed size", "+5\r\nhello\r\n", BAD_FRAMING),
                Arguments.of("size overflowing a long (RFC 9112 §7.1)", "10000000000000000\r\n", BAD_FRAMING),
                Arguments.of("data longer than its size", "3\r\nhello\r\n", BAD_FRAMING),
                Arguments.of("CR without LF after data", "5\r\nhello\rX", BAD_FRAMING),
                Arguments.of("bare CR after the size", "5\rhello", BAD_FRAMING),
                Arguments.of("whitespace not followed by an extension", "5 x\r\n", BAD_FRAMING),
                Arguments.of("control character in an extension", "5;a\u0001\r\n", BAD_FRAMING),
                Arguments.of("endless size line", "5;" + "x".repeat(100) + "\r\n", BAD_FRAMING),
                Arguments.of("more content than the discard limit", "65\r\n" + "x".repeat(101) + "\r\n", CONTENT_TOO_LARGE),
                Arguments.of("limit exceeded across chunks", "40\r\n" + "x".repeat(64) + "\r\n40\r\n", CONTENT_TOO_LARGE),
                Arguments.of("malformed trailer", "0\r\nBad Trailer: x\r\n\r\n", MALFORMED_FIELD),
                Arguments.of("too many trailers", "0\r\n" + "T: v\r\n".repeat(6) + "\r\n", HEADER_SECTION_TOO_LARGE));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenBodies")
    void rejectsBrokenChunkedBodies(String why, String body, RequestError.Kind kind) {
        assertThatThrownBy(() -> discarder().discard(ReadBuffers.of(body)))
                .isInstanceOfSatisfying(WireException.class, e -> assertThat(e.kind()).isEqualTo(kind));
    }

    @Test
    void canBeReusedForTheNextBodyAfterAReset() throws WireException {
        ChunkedBodyDiscarder discarder = discarder();
        discarder.discard(ReadBuffers.of("40\r\n" + "x".repeat(64) + "\r\n0\r\n\r\n"));
        discarder.reset();

        assertThat(discarder.discard(ReadBuffers.of("30\r\n" + "y".repeat(48) + "\r\n0\r\n\r\n"))).isTrue();
    }
}
