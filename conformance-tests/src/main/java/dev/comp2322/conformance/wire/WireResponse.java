package dev.comp2322.conformance.wire;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A response as the kit's tolerant parser understood it: the status line, the fields in order,
 * the body bytes, how the body was framed and, when the server got something wrong on the wire,
 * a one-line description of the problem.
 */
public final class WireResponse {
    private final String statusLine;
    private final int status;
    private final List<Field> fields;
    private final byte[] body;
    private final Framing framing;
    private final Optional<String> problem;

    WireResponse(String statusLine, int status, List<Field> fields, byte[] body, Framing framing,
                 Optional<String> problem) {
        this.statusLine = statusLine;
        this.status = status;
        this.fields = List.copyOf(fields);
        this.body = body.clone();
        this.framing = framing;
        this.problem = problem;
    }

    /** The status line as received, without CRLF. */
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

    /** All fields, in the order received. */
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

    /** The body bytes (a copy). */
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

    /** A wire-level problem found while reading (bad status line, broken framing), if any. */
    public Optional<String> problem() {
        return problem;
    }

    /** A short description such as {@code 404 (text/html, 153 bytes)}. */
    public String summary() {
        return status + " (" + header("Content-Type").orElse("no Content-Type") + ", " + body.length + " bytes)";
    }
}
