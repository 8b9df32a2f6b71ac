package dev.comp2322.webserver.adapters.socket;

import static org.assertj.core.api.Assertions.assertThat;

import dev.comp2322.webserver.domain.model.Body;
import dev.comp2322.webserver.domain.model.ClientAddress;
import dev.comp2322.webserver.domain.model.HeaderField;
import dev.comp2322.webserver.domain.model.HeaderFields;
import dev.comp2322.webserver.domain.model.Response;
import dev.comp2322.webserver.domain.model.Status;
import dev.comp2322.webserver.domain.port.in.ServeRequest;
import dev.comp2322.webserver.domain.rules.Profile;
import dev.comp2322.webserver.domain.rules.ServicePolicy;
import dev.comp2322.webserver.domain.rules.StaticFileService;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.EnumSet;
import java.util.Set;
import java.util.SplittableRandom;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Hostile input through the real parsing path and the real domain: bytes (random, or a valid request
 * mutated) are read by {@link RequestReader} exactly as a connection feeds them — in reads of random
 * sizes, request after pipelined request — and every framed request or request error is answered by
 * {@link StaticFileService} over an in-memory root. The invariant for every input: no exception
 * escapes, every answer is a well-formed response decision, and no more bytes are read than the limits
 * allow.
 *
 * <p>The number of cases is jqwik's default tries per property ({@code jqwik.tries.default} in
 * junit-platform.properties: 50,000 each, so 100,000 in {@code ./mvnw verify}); the {@code fuzz} profile
 * raises it: {@code ./mvnw -Pfuzz -pl adapters-socket -am verify} (3,000,000 each, or
 * {@code -Dfuzz.tries=N}).
 *
 * <p>Shown able to fail: make {@code ChunkedBodyDiscarder} count only chunk data towards the body
 * limit (its behaviour before the fix that came with this test) and the "never reads past a limit"
 * assertion fails on an endless chunked body with long extensions.
 */
class HostileRequestFuzzTest {

    static final int LINE_LIMIT = 256;
    static final int SECTION_LIMIT = 1024;
    static final int FIELD_LIMIT = 20;
    static final long BODY_LIMIT = 2048;
    /** Most bytes one request may take: leading empty lines, its line, its head, its body (framing included), its trailers. */
    static final long REQUEST_BUDGET = LINE_LIMIT + (LINE_LIMIT + 2) + SECTION_LIMIT + BODY_LIMIT + 2L * LINE_LIMIT + SECTION_LIMIT;
    /** One read of the connection's buffer may run ahead of what the parsers consumed. */
    static final int READ_AHEAD = 4096;
    private static final int MAX_EXCHANGES = 200;
    private static final Set<Status> COURSE_STATUSES =
            EnumSet.of(Status.OK, Status.NOT_MODIFIED, Status.BAD_REQUEST, Status.NOT_FOUND);

    private static final WireSettings SETTINGS = WireSettings.builder()
            .maxRequestLineBytes(LINE_LIMIT)
            .maxHeaderSectionBytes(SECTION_LIMIT)
            .maxHeaderFields(FIELD_LIMIT)
            .maxDiscardedBodyBytes(BODY_LIMIT).build();
    private static final InstantSource CLOCK = InstantSource.fixed(Instant.parse("2025-03-01T12:00:00Z"));
    private static final ServeRequest COURSE = service(Profile.COURSE);
    private static final ServeRequest RFC = service(Profile.RFC);
    private static final ClientAddress CLIENT = new ClientAddress("127.0.0.1", 40000);

    private static ServeRequest service(Profile profile) {
        return new StaticFileService(new FuzzSite(), new ServicePolicy(profile, "fuzz", Duration.ofSeconds(15)));
    }

    @Property
    void randomBytesAreAlwaysAnsweredWellFormedWithinTheLimits(
            @ForAll("noise") byte[] input, @ForAll long readSizes, @ForAll boolean rfc) {
        serveConnection(input, readSizes, rfc);
    }

    @Property
    void mutatedValidRequestsAreAlwaysAnsweredWellFormedWithinTheLimits(
            @ForAll("mutants") byte[] input, @ForAll long readSizes, @ForAll boolean rfc) {
        serveConnection(input, readSizes, rfc);
    }

    @Provide
    Arbitrary<byte[]> noise() {
        return HostileInputs.noise();
    }

    @Provide
    Arbitrary<byte[]> mutants() {
        return HostileInputs.mutants();
    }

