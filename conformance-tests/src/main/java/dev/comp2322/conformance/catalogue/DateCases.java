package dev.comp2322.conformance.catalogue;

import static dev.comp2322.conformance.Level.MUST;
import static dev.comp2322.conformance.Level.SHOULD;

import dev.comp2322.conformance.fixture.Fixture;
import dev.comp2322.conformance.wire.HttpDates;
import dev.comp2322.conformance.wire.WireOutcome;
import dev.comp2322.conformance.wire.WireResponse;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Date on every response, Last-Modified present, well-formed, truthful, and never after Date. */
final class DateCases {
    private DateCases() {
    }

    static List<ConformanceCase> cases() {
        return List.of(
                dateCase("date-present", "a 200 response carries Date", ContentCases.BASE, "200",
                        ctx -> ctx.exchange(ctx.get(ctx.path("index.html")))),
                ConformanceCase.define("date-format", "Date is an IMF-fixdate", "RFC 9110 §5.6.7", MUST)
                        .accepts("Date like \"Tue, 05 Mar 2024 09:26:53 GMT\"").dependsOn("date-present")
                        .why("RFC 9110 §5.6.7: \"When a sender generates a field that contains one or more timestamps defined as HTTP-date, the"
                                + " sender MUST generate those timestamps in the IMF-fixdate format\"; caches parse Date strictly.")
                        .check(ctx -> format(ctx, "Date")),
                dateCase("date-on-404", "a 404 response carries Date", "missing-is-404", "404",
                        ctx -> ctx.exchange(ctx.get(ctx.path(Fixture.MISSING)))),
                dateCase("date-on-400", "a 400 response carries Date", ContentCases.BASE, "400", DateCases::first400),
                dateCase("date-on-304", "a 304 response carries Date", "ims-equal-is-304", "304",
                        ctx -> ctx.exchange(ctx.get(ctx.path("index.html"),
                                "If-Modified-Since: " + HttpDates.imfFixdate(ConditionalCases.validator(ctx, "index.html"))))),
                ConformanceCase.define("last-modified-present", "a file's 200 response carries Last-Modified",
                                "RFC 9110 §8.8.2", SHOULD)
                        .accepts("Last-Modified on GET of index.html").dependsOn(ContentCases.BASE)
                        .why("Without Last-Modified, browsers cannot revalidate with If-Modified-Since and re-download every file.")
                        .check(ctx -> header(ctx, "Last-Modified").isPresent() ? Verdict.pass("present")
                                : Verdict.breach("no Last-Modified")),
                ConformanceCase.define("last-modified-format", "Last-Modified is an IMF-fixdate", "RFC 9110 §5.6.7", MUST)
                        .accepts("Last-Modified like \"Tue, 05 Mar 2024 09:26:53 GMT\"").dependsOn("last-modified-present")
                        .why("RFC 9110 §5.6.7: \"When a sender generates a field that contains one or more timestamps defined as HTTP-date, the"
                                + " sender MUST generate those timestamps in the IMF-fixdate format\"; a validator in another format cannot be echoed in If-Modified-Since.")
                        .check(ctx -> format(ctx, "Last-Modified")),
                ConformanceCase.define("last-modified-is-mtime", "Last-Modified is the file's modification time",
                                "RFC 9110 §8.8.2", SHOULD)
                        .accepts("Last-Modified: " + HttpDates.imfFixdate(Fixture.MTIME) + " (the installed mtime)")
                        .dependsOn("last-modified-format")
                        .why("If Last-Modified is not the file's mtime, conditional requests answer 304 for changed files or never.")
                        .check(DateCases::isMtime),
                ConformanceCase.define("last-modified-not-after-date", "Last-Modified is not later than Date",
                                "RFC 9110 §8.8.2.1", MUST)
                        .accepts("Last-Modified <= Date").dependsOn("last-modified-format", "date-format")
                        .why("A modification time in the future breaks every cache's revalidation logic.")
                        .check(DateCases::notAfterDate));
    }

    @FunctionalInterface
    private interface Exchange {
        WireOutcome run(CaseContext ctx) throws IOException;
    }

