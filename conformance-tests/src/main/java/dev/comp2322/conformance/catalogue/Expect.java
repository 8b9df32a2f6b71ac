package dev.comp2322.conformance.catalogue;

import dev.comp2322.conformance.fixture.FixtureFile;
import dev.comp2322.conformance.wire.WireConnection;
import dev.comp2322.conformance.wire.WireOutcome;
import dev.comp2322.conformance.wire.WireResponse;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The judgements many cases share: exact files, rejections, closes, and how to describe what came back.
 *
 * <p>One verdict per fault (issue 9 §3): none of these judges the response's wire syntax (bare LF, status
 * line, obs-fold) or its framing (no end, cut short); those are read past by the tolerant parser and
 * reported by the cases that own them, through {@code WireResponse.syntaxProblem()} and
 * {@code framingProblem()}. Use {@link #sameBytes} when a case tests something else (persistence,
 * pipelining, conditionals, concurrency) and only needs to know the right file came back.
 */
final class Expect {
    private Expect() {
    }

    /** The response, if the outcome has one. */
    static Optional<WireResponse> response(WireOutcome outcome) {
        return outcome instanceof WireOutcome.Received r ? Optional.of(r.response()) : Optional.empty();
    }

    /**
     * What came back, in words: "no response in N s" only when not a single byte arrived; otherwise the
     * bytes that did and why they are not a complete response.
     */
    static String describe(CaseContext ctx, WireOutcome outcome) {
        return outcome.describe();
    }

    /** Whether the outcome is a response with this status. */
    static boolean is(WireOutcome outcome, int status) {
        return response(outcome).map(r -> r.status() == status).orElse(false);
    }

    /** The media type without parameters, lower case ("text/html; charset=utf-8" is "text/html"). */
    static String mediaType(WireResponse response) {
        String type = response.header("Content-Type").orElse("");
        int semicolon = type.indexOf(';');
        return (semicolon < 0 ? type : type.substring(0, semicolon)).trim().toLowerCase(Locale.ROOT);
    }

    /**
     * A 200 for a fixture file: exact bytes (unless HEAD), a Content-Length that matches if present,
     * and the expected Content-Type (a wrong type is a WARN: RFC 9110 §8.3 is a SHOULD).
     */
    static Verdict exactFile(CaseContext ctx, WireOutcome outcome, String name, boolean head) {
        FixtureFile file = ctx.fixture().file(name);
        byte[] expected = ctx.fixture().bytes(name);
        Optional<WireResponse> maybe = response(outcome);
        if (maybe.isEmpty()) {
            return Verdict.breach("expected 200 with " + name + ", got " + describe(ctx, outcome));
        }
        WireResponse r = maybe.get();
        if (r.status() != 200) {
            return Verdict.breach("expected 200 with " + name + ", got " + r.describe());
        }
        Optional<String> length = r.header("Content-Length");
        if (length.isPresent() && !length.get().trim().equals(Long.toString(expected.length))) {
            return Verdict.breach("Content-Length: " + length.get() + " but " + name + " has " + expected.length + " bytes");
        }
        Optional<Verdict> runOn = runsOn(r, expected, name);
        if (!head && runOn.isPresent()) {
            return runOn.get();
        }
        if (!head && !Arrays.equals(expected, r.body())) {
            return Verdict.breach("the body is not " + name + ": " + difference(expected, r.body()) + incomplete(r));
        }
        if (head && r.bodyLength() > 0) {
            return Verdict.breach("HEAD response carried " + r.bodyLength() + " bytes of content");
        }
        String type = mediaType(r);
        if (!type.equals(file.mediaType())) {
            return Verdict.warn("Content-Type is \"" + r.header("Content-Type").orElse("(none)") + "\", expected "
                    + file.mediaType() + " (RFC 9110 §8.3)");
        }
        return Verdict.pass("200, " + expected.length + " bytes" + (head ? " announced" : " byte-exact") + ", " + type);
    }

    /**
     * A 200 whose body is exactly the fixture file, and nothing else judged: for cases whose requirement
     * is something else and that only need to know the right file came back.
     */
    static Verdict sameBytes(CaseContext ctx, WireOutcome outcome, String name) {
        byte[] expected = ctx.fixture().bytes(name);
        Optional<WireResponse> maybe = response(outcome);
        if (maybe.isEmpty()) {
            return Verdict.breach("expected 200 with " + name + ", got " + describe(ctx, outcome));
        }
        WireResponse r = maybe.get();
        if (r.status() != 200) {
            return Verdict.breach("expected 200 with " + name + ", got " + r.describe());
        }
        Optional<Verdict> runOn = runsOn(r, expected, name);
        if (runOn.isPresent()) {
            return runOn.get();
        }
        if (!Arrays.equals(expected, r.body())) {
            return Verdict.breach("the body is not " + name + ": " + difference(expected, r.body()) + incomplete(r));
        }
        return Verdict.pass("200, " + name + " byte-exact");
    }

