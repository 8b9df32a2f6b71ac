package dev.comp2322.conformance;

import dev.comp2322.conformance.catalogue.CaseContext;
import dev.comp2322.conformance.catalogue.ConformanceCase;
import dev.comp2322.conformance.catalogue.Verdict;
import dev.comp2322.conformance.fixture.Fixture;
import dev.comp2322.conformance.wire.Patience;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs one case on a daemon thread under a watchdog, so no server behaviour can hang the kit. A case
 * whose wait was cut by the run's deadline is SKIPPED for the time budget: the budget, not the server,
 * decided its outcome.
 */
final class CaseRunner {
    private final RunOptions options;
    private final Patience patience;
    private final long hardDeadline;
    private final java.util.Set<String> unanswered = java.util.concurrent.ConcurrentHashMap.newKeySet();

    /** Cases of a run: waits follow the run's patience, nothing runs past {@code hardDeadline} (nanoTime). */
    CaseRunner(RunOptions options, Patience patience, long hardDeadline) {
        this.options = options;
        this.patience = patience;
        this.hardDeadline = hardDeadline;
    }

    CaseResult run(ConformanceCase c) {
        long start = System.nanoTime();
        Level level = c.levelIn(options.profile());
        Patience mine = patience.forCase();
        try (CaseContext ctx = new CaseContext(options.parsedTarget(), options.profile(), mine, Fixture.standard())) {
            Verdict verdict = watched(c, ctx);
            if (mine.sawNoAnswer()) {
                unanswered.add(c.id());
            }
            Grading.Graded graded = Grading.applyCoursePolicy(Grading.grade(verdict, level, options.strict()),
                    options.profile(), ctx.judgedStatuses());
            if (mine.cutByDeadline() && graded.outcome() != Outcome.PASS) {
                graded = new Grading.Graded(Outcome.SKIPPED, "not judged: the run's time budget ran out while this"
                        + " case waited for the server" + learnt() + " (it had: " + graded.reason() + ")");
            }
            return new CaseResult(c.id(), c.title(), c.reference(), level, graded.outcome(), graded.reason(), c.why(),
                    c.accepts(), Duration.ofNanos(System.nanoTime() - start), ctx.transcript().entries());
        }
    }

    /** True if a request of the case's last run got no response at all (the server hung, or dropped it). */
    boolean sawNoAnswer(String id) {
        return unanswered.contains(id);
    }

    /** A result for a case that did not run, and why not. */
    CaseResult skipped(ConformanceCase c, String reason) {
        return new CaseResult(c.id(), c.title(), c.reference(), c.levelIn(options.profile()), Outcome.SKIPPED, reason,
                c.why(), c.accepts(), Duration.ZERO, List.of());
    }

    /** A result for a case whose thread failed outside the check (a kit bug). */
    CaseResult crashed(ConformanceCase c, Throwable cause) {
        return new CaseResult(c.id(), c.title(), c.reference(), c.levelIn(options.profile()), Outcome.FAIL,
                "kit error (please report): " + cause, c.why(), c.accepts(), Duration.ZERO, List.of());
    }

    /** "; later waits were shortened: ..." or "". */
    String learnt() {
        String summary = patience.summary();
        return summary.isEmpty() ? "" : " (" + summary + ")";
    }

    private Verdict watched(ConformanceCase c, CaseContext ctx) {
        // Every read and write is bounded; the watchdog covers whatever a check does beyond them.
        Duration budget = options.timeout().multipliedBy(4).plusSeconds(5);
        long untilHard = hardDeadline - System.nanoTime();
        boolean byDeadline = untilHard < budget.toNanos();
        if (byDeadline) {
            budget = Duration.ofNanos(Math.max(0, untilHard));
        }
        ExecutorService single = KitThreads.daemonPool();
        try {
            Future<Verdict> future = single.submit(() -> c.check().run(ctx));
            try {
                return future.get(budget.toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                ctx.close();
                future.cancel(true);
                return byDeadline
                        ? Verdict.skip("not judged: the run's time budget ran out while this case was running" + learnt())
                        : Verdict.breach("the case did not finish within " + budget.toSeconds()
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
