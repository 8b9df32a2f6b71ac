package dev.comp2322.webserver.adapters.socket;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Property tests of the request parsers: whatever the bytes, the parsers either finish, ask for
 * more, or report a typed request error — never another exception — and never take more bytes
 * than their limits allow.
 */
class ParserFuzzTest {

    private static final int LINE_LIMIT = 64;
    private static final int SECTION_LIMIT = 256;
    private static final String VALID = "GET /a HTTP/1.1\r\nHost: a\r\nContent-Length: 5\r\n\r\n";

    @Property(tries = 2000)
    void randomBytesNeverEscapeAsAnythingButARequestError(@ForAll("noise") byte[] input) {
        assertParsesWithinLimits(input);
    }

    @Property(tries = 2000)
    void mutatedValidHeadsNeverEscapeAsAnythingButARequestError(@ForAll("mutations") byte[] input) {
        assertParsesWithinLimits(input);
    }

    @Property(tries = 1000)
    void randomChunkedBodiesNeverEscapeAsAnythingButARequestError(@ForAll("noise") byte[] input) {
        ChunkedBodyDiscarder discarder = new ChunkedBodyDiscarder(1000, LINE_LIMIT, SECTION_LIMIT, 10);
        try {
            discarder.discard(ReadBuffers.of(input));
        } catch (WireException expected) {
            assertThat(expected.kind()).isNotNull();
        }
    }

    private static void assertParsesWithinLimits(byte[] input) {
        RequestLineParser line = new RequestLineParser(LINE_LIMIT);
        FieldSectionParser fields = new FieldSectionParser(SECTION_LIMIT, 10);
        ReadBuffer buffer = ReadBuffers.of(input);
        try {
            if (line.parse(buffer) && fields.parse(buffer)) {
                assertThat(line.method()).isNotEmpty();
                assertThat(line.target()).isNotEmpty();
            }
        } catch (WireException expected) {
            assertThat(expected.kind()).isNotNull();
        }
        // Leading empty lines, the line and its ending, the section: nothing beyond the limits is taken.
        assertThat(input.length - buffer.remaining()).isLessThanOrEqualTo(LINE_LIMIT + LINE_LIMIT + 2 + SECTION_LIMIT);
    }

    @Provide
    Arbitrary<byte[]> noise() {
        Arbitrary<Byte> bytes = Arbitraries.oneOf(
                Arbitraries.bytes(),
                Arbitraries.of((byte) '\r', (byte) '\n', (byte) ' ', (byte) ':', (byte) '\t', (byte) 0, (byte) ';'));
        return bytes.array(byte[].class).ofMaxSize(600);
    }

    @Provide
    Arbitrary<byte[]> mutations() {
        byte[] valid = VALID.getBytes(StandardCharsets.ISO_8859_1);
        Arbitrary<Integer> position = Arbitraries.integers().between(0, valid.length - 1);
        return Combinators.combine(position, Arbitraries.bytes(), Arbitraries.integers().between(0, 2))
                .as((at, value, how) -> mutate(valid, at, value, how));
    }

    private static byte[] mutate(byte[] valid, int at, byte value, int how) {
        byte[] copy = valid.clone();
        return switch (how) {
            case 0 -> {
                copy[at] = value; // flip a byte
                yield copy;
            }
            case 1 -> java.util.Arrays.copyOf(copy, at); // cut short
            default -> { // duplicate the tail
                byte[] longer = new byte[copy.length + copy.length - at];
                System.arraycopy(copy, 0, longer, 0, copy.length);
                System.arraycopy(copy, at, longer, copy.length, copy.length - at);
                yield longer;
            }
        };
    }
}