    /**
     * A body with no end marker (read until close, or until the server fell quiet) that starts with the
     * file's exact bytes and runs on: the next response on the connection ran into it. That is the framing
     * defect (reported by the case that owns framing), not this case's: this case cannot be judged.
     */
    static Optional<Verdict> runsOn(WireResponse r, byte[] expected, String name) {
        byte[] body = r.body();
        boolean unframed = r.framing() == dev.comp2322.conformance.wire.Framing.CLOSE
                || r.framing() == dev.comp2322.conformance.wire.Framing.UNTERMINATED;
        if (!unframed || body.length <= expected.length
                || !Arrays.equals(expected, Arrays.copyOf(body, expected.length))) {
            return Optional.empty();
        }
        return Optional.of(Verdict.skip("needs responses with a known end (Content-Length or chunked) to tell one"
                + " response from the next: the body starts with " + name + "'s exact " + expected.length
                + " bytes and runs on for " + (body.length - expected.length) + " more (" + r.framing()
                + " framing; content-length-present reports that)"));
    }

    /** "" for a complete response, else why it is not (a short body is then no surprise). */
    private static String incomplete(WireResponse r) {
        return r.complete() ? "" : " (" + r.framingProblem().orElse("the response is incomplete") + ")";
    }

    /** Where two byte arrays first differ, in words. */
    static String difference(byte[] expected, byte[] actual) {
        int n = Math.min(expected.length, actual.length);
        int at = Arrays.mismatch(expected, actual);
        if (at < 0) {
            return "identical";
        }
        String sizes = actual.length + " bytes instead of " + expected.length;
        return at >= n ? sizes + " (one is a prefix of the other)" : sizes + ", first difference at byte " + at;
    }

    /**
     * A rejection: 400 (or one of {@code rfcAlso} in the rfc profile), or a close without a response
     * when {@code closeAccepted}. Anything else, including a timeout, is a breach.
     */
    static Verdict rejected(CaseContext ctx, WireOutcome outcome, boolean closeAccepted, Integer... rfcAlso) {
        Set<Integer> extra = ctx.course() ? Set.of() : Set.of(rfcAlso);
        if (outcome instanceof WireOutcome.Received r) {
            int status = r.response().status();
            if (status == 400) {
                return Verdict.pass("rejected with 400");
            }
            if (extra.contains(status)) {
                return Verdict.pass("rejected with " + status);
            }
            return Verdict.breach("expected 400" + (extra.isEmpty() ? "" : " or " + extra)
                    + (closeAccepted ? " or a close" : "") + ", got " + r.response().describe());
        }
        if (outcome instanceof WireOutcome.Silent s && s.why() == WireOutcome.Silent.Why.CLOSED && closeAccepted) {
            return Verdict.pass("closed the connection without a response");
        }
        return Verdict.breach("expected 400, got " + describe(ctx, outcome));
    }

    /** After a framing error the server MUST close (RFC 9112 §6.3): a rejection that leaves the connection open is a breach. */
    static Verdict rejectedThenClosed(CaseContext ctx, WireConnection connection, WireOutcome outcome, Integer... rfcAlso) {
        Verdict verdict = rejected(ctx, outcome, true, rfcAlso);
        if (!(verdict instanceof Verdict.Pass) || !(outcome instanceof WireOutcome.Received)) {
            return verdict;
        }
        WireConnection.AfterResponse after = connection.awaitClose();
        return switch (after.state()) {
            case CLOSED -> Verdict.pass(((Verdict.Pass) verdict).detail() + " and closed the connection");
            case STILL_OPEN -> Verdict.breach("answered " + response(outcome).orElseThrow().status()
                    + " but " + after.describe() + "; the framing is unknown, so it MUST close");
            case EXTRA_BYTES -> Verdict.breach("sent more bytes after the rejection: " + after.extra());
        };
    }

    // ---- Helpers of the catalogue (issue 9 §3: each case judges only the requirement it states) ----

    /**
     * A 200 carrying a fixture file: exact bytes (unless HEAD) and, if sent, a matching Content-Length.
     * It judges nothing else: the Content-Type is the get-* cases' requirement and the wire grammar is
     * status-line-format's, so a case about something else never reports them again.
     */
    static Verdict file(CaseContext ctx, WireOutcome outcome, String name, boolean head) {
        byte[] expected = ctx.fixture().bytes(name);
        Optional<WireResponse> maybe = response(outcome);
        if (maybe.isEmpty()) {
            return Verdict.breach("expected 200 with " + name + ", got " + describe(ctx, outcome));
        }
        WireResponse r = maybe.get();
        if (r.status() != 200) {
            return Verdict.breach("expected 200 with " + name + ", got " + r.describe());
        }
        Optional<String> length = r.header("Content-Length");
        if (length.isPresent() && !length.get().trim().equals(Long.toString(expected.length))) {
            return Verdict.breach("Content-Length: " + length.get() + " but " + name + " has " + expected.length + " bytes");
        }
        if (!head && !Arrays.equals(expected, r.body())) {
            return Verdict.breach("the body is not " + name + ": " + difference(expected, r.body()) + incomplete(r));
        }
        if (head && r.bodyLength() > 0) {
            return Verdict.breach("HEAD response carried " + r.bodyLength() + " bytes of content");
        }
        return Verdict.pass("200, " + expected.length + " bytes" + (head ? " announced" : " byte-exact"));
    }

