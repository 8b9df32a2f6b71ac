package dev.comp2322.conformance.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The tolerant response parser: it reads what broken servers send and says what is wrong, within its deadline. */
@Timeout(10)
class WireConnectionTest {
    private static final Duration TIMEOUT = Duration.ofMillis(500);

    private static WireResponse received(WireOutcome outcome) {
        assertThat(outcome).isInstanceOf(WireOutcome.Received.class);
        return ((WireOutcome.Received) outcome).response();
    }

    private static WireConnection connect(CannedServer server) throws Exception {
        return WireConnection.open(server.target(), TIMEOUT, new Transcript(), 1);
    }

    @Test
    @DisplayName("two pipelined Content-Length responses are read one after the other")
    void readsPipelinedResponses() throws Exception {
        try (CannedServer server = new CannedServer("""
                HTTP/1.1 200 OK\r
                Content-Length: 5\r
                \r
                helloHTTP/1.1 404 Not Found\r
                Content-Length: 0\r
                \r
                """, true); WireConnection c = connect(server)) {
            WireResponse first = received(c.read());
            WireResponse second = received(c.read());

            assertThat(first.bodyText()).isEqualTo("hello");
            assertThat(first.framing()).isEqualTo(Framing.LENGTH);
            assertThat(second.status()).isEqualTo(404);
            assertThat(c.awaitClose().state()).isEqualTo(WireConnection.AfterResponse.State.CLOSED);
        }
    }

    @Test
    @DisplayName("a chunked body is decoded")
    void decodesChunked() throws Exception {
        try (CannedServer server = new CannedServer("""
                HTTP/1.1 200 OK\r
                Transfer-Encoding: chunked\r
                \r
                3\r
                abc\r
                2;ext=1\r
                de\r
                0\r
                \r
                """, true); WireConnection c = connect(server)) {
            WireResponse r = received(c.read());

            assertThat(r.bodyText()).isEqualTo("abcde");
            assertThat(r.framing()).isEqualTo(Framing.CHUNKED);
        }
    }

    @Test
    @DisplayName("a body without length runs until the server closes")
    void readsCloseDelimitedBody() throws Exception {
        try (CannedServer server = new CannedServer("HTTP/1.0 200 OK\r\n\r\nuntil close", true); WireConnection c = connect(server)) {
            WireResponse r = received(c.read());

            assertThat(r.bodyText()).isEqualTo("until close");
            assertThat(r.framing()).isEqualTo(Framing.CLOSE);
        }
    }

    @Test
    @DisplayName("a missing space after the status code and bare LF line ends are reported as problems")
    void reportsGrammarProblems() throws Exception {
        try (CannedServer server = new CannedServer("HTTP/1.1 200\nContent-Length: 0\n\n", true); WireConnection c = connect(server)) {
            WireResponse r = received(c.read());

            assertThat(r.status()).isEqualTo(200);
            assertThat(r.problem()).hasValueSatisfying(p -> assertThat(p).contains("no SP after the status code", "bare LF"));
        }
    }

    @Test
    @DisplayName("a silent server is reported as a timeout, not a hang")
    void silentServerTimesOut() throws Exception {
        try (CannedServer server = new CannedServer("", false); WireConnection c = connect(server)) {
            WireOutcome outcome = assertTimeoutPreemptively(Duration.ofSeconds(3), () -> c.read());

            assertThat(outcome).isEqualTo(new WireOutcome.Silent(WireOutcome.Silent.Why.TIMEOUT, 0, "", TIMEOUT, ""));
            assertThat(outcome.describe()).isEqualTo("no response in 0.5 s");
        }
    }

    @Test
    @DisplayName("bytes that are not a status line are garbled, with the text shown")
    void garbageIsGarbled() throws Exception {
        try (CannedServer server = new CannedServer("<html>oops</html>\r\n", true); WireConnection c = connect(server)) {
            WireOutcome outcome = c.read();

            assertThat(outcome).isInstanceOf(WireOutcome.Garbled.class);
            assertThat(outcome.describe()).contains("<html>oops</html>");
        }
    }

    @Test
    @DisplayName("content sent after a HEAD response shows up as extra bytes")
    void extraBytesAfterHeadAreDetected() throws Exception {
        try (CannedServer server = new CannedServer("HTTP/1.1 200 OK\r\nContent-Length: 4\r\n\r\nbody", false);
             WireConnection c = connect(server)) {
            WireResponse head = received(c.read(true));
            WireConnection.AfterResponse after = c.awaitClose();

            assertThat(head.bodyLength()).isZero();
            assertThat(after.state()).isEqualTo(WireConnection.AfterResponse.State.EXTRA_BYTES);
            assertThat(after.extra()).isEqualTo("body");
        }
    }