    /**
     * Malformed requests tried in turn until one draws a 400: a server that does not check Host (host-missing
     * owns that fault) still rejects something (course: an unknown method), and its 400 must carry Date too. The
     * probes are asides: a 501 for the unknown method is method-unknown's verdict, not this case's.
     */
    private static WireOutcome first400(CaseContext ctx) throws IOException {
        String target = ctx.path("index.html");
        List<String> requests = List.of(
                "GET " + target + " HTTP/1.1\r\nConnection: close\r\n\r\n",
                "FOO " + target + " HTTP/1.1\r\nHost: " + ctx.host() + "\r\nConnection: close\r\n\r\n",
                "GET " + target + " HTTP/1.1\r\nHost: " + ctx.host() + "\r\nContent-Length: abc\r\nConnection: close\r\n\r\n",
                "GET\r\nHost: " + ctx.host() + "\r\nConnection: close\r\n\r\n");
        WireOutcome last = null;
        for (String request : requests) {
            last = ctx.aside(request);   // each probe's status is judged by the case that owns that request
            if (Expect.response(last).filter(r -> r.status() == 400).isPresent()) {
                return last;
            }
        }
        return last;
    }

    private static ConformanceCase dateCase(String id, String title, String dependsOn, String status, Exchange exchange) {
        return ConformanceCase.define(id, title, "RFC 9110 §6.6.1", MUST)
                .accepts(status + " with a Date field").dependsOn(dependsOn)
                .why("An origin server with a clock MUST send Date on 2xx, 3xx and 4xx responses; caches need it to compute age.")
                .check(ctx -> {
                    WireOutcome o = exchange.run(ctx);
                    Optional<WireResponse> r = Expect.response(o);
                    if (r.isEmpty() || r.get().status() != Integer.parseInt(status)) {
                        return Verdict.skip("could not get a " + status + " this time: " + Expect.describe(ctx, o));
                    }
                    return r.get().header("Date").isPresent() ? Verdict.pass("Date: " + r.get().header("Date").get())
                            : Verdict.breach("the " + status + " response has no Date");
                });
    }

    private static Optional<String> header(CaseContext ctx, String name) throws IOException {
        return Expect.response(ctx.exchange(ctx.get(ctx.path("index.html")))).flatMap(r -> r.header(name));
    }

    private static Verdict format(CaseContext ctx, String name) throws IOException {
        Optional<String> value = header(ctx, name);
        if (value.isEmpty()) {
            return Verdict.skip(name + " missing this time");
        }
        return HttpDates.parseImfFixdate(value.get()).isPresent() ? Verdict.pass(name + ": " + value.get())
                : Verdict.breach(name + ": \"" + value.get() + "\" is not an IMF-fixdate (e.g. \"Tue, 05 Mar 2024 09:26:53 GMT\")");
    }

    private static Verdict isMtime(CaseContext ctx) throws IOException {
        Optional<Instant> lm = header(ctx, "Last-Modified").flatMap(HttpDates::parseImfFixdate);
        if (lm.isEmpty()) {
            return Verdict.skip("no parseable Last-Modified this time");
        }
        return lm.get().equals(Fixture.MTIME) ? Verdict.pass("matches the installed mtime")
                : Verdict.breach("Last-Modified is " + HttpDates.imfFixdate(lm.get()) + ", the file's mtime is "
                + HttpDates.imfFixdate(Fixture.MTIME) + " (was the fixture copied without its mtimes?)");
    }

    private static Verdict notAfterDate(CaseContext ctx) throws IOException {
        Optional<WireResponse> r = Expect.response(ctx.exchange(ctx.get(ctx.path("index.html"))));
        Optional<Instant> lm = r.flatMap(x -> x.header("Last-Modified")).flatMap(HttpDates::parseImfFixdate);
        Optional<Instant> date = r.flatMap(x -> x.header("Date")).flatMap(HttpDates::parseImfFixdate);
        if (lm.isEmpty() || date.isEmpty()) {
            return Verdict.skip("Date or Last-Modified missing this time");
        }
        return lm.get().isAfter(date.get())
                ? Verdict.breach("Last-Modified " + HttpDates.imfFixdate(lm.get()) + " is after Date " + HttpDates.imfFixdate(date.get()))
                : Verdict.pass("Last-Modified <= Date");
    }
}
