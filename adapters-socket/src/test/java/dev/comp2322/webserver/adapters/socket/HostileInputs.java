package dev.comp2322.webserver.adapters.socket;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;

/**
 * Generators of hostile request bytes: noise biased towards the bytes HTTP framing cares about, and
 * a corpus of valid requests mangled by one to four mutations (flipped bytes, cut lines, duplicated
 * and reordered lines, huge numbers, odd whitespace, every control character, endless repetition).
 */
final class HostileInputs {

    /** Valid requests (and pipelines) that reach every part of the parser and most of the domain. */
    static final List<String> CORPUS = List.of(
            "GET / HTTP/1.1\r\nHost: localhost\r\nUser-Agent: curl/8.5.0\r\nAccept: */*\r\n\r\n",
            "HEAD /index.html HTTP/1.1\r\nHost: a.example:8080\r\n\r\n",
            "GET /a HTTP/1.0\r\nConnection: keep-alive\r\n\r\n",
            "GET http://localhost/docs/?q=1 HTTP/1.1\r\nHost: localhost\r\n\r\n",
            "GET /docs HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
            "GET /caf%C3%A9.txt HTTP/1.1\r\nHost: x\r\nIf-None-Match: \"3-1\", W/\"x\"\r\n\r\n",
            "GET /index.html HTTP/1.1\r\nHost: x\r\nIf-Modified-Since: Sun, 06 Nov 1994 08:49:37 GMT\r\n\r\n",
            "POST /a HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\nhello",
            "PUT /a HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n5;ext=1\r\nhello\r\n0\r\nTrailer: t\r\n\r\n",
            "GET /a HTTP/1.1\r\nHost: x\r\n\r\nGET /b HTTP/1.1\r\nHost: x\r\n\r\nHEAD / HTTP/1.1\r\nHost: x\r\n\r\n",
            "\r\n\r\nGET /%2e%2e/a HTTP/1.1\nHost: x\n\n",
            "GET /big.bin HTTP/1.1\r\nHost: x\r\nRange: bytes=0-1\r\n\r\n",
            "OPTIONS * HTTP/1.1\r\nHost: x\r\n\r\n",
            "POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
                    + "1;an-extension-that-costs-far-more-bytes-than-the-one-byte-of-data-it-comes-with=yes\r\nX\r\n0\r\n\r\n",
            "GET /empty/ HTTP/1.1\r\nHost: [::1]:80\r\nCookie: a=b; c=d\r\n\r\n");

    private static final byte[] SPECIAL = " \t\r\n:;,/\\%.?#\"=\0".getBytes(StandardCharsets.ISO_8859_1);
    private static final String[] HUGE = {"99999999999999999999999999", "18446744073709551616", "-1", "+5",
            "fffffffffffffffffff", "0x10", "1e9", "9223372036854775807", "9223372036854775808",
            "7fffffffffffffff", "7ffffffffffffff0", "8000000000000000"};
    private static final String[] ODD_WHITESPACE = {"\t", "  ", "\u000b", "\f", "\r", "\n", " \r\n ", "\u00a0", ""};
    private static final int MUTATIONS = 11;

    private HostileInputs() {}