    @Test
    @DisplayName("a Content-Length body cut short by a close is marked broken")
    void shortBodyIsBroken() throws Exception {
        try (CannedServer server = new CannedServer("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nabc", true); WireConnection c = connect(server)) {
            WireResponse r = received(c.read());

            assertThat(r.framing()).isEqualTo(Framing.BROKEN);
            assertThat(r.problem()).hasValueSatisfying(p -> assertThat(p).contains("3 of 10"));
        }
    }

    @Test
    @DisplayName("bare LF and a missing SP after the code are syntax observations, not framing ones")
    void syntaxObservationsAreSeparateFromFraming() throws Exception {
        try (CannedServer server = new CannedServer("HTTP/1.1 200\nContent-Length: 2\n\nok", true); WireConnection c = connect(server)) {
            WireResponse r = received(c.read());

            assertThat(r.has(Observation.Kind.BARE_LF)).isTrue();
            assertThat(r.has(Observation.Kind.STATUS_LINE)).isTrue();
            assertThat(r.syntaxProblem()).isPresent();
            assertThat(r.framingProblem()).isEmpty();
            assertThat(r.bodyText()).isEqualTo("ok");
            assertThat(r.complete()).isTrue();
        }
    }

    @Test
    @DisplayName("an empty reason phrase after the SP is no deviation")
    void emptyReasonPhraseIsFine() throws Exception {
        try (CannedServer server = new CannedServer("HTTP/1.1 404 \r\nContent-Length: 0\r\n\r\n", true); WireConnection c = connect(server)) {
            WireResponse r = received(c.read());

            assertThat(r.status()).isEqualTo(404);
            assertThat(r.observations()).isEmpty();
        }
    }

    @Test
    @DisplayName("an obs-folded field value is joined with a space and observed")
    void obsFoldIsJoined() throws Exception {
        try (CannedServer server = new CannedServer("HTTP/1.1 200 OK\r\nX-Long: one\r\n two\r\nContent-Length: 0\r\n\r\n", true);
             WireConnection c = connect(server)) {
            WireResponse r = received(c.read());

            assertThat(r.header("X-Long")).hasValue("one two");
            assertThat(r.has(Observation.Kind.OBS_FOLD)).isTrue();
        }
    }

    @Test
    @DisplayName("a body without length on a connection left open is unterminated: the bytes that came are kept")
    void bodyWithoutEndIsUnterminated() throws Exception {
        try (CannedServer server = new CannedServer("HTTP/1.1 200 OK\n\nhello", false); WireConnection c = connect(server)) {
            WireResponse r = received(c.read());

            assertThat(r.framing()).isEqualTo(Framing.UNTERMINATED);
            assertThat(r.bodyText()).isEqualTo("hello");
            assertThat(r.has(Observation.Kind.UNTERMINATED)).isTrue();
            assertThat(r.framingProblem()).hasValueSatisfying(p -> assertThat(p).contains("after 5 body bytes"));
        }
    }

    @Test
    @DisplayName("bytes that stop before the end of the head are described, never called 'no response'")
    void partialHeadIsDescribed() throws Exception {
        try (CannedServer server = new CannedServer("HTTP/1.1 200 OK\r\nContent-Ty", false); WireConnection c = connect(server)) {
            WireOutcome outcome = c.read();

            assertThat(outcome.describe()).startsWith("only 27 bytes arrived in ").contains("HTTP/1.1 200 OK")
                    .doesNotContain("no response");
        }
    }

    @Test
    @DisplayName("the transcript holds the bytes as received: a bare LF is shown as \\n without \\r")
    void transcriptShowsBareLf() throws Exception {
        Transcript transcript = new Transcript();
        try (CannedServer server = new CannedServer("HTTP/1.1 200 OK\nContent-Length: 2\n\nok", true);
             WireConnection c = WireConnection.open(server.target(), TIMEOUT, transcript, 1)) {
            c.read();
        }

        assertThat(transcript.entries()).anySatisfy(e -> assertThat(e.text()).startsWith("HTTP/1.1 200 OK\\n\n"));
    }

    @Test
    @DisplayName("REST Assured runs over a recording socket: its transcript is the exact bytes, and a bare-LF response is still parsed")
    void restAssuredExchangeIsRecordedExactly() throws Exception {
        Transcript transcript = new Transcript();
        try (CannedServer server = new CannedServer("HTTP/1.1 200 OK\nContent-Length: 2\n\nok", true)) {
            WireOutcome outcome = new RestClient(server.target(), TIMEOUT).get("/x", transcript);

            WireResponse r = received(outcome);
            assertThat(r.bodyText()).isEqualTo("ok");
            assertThat(r.has(Observation.Kind.BARE_LF)).isTrue();
        }

        assertThat(transcript.entries()).anySatisfy(e -> {
            assertThat(e.label()).contains("sent (REST Assured)");
            assertThat(e.text()).startsWith("GET /x HTTP/1.1\\r\\n\n");
        });
        assertThat(transcript.entries()).anySatisfy(e -> assertThat(e.text()).startsWith("HTTP/1.1 200 OK\\n\n"));
    }
}
