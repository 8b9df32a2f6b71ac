package dev.comp2322.conformance.wire;

import io.restassured.RestAssured;
import io.restassured.config.DecoderConfig;
import io.restassured.config.HttpClientConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.http.Method;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntSupplier;
import org.apache.http.conn.scheme.PlainSocketFactory;
import org.apache.http.conn.scheme.Scheme;
import org.apache.http.conn.scheme.SchemeRegistry;
import org.apache.http.conn.scheme.SchemeSocketFactory;
import org.apache.http.impl.client.DefaultHttpClient;
import org.apache.http.impl.conn.BasicClientConnectionManager;
import org.apache.http.params.HttpParams;

/**
 * Ordinary, well-formed exchanges through REST Assured, so the kit also checks that an everyday client
 * copes. The client runs over a {@link RecordingSocket}: the transcript holds exactly the bytes it sent
 * and received, and the outcome is the kit's tolerant parse of those bytes, so a verdict never rests
 * on a reconstruction and a response the client chokes on (bare LF, no end) is still judged.
 */
@SuppressWarnings("deprecation") // REST Assured 5 drives Apache HttpClient 4's classic connection API
public final class RestClient {
    private final Target target;
    private final Patience patience;
    private final IntSupplier numbers;

    /** A client that always waits the full timeout; exchanges are numbered from 1. */
    public RestClient(Target target, Duration timeout) {
        this(target, Patience.fixed(timeout), new java.util.concurrent.atomic.AtomicInteger()::incrementAndGet);
    }

    /** A client whose waits follow the patience; {@code numbers} labels each exchange's connection. */
    public RestClient(Target target, Patience patience, IntSupplier numbers) {
        this.target = target;
        this.patience = patience;
        this.numbers = numbers;
    }

    /** GET of a request-target (already percent-encoded), with extra header fields "Name: value". */
    public WireOutcome get(String requestTarget, Transcript transcript, String... headers) {
        return exchange(Method.GET, requestTarget, transcript, headers);
    }

    /** HEAD of a request-target. */
    public WireOutcome head(String requestTarget, Transcript transcript, String... headers) {
        return exchange(Method.HEAD, requestTarget, transcript, headers);
    }

    private WireOutcome exchange(Method method, String requestTarget, Transcript transcript, String... headers) {
        int number = numbers.getAsInt();
        AtomicReference<RecordingSocket> socket = new AtomicReference<>();
        RequestSpecification spec = RestAssured.given().config(config(socket)).baseUri(target.baseUri())
                .urlEncodingEnabled(false).header("Connection", "close");
        for (String header : headers) {
            int colon = header.indexOf(':');
            spec = spec.header(header.substring(0, colon).trim(), header.substring(colon + 1).trim());
        }
        String clientProblem = "";
        try {
            spec.request(method, requestTarget).asByteArray();
        } catch (Exception e) {
            clientProblem = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        }
        RecordingSocket s = socket.get();
        if (s == null) {
            transcript.note("<< conn " + number + " (REST Assured)", "no connection: " + clientProblem);
            return new WireOutcome.Silent(WireOutcome.Silent.Why.CLOSED, 0, "", Duration.ZERO, "");
        }
        try {
            byte[] sent = s.sent();
            transcript.sent(number, sent, sent.length, "REST Assured");
            return parse(s, method == Method.HEAD, number, transcript, clientProblem);
        } finally {
            closeQuietly(s);   // a server that never closes must not keep this exchange's connection (or its thread)
        }
    }

    /** The kit's tolerant reading of the bytes the client received; the transcript gets them exactly. */
    private WireOutcome parse(RecordingSocket s, boolean head, int number, Transcript transcript, String clientProblem) {
        byte[] received = s.received();
        ResponseReader reader = new ResponseReader(ByteSource.recorded(received, s.timedOut()),
                Patience.fixed(patience.timeout()), false);
        WireOutcome outcome = reader.read(head, Optional.empty());
        if (outcome instanceof WireOutcome.Silent silent && silent.nothing() && s.timedOut() && s.firstWait() != null) {
            outcome = new WireOutcome.Silent(WireOutcome.Silent.Why.TIMEOUT, 0, "", s.firstWait().duration(),
                    s.firstWait().note());
        }
        if (outcome instanceof WireOutcome.Received r) {
            transcript.status(r.response().status());
            if (r.response().framing() == Framing.UNTERMINATED) {
                patience.unterminated();
            }
        }
        String note = outcome instanceof WireOutcome.Received r ? r.response().problem().orElse("") : outcome.describe();
        if (!clientProblem.isEmpty()) {
            note = (note.isEmpty() ? "" : note + "; ") + "REST Assured gave up: " + clientProblem;
        }
        transcript.received(number, received, received.length, note);
        return outcome;
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // already closed by the client or the server
        }
    }

    private RestAssuredConfig config(AtomicReference<RecordingSocket> socket) {
        SchemeSocketFactory factory = new SchemeSocketFactory() {
            @Override
            public Socket createSocket(HttpParams params) {
                RecordingSocket recording = new RecordingSocket(patience);
                socket.set(recording);
                return recording;
            }

            @Override
            public Socket connectSocket(Socket sock, InetSocketAddress remote, InetSocketAddress local,
                                        HttpParams params) throws IOException {
                return PlainSocketFactory.getSocketFactory().connectSocket(sock, remote, local, params);
            }

            @Override
            public boolean isSecure(Socket sock) {
                return false;
            }
        };
        SchemeRegistry registry = new SchemeRegistry();
        registry.register(new Scheme("http", 80, factory));
        int connectMillis = (int) Math.max(1, patience.cap(patience.timeout()).toMillis());
        // No content decoders: the kit wants the bytes as sent, and sends no Accept-Encoding.
        return RestAssuredConfig.config()
                .decoderConfig(DecoderConfig.decoderConfig().noContentDecoders())
                .httpClient(HttpClientConfig.httpClientConfig()
                        .httpClientFactory(() -> new DefaultHttpClient(new BasicClientConnectionManager(registry)))
                        .setParam("http.connection.timeout", connectMillis)
                        .setParam("http.socket.timeout", connectMillis));
    }
}
