package dev.comp2322.conformance.wire;

import io.restassured.RestAssured;
import io.restassured.config.DecoderConfig;
import io.restassured.config.HttpClientConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.http.Header;
import io.restassured.http.Method;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Ordinary, well-formed exchanges through REST Assured (a real HTTP client, so the kit also checks
 * that an everyday client copes). Results are converted to the same {@link WireOutcome} the raw client
 * produces, and recorded in the transcript.
 */
public final class RestClient {
    private final Target target;
    private final RestAssuredConfig config;

    /** A client for the target; both connect and read are bounded by the timeout. */
    public RestClient(Target target, Duration timeout) {
        this.target = target;
        int millis = (int) timeout.toMillis();
        // No content decoders: the kit wants the bytes as sent, and sends no Accept-Encoding.
        this.config = RestAssuredConfig.config()
                .decoderConfig(DecoderConfig.decoderConfig().noContentDecoders())
                .httpClient(HttpClientConfig.httpClientConfig()
                        .setParam("http.connection.timeout", millis)
                        .setParam("http.socket.timeout", millis));
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
        RequestSpecification spec = RestAssured.given().config(config).baseUri(target.baseUri())
                .urlEncodingEnabled(false).header("Connection", "close");
        StringBuilder sent = new StringBuilder(method.name()).append(' ').append(requestTarget)
                .append(" HTTP/1.1\nHost: ").append(target.authority()).append("\nConnection: close\n");
        for (String header : headers) {
            int colon = header.indexOf(':');
            spec = spec.header(header.substring(0, colon).trim(), header.substring(colon + 1).trim());
            sent.append(header).append('\n');
        }
        transcript.note(">> REST Assured sent", sent.append("(plus the client's own Accept and User-Agent fields)").toString());
        try {
            Response response = spec.request(method, requestTarget);
            WireResponse converted = convert(response, method == Method.HEAD);
            transcript.note("<< REST Assured received", render(converted));
            transcript.status(converted.status());
            return new WireOutcome.Received(converted);
        } catch (Exception e) {
            WireOutcome outcome = failure(e);
            transcript.note("<< REST Assured received", outcome.describe());
            return outcome;
        }
    }

    private static WireResponse convert(Response response, boolean head) {
        List<Field> fields = new ArrayList<>();
        for (Header h : response.getHeaders()) {
            fields.add(new Field(h.getName(), h.getValue()));
        }
        byte[] body = head ? new byte[0] : response.asByteArray();
        boolean chunked = fields.stream().anyMatch(f -> f.is("Transfer-Encoding"));
        boolean length = fields.stream().anyMatch(f -> f.is("Content-Length"));
        Framing framing = head ? Framing.NONE : chunked ? Framing.CHUNKED : length ? Framing.LENGTH : Framing.CLOSE;
        return new WireResponse(response.statusLine(), response.statusCode(), fields, body, framing, Optional.empty());
    }

    private static WireOutcome failure(Exception e) {
        if (e instanceof SocketTimeoutException) {
            return new WireOutcome.Silent(WireOutcome.Silent.Why.TIMEOUT, 0, "");
        }
        if (e instanceof ConnectException || e.getClass().getSimpleName().equals("NoHttpResponseException")) {
            return new WireOutcome.Silent(WireOutcome.Silent.Why.CLOSED, 0, "");
        }
        return new WireOutcome.Garbled(e.getClass().getSimpleName() + ": " + e.getMessage(), "");
    }

    private static String render(WireResponse response) {
        StringBuilder out = new StringBuilder(response.statusLine()).append('\n');
        response.fields().forEach(f -> out.append(f.name()).append(": ").append(f.value()).append('\n'));
        byte[] body = response.body();
        out.append('\n').append(Transcript.printable(body, body.length));
        return out.toString();
    }
}