    /**
     * {@link #file} plus the Content-Type (a wrong one is a WARN: RFC 9110 §8.3 "A sender that generates a
     * message containing content SHOULD generate a Content-Type header field in that message unless the
     * intended media type of the enclosed representation is unknown to the sender", so no Content-Type
     * for a file of unknown type, application/octet-stream here, is fine).
     */
    static Verdict typedFile(CaseContext ctx, WireOutcome outcome, String name) {
        Verdict bytes = file(ctx, outcome, name, false);
        if (!(bytes instanceof Verdict.Pass)) {
            return bytes;
        }
        WireResponse r = response(outcome).orElseThrow();
        String expected = ctx.fixture().file(name).mediaType();
        String type = mediaType(r);
        if (type.equals(expected)) {
            return Verdict.pass(((Verdict.Pass) bytes).detail() + ", " + type);
        }
        if (type.isEmpty() && expected.equals("application/octet-stream")) {
            return Verdict.pass(((Verdict.Pass) bytes).detail() + ", no Content-Type (the type is unknown, RFC 9110 §8.3)");
        }
        return Verdict.warn("Content-Type is \"" + r.header("Content-Type").orElse("(none)") + "\", expected "
                + expected + " (RFC 9110 §8.3)");
    }

    /**
     * A malformed request must get a 400 (or one of {@code rfcAlso} in the rfc profile). A close without any
     * response is not a 400: RFC 9112 §2.2 says the server "SHOULD respond with a 400 (Bad Request) response
     * and close the connection", so it is a WARN in rfc and a FAIL in course (the assignment requires 400).
     */
    static Verdict rejection(CaseContext ctx, WireOutcome outcome, Integer... rfcAlso) {
        Set<Integer> extra = ctx.course() ? Set.of() : Set.of(rfcAlso);
        String wanted = "400" + (extra.isEmpty() ? "" : " or " + extra);
        if (outcome instanceof WireOutcome.Received r) {
            int status = r.response().status();
            if (status == 400 || extra.contains(status)) {
                return Verdict.pass("rejected with " + status);
            }
            return Verdict.breach("expected " + wanted + ", got " + r.response().describe());
        }
        if (outcome instanceof WireOutcome.Silent s && s.why() == WireOutcome.Silent.Why.CLOSED) {
            return silentClose(ctx, wanted, s);
        }
        return Verdict.breach("expected " + wanted + ", got " + describe(ctx, outcome));
    }

    /** A close with no response where a 400 was due: FAIL in course, WARN in rfc (see {@link #rejection}). */
    static Verdict silentClose(CaseContext ctx, String wanted, WireOutcome.Silent s) {
        String what = "the connection was closed without a response"
                + (s.partialBytes() > 0 ? " (after " + s.partialBytes() + " bytes of an incomplete head)" : "")
                + "; expected " + wanted + " (a close is not a 400: the client cannot tell a rejection from a crash)";
        return ctx.course() ? Verdict.fail(what + "; the course requires 400") : Verdict.warn(what);
    }

    /**
     * After a framing error the server MUST answer 400 and then close (RFC 9112 §6.3: "the server MUST respond
     * with a 400 (Bad Request) status code and then close the connection").
     */
    static Verdict rejectionThenClosed(CaseContext ctx, WireConnection connection, WireOutcome outcome, Integer... rfcAlso) {
        Verdict verdict = rejection(ctx, outcome, rfcAlso);
        if (!(verdict instanceof Verdict.Pass) || !(outcome instanceof WireOutcome.Received)) {
            return verdict;
        }
        WireConnection.AfterResponse after = connection.awaitClose();
        return switch (after.state()) {
            case CLOSED -> Verdict.pass(((Verdict.Pass) verdict).detail() + " and closed the connection");
            case STILL_OPEN -> Verdict.breach("answered " + response(outcome).orElseThrow().status()
                    + " but " + after.describe() + "; the framing is unknown, so it MUST close");
            case EXTRA_BYTES -> Verdict.breach("sent more bytes after the rejection: " + after.extra());
        };
    }

    /** The reason of a verdict that is not a pass, for wrapping in a case's own words. */
    static String reason(Verdict v) {
        if (v instanceof Verdict.Breach b) {
            return b.reason();
        }
        if (v instanceof Verdict.Fail f) {
            return f.reason();
        }
        if (v instanceof Verdict.Warn w) {
            return w.reason();
        }
        if (v instanceof Verdict.Info i) {
            return i.reason();
        }
        if (v instanceof Verdict.Skip k) {
            return k.reason();
        }
        return ((Verdict.Pass) v).detail();
    }
}