    /** Random bytes up to 3 KiB, half of them drawn from the bytes framing cares about. */
    static Arbitrary<byte[]> noise() {
        Arbitrary<Byte> bytes = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(1, Arbitraries.bytes()),
                net.jqwik.api.Tuple.of(1, Arbitraries.of(toList(SPECIAL))));
        return bytes.array(byte[].class).ofMaxSize(3072);
    }

    /** One of the corpus, mutated 1 to 4 times by a seeded choice of mutations. */
    static Arbitrary<byte[]> mutants() {
        return Arbitraries.longs().map(seed -> mutate(new SplittableRandom(seed)));
    }

    static byte[] mutate(SplittableRandom random) {
        byte[] bytes = CORPUS.get(random.nextInt(CORPUS.size())).getBytes(StandardCharsets.ISO_8859_1);
        int times = 1 + random.nextInt(4);
        for (int i = 0; i < times; i++) {
            bytes = mutateOnce(bytes, random);
        }
        return bytes;
    }

    private static byte[] mutateOnce(byte[] in, SplittableRandom random) {
        int at = in.length == 0 ? 0 : random.nextInt(in.length);
        return switch (random.nextInt(MUTATIONS)) {
            case 0 -> flip(in, at, (byte) random.nextInt(256));
            case 1 -> flip(in, at, (byte) random.nextInt(0x20)); // every control character
            case 2 -> Arrays.copyOf(in, at); // cut short mid-line
            case 3 -> insert(in, at, new byte[] {SPECIAL[random.nextInt(SPECIAL.length)]});
            case 4 -> insert(in, at, ascii(HUGE[random.nextInt(HUGE.length)]));
            case 5 -> insert(in, at, ascii(ODD_WHITESPACE[random.nextInt(ODD_WHITESPACE.length)]));
            case 6 -> withLines(in, random, true); // duplicate a line
            case 7 -> withLines(in, random, false); // swap two lines
            case 8 -> remove(in, at, 1 + random.nextInt(8));
            case 9 -> repeat(in, at, random); // a long run: over the limits
            default -> insert(in, at, ascii("%" + "0123456789abcdefABCDEFgz%".charAt(random.nextInt(25))
                    + "0123456789cC2eE5fF".charAt(random.nextInt(18))));
        };
    }

    private static byte[] flip(byte[] in, int at, byte value) {
        if (in.length == 0) {
            return new byte[] {value};
        }
        byte[] copy = in.clone();
        copy[at] = value;
        return copy;
    }

    private static byte[] insert(byte[] in, int at, byte[] what) {
        byte[] out = new byte[in.length + what.length];
        System.arraycopy(in, 0, out, 0, at);
        System.arraycopy(what, 0, out, at, what.length);
        System.arraycopy(in, at, out, at + what.length, in.length - at);
        return out;
    }

    private static byte[] remove(byte[] in, int at, int count) {
        int end = Math.min(in.length, at + count);
        byte[] out = new byte[in.length - (end - at)];
        System.arraycopy(in, 0, out, 0, at);
        System.arraycopy(in, end, out, at, in.length - end);
        return out;
    }

    /** Repeats a short slice many times: long lines, thousands of fields, endless chunks, deep pipelines. */
    private static byte[] repeat(byte[] in, int at, SplittableRandom random) {
        int end = Math.min(in.length, at + 1 + random.nextInt(120));
        byte[] slice = Arrays.copyOfRange(in, at, end);
        if (slice.length == 0) {
            return in;
        }
        int times = 1 + random.nextInt(12_000 / slice.length);
        ByteArrayOutputStream out = new ByteArrayOutputStream(in.length + slice.length * times);
        out.write(in, 0, end);
        for (int i = 0; i < times; i++) {
            out.write(slice, 0, slice.length);
        }
        out.write(in, end, in.length - end);
        return out.toByteArray();
    }

    private static byte[] withLines(byte[] in, SplittableRandom random, boolean duplicate) {
        List<byte[]> lines = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < in.length; i++) {
            if (in[i] == '\n') {
                lines.add(Arrays.copyOfRange(in, start, i + 1));
                start = i + 1;
            }
        }
        lines.add(Arrays.copyOfRange(in, start, in.length));
        int a = random.nextInt(lines.size());
        int b = random.nextInt(lines.size());
        if (duplicate) {
            lines.add(b, lines.get(a));
        } else {
            byte[] kept = lines.get(a);
            lines.set(a, lines.get(b));
            lines.set(b, kept);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(in.length * 2);
        lines.forEach(line -> out.write(line, 0, line.length));
        return out.toByteArray();
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static List<Byte> toList(byte[] bytes) {
        List<Byte> list = new ArrayList<>(bytes.length);
        for (byte b : bytes) {
            list.add(b);
        }
        return list;
    }
}
