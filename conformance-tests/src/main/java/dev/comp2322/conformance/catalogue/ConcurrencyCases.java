package dev.comp2322.conformance.catalogue;

import static dev.comp2322.conformance.Level.MUST;

import dev.comp2322.conformance.wire.WireConnection;
import dev.comp2322.conformance.wire.WireOutcome;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import dev.comp2322.conformance.KitThreads;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

/** The assignment's "multi-threaded": slow or silent clients must not hold up others, and parallel clients all get their files. */
final class ConcurrencyCases {
    /** The most another client's request may be delayed (issue 4). */
    static final Duration LIMIT = Duration.ofSeconds(2);
    private static final String REF = "COMP2322 brief (multi-threaded); RFC 9112 §9";
    /** Plain ASCII files only (issue 9 §3): a server that mangles binary or UTF-8 names is get-*'s to report. */
    private static final List<String> FILES = List.of("index.html", "text.txt", "sub/index.html", "noindex/readme.txt",
            "index.html", "text.txt", "sub/index.html", "noindex/readme.txt");

    private ConcurrencyCases() {
    }

    static List<ConformanceCase> cases() {
        return List.of(
                ConformanceCase.define("concurrency-idle-client", "a silent open connection does not delay another client",
                                REF, MUST).exclusive()
                        .accepts("the other client's GET answered, byte-exact, within 2 s").dependsOn(ContentCases.BASE)
                        .why("COMP2322 brief: \"a web server that is multi-threaded, meaning handing multiple HTTP requests from clients at the same instance\"; a single-threaded server is frozen by a browser's spare, silent connection.")
                        .check(ConcurrencyCases::idle),
                ConformanceCase.define("concurrency-trickle", "a client trickling its request does not delay another client",
                                REF, MUST).exclusive()
                        .accepts("the other client's GET answered, byte-exact, within 2 s").dependsOn(ContentCases.BASE)
                        .why("COMP2322 brief: \"a web server that is multi-threaded, meaning handing multiple HTTP requests from clients at the same instance\"; a slow client must not stop everyone else being served.")
                        .check(ConcurrencyCases::trickle),
                ConformanceCase.define("concurrency-parallel", FILES.size() + " parallel clients are all served byte-exact",
                                REF, MUST).exclusive()
                        .accepts("every client gets its own file, byte-exact").dependsOn(ContentCases.BASE)
                        .why("COMP2322 brief: \"a web server that is multi-threaded, meaning handing multiple HTTP requests from clients at the same instance\"; threads that share buffers mix up responses only under concurrency.")
                        .check(ConcurrencyCases::parallel));
    }

    private static Verdict otherClient(CaseContext ctx, String situation) throws IOException {
        long start = System.nanoTime();
        WireConnection other = ctx.open();
        other.send(ctx.get(ctx.path("index.html")));
        WireOutcome o = other.read(false, LIMIT);
        long millis = (System.nanoTime() - start) / 1_000_000;
        if (o instanceof WireOutcome.Silent s && s.why() == WireOutcome.Silent.Why.TIMEOUT) {
            return Verdict.breach("another client got no response within 2 s while " + situation);
        }
        Verdict v = Expect.file(ctx, o, "index.html", false);
        if (v instanceof Verdict.Skip) {
            return v;
        }
        return v instanceof Verdict.Breach b ? Verdict.breach("the other client: " + b.reason())
                : Verdict.pass("the other client was served in " + millis + " ms while " + situation);
    }

    private static Verdict idle(CaseContext ctx) throws IOException {
        ctx.open();
        return otherClient(ctx, "one connection sat idle");
    }

    private static Verdict trickle(CaseContext ctx) throws IOException, InterruptedException {
        WireConnection slow = ctx.open();
        byte[] partial = ("GET " + ctx.path("index.html") + " HTTP/1.1\r\nHost: " + ctx.host() + "\r\nX-Kit-Slow: ")
                .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        AtomicBoolean stop = new AtomicBoolean();
        CountDownLatch started = new CountDownLatch(3);
        Thread trickler = KitThreads.start(() -> {
            try {
                for (int i = 0; i < partial.length && !stop.get(); i++) {
                    slow.sendUnrecorded(new byte[] {partial[i]});
                    started.countDown();
                    // The delay between bytes is the behaviour under test, not synchronisation.
                    Thread.sleep(50);
                }
            } catch (IOException | InterruptedException e) {
                started.countDown();
            }
        });
        try {
            started.await(LIMIT.toMillis(), TimeUnit.MILLISECONDS);
            return otherClient(ctx, "another connection trickled its request one byte every 50 ms");
        } finally {
            stop.set(true);
            trickler.interrupt();
            trickler.join(LIMIT.toMillis());
        }
    }

    private static Verdict parallel(CaseContext ctx) throws IOException, InterruptedException {
        List<WireConnection> connections = new ArrayList<>();
        for (int i = 0; i < FILES.size(); i++) {
            connections.add(ctx.open());
        }
        ExecutorService pool = KitThreads.daemonPool();
        try {
            List<Future<Verdict>> results = new ArrayList<>();
            for (int i = 0; i < FILES.size(); i++) {
                WireConnection c = connections.get(i);
                String file = FILES.get(i);
                results.add(pool.submit(() -> {
                    try {
                        c.send(ctx.get(ctx.path(file)));
                    } catch (IOException e) {
                        return Verdict.breach("client for " + file + ": the connection was refused or dropped");
                    }
                    return Expect.file(ctx, c.read(), file, false);
                }));
            }
            for (int i = 0; i < results.size(); i++) {
                Verdict v = await(results.get(i), ctx.timeout().multipliedBy(2));
                if (v instanceof Verdict.Skip) {
                    return v;
                }
                if (v instanceof Verdict.Breach b) {
                    return Verdict.breach("client " + (i + 1) + " (" + FILES.get(i) + "): " + b.reason());
                }
            }
        } finally {
            pool.shutdownNow();
        }
        return Verdict.pass(FILES.size() + " parallel clients all served byte-exact");
    }

    private static Verdict await(Future<Verdict> future, Duration limit) throws InterruptedException {
        try {
            return future.get(limit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            return Verdict.breach("no response in " + CaseContext.seconds(limit));
        } catch (ExecutionException e) {
            return Verdict.breach("client failed: " + e.getCause());
        }
    }
}
