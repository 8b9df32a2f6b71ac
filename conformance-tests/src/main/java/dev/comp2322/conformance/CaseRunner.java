package dev.comp2322.conformance;

import dev.comp2322.conformance.catalogue.CaseContext;
import dev.comp2322.conformance.catalogue.ConformanceCase;
import dev.comp2322.conformance.catalogue.Verdict;
import dev.comp2322.conformance.fixture.Fixture;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Runs one case on a virtual thread under a watchdog, so no server behaviour can hang the kit. */
final class CaseRunner {
    private final RunOptions options;

    CaseRunner(RunOptions options) {
        this.options = options;
    }

    CaseResult run(ConformanceCase c) {
        long start = System.nanoTime();
        Level level = c.levelIn(options.profile());
        try (CaseContext ctx = new CaseContext(options.parsedTarget(), options.profile(), options.timeout(), Fixture.standard())) {
            Verdict verdict = watched(c, ctx);
            Grading.Graded graded = Grading.applyCoursePolicy(Grading.grade(verdict, level, options.strict()),
                    options.profile(), ctx.transcript().statuses());
            return new CaseResult(c.id(), c.title(), c.reference(), level, graded.outcome(), graded.reason(), c.why(),
                    c.accepts(), Duration.ofNanos(System.nanoTime() - start), ctx.transcript().entries());
        }
    }

    /** A result for a case whose precondition did not pass. */
    CaseResult skipped(ConformanceCase c, String reason) {
        return new CaseResult(c.id(), c.title(), c.reference(), c.levelIn(options.profile()), Outcome.SKIPPED, reason,
                c.why(), c.accepts(), Duration.ZERO, java.util.List.of());
    }

    private Verdict watched(ConformanceCase c, CaseContext ctx) {
        // Every read is bounded by the timeout; the watchdog also covers writes a stalled server never drains.
        Duration budget = options.timeout().multipliedBy(4).plusSeconds(5);
        ExecutorService single = KitThreads.daemonPool();
        try {
            Future<Verdict> future = single.submit(() -> c.check().run(ctx));
            try {
                return future.get(budget.toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                ctx.close();
                future.cancel(true);
                return Verdict.breach("the case did not finish within " + budget.toSeconds()
                        + " s: the server stopped reading or responding");
            } catch (ExecutionException e) {
                return fromException(e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                ctx.close();
                return Verdict.skip("interrupted");
            }
        } finally {
            single.shutdownNow();
        }
    }

    private static Verdict fromException(Throwable cause) {
        if (cause instanceof IOException io) {
            return Verdict.breach("connection failed: " + io.getClass().getSimpleName() + ": " + io.getMessage());
        }
        return Verdict.fail("kit error (please report): " + cause);
    }
}
