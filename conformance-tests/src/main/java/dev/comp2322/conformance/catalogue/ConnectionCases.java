package dev.comp2322.conformance.catalogue;

import static dev.comp2322.conformance.Level.MAY;
import static dev.comp2322.conformance.Level.MUST;
import static dev.comp2322.conformance.Level.SHOULD;

import dev.comp2322.conformance.fixture.Fixture;
import dev.comp2322.conformance.wire.WireConnection;
import dev.comp2322.conformance.wire.WireConnection.AfterResponse;
import dev.comp2322.conformance.wire.WireOutcome;
import dev.comp2322.conformance.wire.WireResponse;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/** Persistence (1.1 default, 1.0 with and without keep-alive, Connection: close) and pipelining order. */
final class ConnectionCases {
    private ConnectionCases() {
    }

    static List<ConformanceCase> cases() {
        return List.of(
                ConformanceCase.define("keepalive-http11-default", "HTTP/1.1 connections persist by default",
                                "RFC 9112 §9.3", SHOULD).courseLevel(MUST)
                        .accepts("two requests answered on one connection (or Connection: close announced before closing)")
                        .dependsOn(ContentCases.BASE)
                        .why("RFC 9112 §9.3: \"HTTP/1.1 defaults to the use of 'persistent connections', allowing multiple requests"
                                + " and responses to be carried over a single connection\"; the course requires it.")
                        .check(ctx -> twoOnOne(ctx, "index.html")),
                ConformanceCase.define("keepalive-after-404", "a 404 does not end a persistent connection",
                                "RFC 9112 §9.3", SHOULD)
                        .accepts("404, then the next request on the same connection answered 200")
                        .dependsOn("keepalive-http11-default", "missing-is-404")
                        .why("Browsers hit missing favicons all the time; closing after each 404 throws the connection away.")
                        .check(ctx -> twoOnOne(ctx, Fixture.MISSING)),
                ConformanceCase.define("close-when-asked", "Connection: close makes the server close after the response",
                                "RFC 9112 §9.6", MUST)
                        .accepts("the response, then the server closes").dependsOn(ContentCases.BASE)
                        .why("A client that said close waits for the server's close; a server that lingers ties up both ends.")
                        .check(ConnectionCases::closesWhenAsked),
                ConformanceCase.define("close-announced", "the response to Connection: close says Connection: close",
                                "RFC 9112 §9.6", SHOULD)
                        .accepts("Connection: close in the final response").dependsOn(ContentCases.BASE)
                        .why("RFC 9112 §9.6: \"The server SHOULD send a 'close' connection option in its final response on that"
                                + " connection\"; it lets clients stop reusing the connection cleanly.")
                        .check(ctx -> Expect.response(ctx.exchange(ctx.get(ctx.path("index.html"))))
                                .map(r -> r.hasConnectionOption("close") ? Verdict.pass("Connection: close")
                                        : !r.version().equals("HTTP/1.1") && !r.hasConnectionOption("keep-alive")
                                        ? Verdict.pass(r.version() + " response: it closes by default (RFC 9112 §9.3)")
                                        : Verdict.breach("no Connection: close in the response"))
                                .orElse(Verdict.breach("no response"))),
                ConformanceCase.define("http10-closes-by-default", "an HTTP/1.0 request without keep-alive is answered and closed",
                                "RFC 9112 §9.3", MUST)
                        .accepts("200, then the server closes").dependsOn("version-http10")
                        .why("An HTTP/1.0 client without keep-alive may wait for the close to know the response ended.")
                        .check(ConnectionCases::http10Closes),
                ConformanceCase.define("http10-keepalive", "HTTP/1.0 with Connection: keep-alive persists and says so",
                                "RFC 9112 §9.3, Appendix C.2.2", MAY)
                        .accepts("Connection: keep-alive in the response and a second request answered; or a close")
                        .dependsOn("version-http10")
                        .why("Old clients and tools like ab use HTTP/1.0 keep-alive; keeping the connection without saying so hangs them.")
                        .check(ConnectionCases::http10KeepAlive),
                ConformanceCase.define("http10-keepalive-pipelined", "HTTP/1.0 keep-alive with a pipelined second request",
                                "RFC 9112 §9.3, §9.3.2", MUST)
                        .accepts("both answered in order, byte-exact; or the first answered and the connection closed")
                        .dependsOn("version-http10")
                        .why("RFC 9112 §9.3.2: a server \"MUST send the corresponding responses in the same order that the"
                                + " requests were received\"; a second request left unanswered on an open connection hangs the"
                                + " client.")
                        .check(ConnectionCases::http10Pipelined),
                ConformanceCase.define("pipelining-order", "pipelined requests are answered in order",
                                "RFC 9112 §9.3.2", MUST)
                        .accepts("text.txt, index.html, 404, sub/index.html in that order, byte-exact (a close after some"
                                + " of them, in order, is persistence's business, not this case's)")
                        .dependsOn("missing-is-404", "keepalive-http11-default")
                        .why("RFC 9112 §9.3.2: a server \"MUST send the corresponding responses in the same order that the"
                                + " requests were received\"; responses carry no request id.")
                        .check(ConnectionCases::pipelining),
                ConformanceCase.define("response-version-11", "an HTTP/1.1 request is answered with HTTP/1.1",
                                "RFC 9110 §2.5", SHOULD)
                        .accepts("a status line starting HTTP/1.1").dependsOn(ContentCases.BASE)
                        .why("RFC 9110 §2.5: \"A server SHOULD send a response version equal to the highest version to which the server is"
                                + " conformant that has a major version less than or equal to the one received in the request\".")
                        .check(ConnectionCases::version11),
                ConformanceCase.define("status-line-format", "the status line and fields follow the grammar",
                                "RFC 9112 §4, §2.2", MUST)
                        .accepts("HTTP/d.d SP 3DIGIT SP reason CRLF, fields name: value CRLF").dependsOn(ContentCases.BASE)
                        .why("Strict clients reject a malformed status line, so the page never loads.")
                        .check(ctx -> Expect.response(ctx.exchange(ctx.get(ctx.path("index.html"))))
                                .map(r -> r.syntaxProblem().isEmpty() ? Verdict.pass(r.statusLine())
                                        : Verdict.breach(r.syntaxProblem().get()))
                                .orElse(Verdict.breach("no response"))),
                ConformanceCase.define("response-singleton-fields", "a response never repeats a singleton field",
                                "RFC 9110 §5.3", MUST)
                        .accepts("at most one Content-Type, Content-Length, Date, Last-Modified, ETag, Location, Server"
                                + " on a 200 and on a 404").dependsOn(ContentCases.BASE)
                        .why("RFC 9110 §5.3: \"A sender MUST NOT generate multiple field lines with the same name in a"
                                + " message ... unless [the field] is defined as a comma-separated list\"; two Content-Types"
                                + " leave the client guessing.")
                        .check(ConnectionCases::singletons));
    }

