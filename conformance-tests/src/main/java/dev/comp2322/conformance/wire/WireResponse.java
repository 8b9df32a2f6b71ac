package dev.comp2322.conformance.wire;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A response as the kit's tolerant parser understood it: the status line, the fields in order, the
 * body bytes, how the body was framed, and every deviation the parser read past
 * ({@link #observations()}). A case judges its own requirement from the status, fields and body and
 * leaves the deviations to the case that owns them: the grammar ({@link #syntaxProblem()}, owned by
 * {@code status-line-format}) and the framing ({@link #framingProblem()}, owned by the framing cases).
 */
public final class WireResponse {
    private final String statusLine;
    private final int status;
    private final List<Field> fields;
    private final byte[] body;
    private final Framing framing;
    private final List<Observation> observations;
    private final Duration elapsed;

    WireResponse(String statusLine, int status, List<Field> fields, byte[] body, Framing framing,
                 List<Observation> observations, Duration elapsed) {
        this.statusLine = statusLine;
        this.status = status;
        this.fields = List.copyOf(fields);
        this.body = body.clone();
        this.framing = framing;
        this.observations = List.copyOf(observations);
        this.elapsed = elapsed;
    }

    /** The status line as received, without its line end. */
    public String statusLine() {
        return statusLine;
    }

    /** The three-digit status code. */
    public int status() {
        return status;
    }

    /** The HTTP version token at the start of the status line, e.g. {@code HTTP/1.1}. */
    public String version() {
        int space = statusLine.indexOf(' ');
        return space < 0 ? statusLine : statusLine.substring(0, space);
    }

    /** All fields, in the order received (an obs-folded value is joined with one space). */
    public List<Field> fields() {
        return fields;
    }

    /** The first value of the named field, if present. */
    public Optional<String> header(String name) {
        return fields.stream().filter(f -> f.is(name)).map(Field::value).findFirst();
    }

    /** Every value of the named field, in order. */
    public List<String> headers(String name) {
        return fields.stream().filter(f -> f.is(name)).map(Field::value).toList();
    }

    /** True if the named connection option is present in the Connection field (RFC 9110 §7.6.1). */
    public boolean hasConnectionOption(String option) {
        return headers("Connection").stream()
                .flatMap(v -> Arrays.stream(v.split(",")))
                .anyMatch(o -> o.trim().equalsIgnoreCase(option));
    }

    /** The body bytes (a copy): for an unterminated or broken body, the bytes that did arrive. */
    public byte[] body() {
        return body.clone();
    }

    /** The body length in octets. */
    public int bodyLength() {
        return body.length;
    }

    /** The body decoded as UTF-8, for text checks and reports. */
    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** How the body was delimited. */
    public Framing framing() {
        return framing;
    }

    /** True if the end of the response was found (see {@link Framing#complete()}). */
    public boolean complete() {
        return framing.complete();
    }

    /** From the start of the read to the end of the response (or to the wait that ended it). */
    public Duration elapsed() {
        return elapsed;
    }

    /** Every deviation the parser read past, in the order found. */
    public List<Observation> observations() {
        return observations;
    }

    /** True if the parser read past this kind of deviation. */
    public boolean has(Observation.Kind kind) {
        return observations.stream().anyMatch(o -> o.kind() == kind);
    }

    /** The grammar deviations (bare LF, status line, field lines, obs-fold), in one line, if any. */
    public Optional<String> syntaxProblem() {
        return joined(Observation.Category.SYNTAX);
    }

    /** The framing deviations (unterminated, truncated, bad chunk, bad Content-Length), in one line, if any. */
    public Optional<String> framingProblem() {
        return joined(Observation.Category.FRAMING);
    }

    /**
     * Every deviation in one line, if any. Prefer {@link #syntaxProblem()} or {@link #framingProblem()}:
     * a case that fails for a deviation it does not own blames the wrong requirement (issue 9 §3).
     */
    public Optional<String> problem() {
        return observations.isEmpty() ? Optional.empty()
                : Optional.of(observations.stream().map(Observation::detail).collect(Collectors.joining("; ")));
    }

    /**
     * A short description such as {@code 404 (text/html, 153 bytes)}; an incomplete body says so in a word
     * ({@code 200 (text/html, 764 bytes, no end found)}); the details are in {@link #framingProblem()}.
     */
    public String summary() {
        String end = framing == Framing.UNTERMINATED ? ", no end found" : framing == Framing.BROKEN ? ", cut short" : "";
        return status + " (" + header("Content-Type").orElse("no Content-Type") + ", " + body.length + " bytes" + end + ")";
    }

    /** The status line and the summary: {@code "HTTP/1.1 404 Not Found" (text/html, 153 bytes)}. */
    public String describe() {
        return "\"" + statusLine + "\" " + summary().substring(Integer.toString(status).length()).trim();
    }

    private Optional<String> joined(Observation.Category category) {
        String text = observations.stream().filter(o -> o.kind().category() == category).map(Observation::detail)
                .collect(Collectors.joining("; "));
        return text.isEmpty() ? Optional.empty() : Optional.of(text);
    }
}