    /** What a Connection does with one connection's bytes, minus the socket writes. */
    private static void serveConnection(byte[] input, long readSizes, boolean rfc) {
        ServeRequest service = rfc ? RFC : COURSE;
        ChoppedInput in = new ChoppedInput(input, new SplittableRandom(readSizes));
        RequestReader reader = new RequestReader(SETTINGS);
        ReadBuffer buffer = new ReadBuffer(READ_AHEAD);
        for (int exchange = 1; exchange <= MAX_EXCHANGES; exchange++) {
            reader.begin(CLIENT, CLOCK.instant());
            RequestReader.Progress progress;
            do {
                if (!buffer.hasRemaining() && !in.fill(buffer)) {
                    return; // the peer closed: idle, or mid-request with nothing to answer
                }
                progress = reader.read(buffer);
            } while (progress == RequestReader.Progress.NEED_MORE);
            assertThat(in.consumed).as("bytes read by the end of request %d", exchange)
                    .isLessThanOrEqualTo(exchange * REQUEST_BUDGET + READ_AHEAD);
            if (progress == RequestReader.Progress.FRAMED) {
                Response response = service.serve(reader.request());
                assertWellFormed(response, reader.request().isHead(), rfc);
                if (!response.keepOpen()) {
                    return;
                }
            } else {
                Response response = service.reject(reader.rejected().error());
                assertWellFormed(response, false, rfc);
                assertThat(response.keepOpen()).as("a request error closes the connection").isFalse();
                assertThat(response.status().code()).isGreaterThanOrEqualTo(400);
                return;
            }
        }
    }

    static void assertWellFormed(Response response, boolean head, boolean rfc) {
        if (!rfc) {
            assertThat(COURSE_STATUSES).as("the course profile's statuses").contains(response.status());
        }
        int dates = 0;
        int servers = 0;
        int lengths = 0;
        long contentLength = -1;
        for (HeaderField field : response.headers()) {
            assertThat(isToken(field.name())).as("field name %s is a token", field.name()).isTrue();
            for (int i = 0; i < field.value().length(); i++) {
                char c = field.value().charAt(i);
                // RFC 9110 §5.5: no CR, LF or NUL in a value: no response splitting, whatever the input.
                assertThat(c >= 0x20 && c != 0x7F && c <= 0xFF || c == '\t')
                        .as("character %d of %s: %s", i, field.name(), field.value()).isTrue();
            }
            dates += field.hasName("Date") ? 1 : 0;
            servers += field.hasName("Server") ? 1 : 0;
            if (field.hasName("Content-Length")) {
                lengths++;
                contentLength = Long.parseLong(field.value());
            }
        }
        assertThat(dates).as("Date fields").isEqualTo(1);
        assertThat(servers).as("Server fields").isEqualTo(1);
        if (response.status() == Status.NOT_MODIFIED) {
            assertThat(lengths).as("304 carries no Content-Length").isZero();
            assertThat(response.body()).isInstanceOf(Body.Empty.class);
        } else {
            assertThat(lengths).as("Content-Length fields").isEqualTo(1);
            assertThat(contentLength).isNotNegative();
            if (head) {
                assertThat(response.body()).as("HEAD has no body").isInstanceOf(Body.Empty.class);
            } else {
                assertThat(response.body().length()).as("body length = Content-Length").isEqualTo(contentLength);
            }
        }
        if (!response.keepOpen()) {
            assertThat(new HeaderFields(response.headers()).first("Connection").orElse("")).as("a closing response says so").containsIgnoringCase("close");
        }
    }

    private static boolean isToken(String name) {
        if (name.isEmpty()) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c > 0x7F || !HttpChars.isTokenChar((byte) c)) {
                return false;
            }
        }
        return true;
    }

    /** The input delivered in reads of random sizes, as TCP may; counts what was taken. */
    private static final class ChoppedInput {
        private final byte[] bytes;
        private final SplittableRandom sizes;
        private int pos;
        long consumed;

        ChoppedInput(byte[] bytes, SplittableRandom sizes) {
            this.bytes = bytes;
            this.sizes = sizes;
        }

        /** One read into the empty buffer; false at the end of the input. */
        boolean fill(ReadBuffer into) {
            if (pos >= bytes.length) {
                return false;
            }
            int n = Math.min(Math.min(into.capacity(), bytes.length - pos), 1 + sizes.nextInt(sizes.nextBoolean() ? 8 : 2048));
            into.load(bytes, pos, n);
            pos += n;
            consumed += n;
            return true;
        }
    }
}