    private static final List<String> SINGLETONS = List.of("Content-Type", "Content-Length", "Date", "Last-Modified",
            "ETag", "Location", "Server");

    private static Verdict singletons(CaseContext ctx) throws IOException {
        for (String file : new String[] {"index.html", Fixture.MISSING}) {
            Optional<WireResponse> r = Expect.response(ctx.exchange(ctx.get(ctx.path(file))));
            if (r.isEmpty()) {
                continue;
            }
            for (String name : SINGLETONS) {
                List<String> values = r.get().headers(name);
                if (values.size() > 1) {
                    return Verdict.breach("the " + r.get().status() + " for " + file + " has " + values.size() + " "
                            + name + " fields: " + String.join(" | ", values));
                }
            }
        }
        return Verdict.pass("no singleton field repeated on the 200 or the 404");
    }

    /** RFC 9110 §2.5: a server that implements only HTTP/1.0 answers HTTP/1.0 and conforms; the course wants 1.1. */
    private static Verdict version11(CaseContext ctx) throws IOException {
        Optional<WireResponse> r = Expect.response(ctx.exchange(ctx.get(ctx.path("index.html"))));
        if (r.isEmpty()) {
            return Verdict.breach("no response");
        }
        if (r.get().version().equals("HTTP/1.1")) {
            return Verdict.pass(r.get().statusLine());
        }
        if (r.get().version().equals("HTTP/1.0") && !ctx.course()) {
            return Verdict.info("answers HTTP/1.0: RFC 9110 §2.5 lets a server send \"the highest version to which the"
                    + " server is conformant\", so an HTTP/1.0-only server conforms");
        }
        return Verdict.breach("status line \"" + r.get().statusLine() + "\"");
    }

