package dev.comp2322.conformance;

import dev.comp2322.conformance.catalogue.Catalogue;
import dev.comp2322.conformance.catalogue.ConformanceCase;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * Runs cases several at a time in catalogue order (issue 9 §5): a case starts once its preconditions
 * have results, and is SKIPPED, naming the precondition, only if the capability it needs is missing; an
 * exclusive case starts only when nothing else runs and holds back every later case until it ends; once
 * the run's budget is used up, cases that have not started are SKIPPED with that reason. Results come
 * back in catalogue order; the listener hears of each as soon as every case before it has a result.
 *
 * <p>A precondition that FAILed because a request got no response at all is run once more, unreported,
 * before its dependants are skipped: a server that hangs on some requests may well have the capability,
 * and one unanswered request must not cost every case that needs it.
 */
final class CaseScheduler {
    private final List<ConformanceCase> reported;
    private final List<ConformanceCase> toRun;
    private final CaseRunner runner;
    private final int parallelism;
    private final long budgetEnd;
    private final String budgetText;
    private final ProgressListener listener;
    private final Map<String, CaseResult> done = new HashMap<>();
    /** Second runs of preconditions that got no answer: they decide the capability, not the report. */
    private final Map<String, CaseResult> rerun = new HashMap<>();
    private final Set<String> rerunning = new HashSet<>();
    private int announced;

    /** One unit of work: a case, or the unreported second run of a precondition. */
    private record Task(ConformanceCase c, boolean again) {
    }

    CaseScheduler(List<ConformanceCase> selected, CaseRunner runner, int parallelism, long budgetEnd,
                  String budgetText, ProgressListener listener) {
        this.reported = selected;
        this.toRun = withPreconditions(selected);
        this.runner = runner;
        this.parallelism = parallelism;
        this.budgetEnd = budgetEnd;
        this.budgetText = budgetText;
        this.listener = listener;
    }

    /** Every selected case's result, in catalogue order. */
    List<CaseResult> runAll() throws InterruptedException {
        ExecutorService pool = KitThreads.daemonPool();
        ExecutorCompletionService<CaseResult> completion = new ExecutorCompletionService<>(pool);
        List<ConformanceCase> pending = new ArrayList<>(toRun);
        Map<Future<CaseResult>, Task> running = new HashMap<>();
        boolean exclusiveRunning = false;
        try {
            while (!pending.isEmpty() || !running.isEmpty()) {
                int before = pending.size() + running.size();
                for (int i = 0; i < pending.size() && !exclusiveRunning && running.size() < parallelism; ) {
                    ConformanceCase c = pending.get(i);
                    Decision d = decide(c, running.size());
                    if (d.start() == Start.WAIT_ALL) {
                        break;
                    }
                    if (d.start() == Start.RERUN) {
                        ConformanceCase again = Catalogue.byId(d.rerun()).orElseThrow();
                        rerunning.add(again.id());
                        running.put(completion.submit(() -> runner.run(again)), new Task(again, true));
                        exclusiveRunning = again.exclusive();
                        i++;
                        continue;
                    }
                    if (d.start() == Start.NOT_YET) {
                        i++;
                        continue;
                    }
                    pending.remove(i);
                    if (d.start() == Start.RUN) {
                        listener.started(c.id());
                        running.put(completion.submit(() -> runner.run(c)), new Task(c, false));
                        exclusiveRunning = c.exclusive();
                    }
                    announce();
                }
                if (running.isEmpty()) {
                    if (pending.size() == before) {
                        // Cannot happen with a valid catalogue (every precondition is in toRun); never spin.
                        pending.forEach(c -> done.put(c.id(), runner.skipped(c, "kit error: preconditions never resolved")));
                        pending.clear();
                        announce();
                    }
                    continue;
                }
                Future<CaseResult> finished = completion.take();
                Task task = running.remove(finished);
                exclusiveRunning = false;
                if (task.again()) {
                    rerun.put(task.c().id(), result(task.c(), finished));
                    rerunning.remove(task.c().id());
                } else {
                    done.put(task.c().id(), result(task.c(), finished));
                    listener.ran(done.get(task.c().id()));
                }
                announce();
            }
        } finally {
            pool.shutdownNow();
        }
        return reported.stream().map(c -> done.get(c.id())).toList();
    }

    private enum Start { RUN, DECIDED, NOT_YET, WAIT_ALL, RERUN }

    private record Decision(Start start, String rerun) {
        static Decision of(Start start) {
            return new Decision(start, "");
        }
    }

    /** Whether a pending case can start now, was decided without running (skipped), or must wait. */
    private Decision decide(ConformanceCase c, int runningNow) {
        boolean budgetLeft = System.nanoTime() - budgetEnd < 0;
        for (String id : c.dependsOn()) {
            CaseResult first = done.get(id);
            if (first == null || rerunning.contains(id)) {
                return Decision.of(Start.NOT_YET);
            }
            CaseResult d = rerun.getOrDefault(id, first);
            if (d.outcome() != Outcome.FAIL && d.outcome() != Outcome.SKIPPED) {
                continue;
            }
            boolean again = rerun.containsKey(id);
            if (!again && d.outcome() == Outcome.FAIL && runner.sawNoAnswer(id) && budgetLeft) {
                ConformanceCase dep = Catalogue.byId(id).orElseThrow();
                boolean room = dep.exclusive() ? runningNow == 0 : runningNow < parallelism;
                return room ? new Decision(Start.RERUN, id) : Decision.of(Start.WAIT_ALL);
            }
            ConformanceCase dep = Catalogue.byId(id).orElseThrow();
            done.put(c.id(), runner.skipped(c, "needs " + id + " (" + dep.title() + "), which was " + d.outcome()
                    + (again ? " twice" : "") + ": " + d.reason()));
            return Decision.of(Start.DECIDED);
        }
        if (!budgetLeft) {
            done.put(c.id(), runner.skipped(c, "not run: the run's time budget of " + budgetText + " was used up"
                    + runner.learnt()));
            return Decision.of(Start.DECIDED);
        }
        if (c.exclusive()) {
            return Decision.of(runningNow == 0 ? Start.RUN : Start.WAIT_ALL);
        }
        return Decision.of(runningNow < parallelism ? Start.RUN : Start.WAIT_ALL);
    }

    private CaseResult result(ConformanceCase c, Future<CaseResult> finished) throws InterruptedException {
        try {
            return finished.get();
        } catch (ExecutionException e) {
            return runner.crashed(c, e.getCause());
        }
    }

    /** Tells the listener about every result whose predecessors all have one. */
    private void announce() {
        while (announced < reported.size() && done.containsKey(reported.get(announced).id())) {
            announced++;
            listener.finished(done.get(reported.get(announced - 1).id()), announced, reported.size());
        }
    }

    /** The selected cases plus any precondition outside the selection (run, not reported), in catalogue order. */
    private static List<ConformanceCase> withPreconditions(List<ConformanceCase> selected) {
        Set<String> ids = new LinkedHashSet<>();
        for (ConformanceCase c : selected) {
            add(c, ids);
        }
        return Catalogue.all().stream().filter(c -> ids.contains(c.id())).toList();
    }

    private static void add(ConformanceCase c, Set<String> ids) {
        if (ids.add(c.id())) {
            c.dependsOn().forEach(d -> add(Catalogue.byId(d).orElseThrow(), ids));
        }
    }
}