    private static Verdict http10Pipelined(CaseContext ctx) throws IOException {
        WireConnection c = ctx.open();
        c.send("GET " + ctx.path("index.html") + " HTTP/1.0\r\nConnection: keep-alive\r\n\r\n"
                + "GET " + ctx.path("text.txt") + " HTTP/1.0\r\n\r\n");
        WireOutcome one = c.read();
        Verdict first = Expect.file(ctx, one, "index.html", false);
        if (first instanceof Verdict.Skip) {
            return first;
        }
        if (!(first instanceof Verdict.Pass) && Expect.file(ctx, one, "text.txt", false) instanceof Verdict.Pass) {
            return Verdict.skip("the second request was answered first: pipelined responses come out of order"
                    + " (pipelining-order reports it)");
        }
        if (!(first instanceof Verdict.Pass)) {
            return Verdict.breach("the first response: " + Expect.reason(first));
        }
        WireOutcome two = c.read();
        if (two instanceof WireOutcome.Silent s && s.why() == WireOutcome.Silent.Why.CLOSED && s.partialBytes() == 0) {
            return Verdict.pass("answered the first request, then closed (HTTP/1.0 keep-alive not offered)");
        }
        Verdict second = Expect.file(ctx, two, "text.txt", false);
        if (second instanceof Verdict.Skip) {
            return second;
        }
        return second instanceof Verdict.Pass ? Verdict.pass("both answered in order")
                : Verdict.breach("the pipelined second request: " + Expect.reason(second));
    }

    private static Verdict twoOnOne(CaseContext ctx, String first) throws IOException {
        WireConnection c = ctx.open();
        c.send(ctx.keepAlive("GET", ctx.path(first)));
        WireOutcome one = c.read();
        Optional<WireResponse> r = Expect.response(one);
        if (r.isEmpty()) {
            return Verdict.breach("first request: " + Expect.describe(ctx, one));
        }
        if (!r.get().version().equals("HTTP/1.1") && !ctx.course()) {
            return Verdict.skip("the server answers " + r.get().version() + " (response-version-11 reports it): HTTP/1.1"
                    + " persistence does not apply");
        }
        if (r.get().hasConnectionOption("close")) {
            return Verdict.breach("the server announced Connection: close after a plain HTTP/1.1 request");
        }
        try {
            c.send(ctx.get(ctx.path("index.html")));
        } catch (IOException e) {
            return closedWithoutNotice(r.get());
        }
        WireOutcome two = c.read();
        if (two instanceof WireOutcome.Silent s && s.why() == WireOutcome.Silent.Why.CLOSED && s.partialBytes() == 0) {
            return closedWithoutNotice(r.get());
        }
        Verdict second = Expect.file(ctx, two, "index.html", false);
        if (second instanceof Verdict.Skip) {
            return second;
        }
        return second instanceof Verdict.Breach b ? Verdict.breach("second request on the connection: " + b.reason())
                : Verdict.pass(r.get().status() + " then 200 on one connection");
    }

    private static Verdict closedWithoutNotice(WireResponse first) {
        if (!first.version().equals("HTTP/1.1")) {
            return Verdict.breach("the server answered " + first.version() + " and closed: no persistent connections");
        }
        // RFC 9112 §9.6: an HTTP/1.1 server that does not keep the connection MUST send "close" first.
        return Verdict.fail("the server closed after " + first.status()
                + " without sending Connection: close (RFC 9112 §9.6 requires the close option)");
    }

    private static Verdict closesWhenAsked(CaseContext ctx) throws IOException {
        WireConnection c = ctx.open();
        c.send(ctx.get(ctx.path("index.html")));
        WireOutcome o = c.read();
        if (Expect.response(o).isEmpty()) {
            return Verdict.breach("no response: " + Expect.describe(ctx, o));
        }
        AfterResponse after = c.awaitClose();
        return switch (after.state()) {
            case CLOSED -> Verdict.pass("closed after the response");
            case STILL_OPEN -> Verdict.breach(after.describe());
            case EXTRA_BYTES -> Verdict.breach("unexpected bytes after the response: " + after.extra());
        };
    }

    private static Verdict http10Closes(CaseContext ctx) throws IOException {
        WireConnection c = ctx.open();
        c.send("GET " + ctx.path("index.html") + " HTTP/1.0\r\n\r\n");
        WireOutcome o = c.read();
        if (!Expect.is(o, 200)) {
            return Verdict.skip("HTTP/1.0 GET did not answer 200: " + Expect.describe(ctx, o));
        }
        AfterResponse after = c.awaitClose();
        return after.state() == AfterResponse.State.CLOSED ? Verdict.pass("closed after the response")
                : Verdict.breach("the HTTP/1.0 connection was not closed (" + after.state().name().toLowerCase()
                + ") although the client did not ask for keep-alive");
    }

    private static Verdict http10KeepAlive(CaseContext ctx) throws IOException {
        WireConnection c = ctx.open();
        String request = "GET " + ctx.path("index.html") + " HTTP/1.0\r\nConnection: keep-alive\r\n\r\n";
        c.send(request);
        WireOutcome o = c.read();
        Optional<WireResponse> r = Expect.response(o);
        if (r.isEmpty() || r.get().status() != 200) {
            return Verdict.skip("HTTP/1.0 keep-alive GET did not answer 200: " + Expect.describe(ctx, o));
        }
        boolean announced = r.get().hasConnectionOption("keep-alive");
        AfterResponse after = c.awaitClose(ctx.timeout().dividedBy(2));
        if (after.state() == AfterResponse.State.CLOSED) {
            return Verdict.pass("the server closed after the response (HTTP/1.0 keep-alive is optional)");
        }
        if (!announced) {
            return Verdict.warn("the connection stayed open without Connection: keep-alive in the response;"
                    + " an HTTP/1.0 client will wait for a close that never comes");
        }
        c.send(request);
        return Expect.is(c.read(), 200) ? Verdict.pass("kept alive and said so") : Verdict.breach("the second request failed");
    }

    private static Verdict pipelining(CaseContext ctx) throws IOException {
        WireConnection c = ctx.open();
        c.send(ctx.keepAlive("GET", ctx.path("text.txt")) + ctx.keepAlive("GET", ctx.path("index.html"))
                + ctx.keepAlive("GET", ctx.path(Fixture.MISSING)) + ctx.get(ctx.path("sub/index.html")));
        String[] files = {"text.txt", "index.html", null, "sub/index.html"};
        Optional<WireResponse> previous = Optional.empty();
        for (int i = 0; i < files.length; i++) {
            WireOutcome o = c.read();
            String which = "response " + (i + 1) + " of 4";
            if (o instanceof WireOutcome.Silent s && s.why() == WireOutcome.Silent.Why.CLOSED && s.partialBytes() == 0
                    && previous.isPresent()) {
                // Closing between responses is persistence's business (keepalive-*); the order so far was right.
                return Verdict.pass(i + " of 4 responses in request order, then the server closed");
            }
            previous = Expect.response(o);
            if (files[i] == null) {
                if (!Expect.is(o, 404)) {
                    return Verdict.breach(which + " should be the 404, got " + Expect.describe(ctx, o));
                }
                continue;
            }
            Verdict v = Expect.file(ctx, o, files[i], false);
            if (v instanceof Verdict.Skip) {
                return v;
            }
            if (!(v instanceof Verdict.Pass)) {
                return Verdict.breach(which + " should be " + files[i] + ": " + Expect.reason(v));
            }
        }
        return Verdict.pass("four responses in request order");
    }
}
