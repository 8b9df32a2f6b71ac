package dev.comp2322.conformance.exec;

import dev.comp2322.conformance.CaseResult;
import dev.comp2322.conformance.Outcome;
import dev.comp2322.conformance.ProgressListener;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Watches the server as cases end. The case whose end finds it dead gets a FAIL naming the exit status
 * and its last output (a Python traceback, say) and the cases running beside it; every case that ends
 * after that is SKIPPED with that reason instead of a string of "connection refused" failures. Passes the
 * rewritten results on, in catalogue order, to the next listener.
 */
final class CrashWatch implements ProgressListener {
    /**
     * A dying server closes its sockets before its exit is seen (Python closes the connection, prints the
     * traceback, then exits): after a case that did not pass or saw a connection end, wait this long for it.
     */
    private static final Duration EXIT_PATIENCE = Duration.ofMillis(150);
    private static final List<String> CONNECTION_ENDED = List.of("close", "reset", "refused", "no response",
            "connection", "eof", "end of stream");

    private final ServerProcess server;
    private final ProgressListener next;
    private final Set<String> running = new LinkedHashSet<>();
    private final Map<String, CaseResult> rewritten = new HashMap<>();
    private Optional<String> diedDuring = Optional.empty();
    private String crash = "";
    /** Where the death was seen: " during case X", or " before case X started" (during the kit's probe). */
    private String where = "";
    private boolean blameNext;

    CrashWatch(ServerProcess server, ProgressListener next) {
        this.server = server;
        this.next = next;
    }

    @Override
    public synchronized void started(String caseId) {
        running.add(caseId);
        if (crash.isEmpty()) {
            // Dead before a case began (the kit's probe killed it): blame no case for it, but fail the first one.
            server.exitStatus(Duration.ZERO).ifPresent(status -> {
                crash = "the server process exited with status " + status;
                where = " before case " + caseId + " started";
                blameNext = true;
            });
        }
    }

    @Override
    public synchronized void ran(CaseResult result) {
        running.remove(result.id());
        if (blameNext) {
            blameNext = false;
            rewritten.put(result.id(), with(result, Outcome.FAIL, crashReason(result, " before this case started")));
            return;
        }
        if (!crash.isEmpty()) {
            rewritten.put(result.id(), with(result, Outcome.SKIPPED, crash + where + "; nothing more can be tested"));
            return;
        }
        var exit = server.exitStatus(mayHaveKilled(result) ? EXIT_PATIENCE : Duration.ZERO);
        if (exit.isPresent()) {
            diedDuring = Optional.of(result.id());
            crash = "the server process exited with status " + exit.getAsInt();
            where = " during case " + result.id();
            String beside = running.isEmpty() ? "" : " (running at the same time: " + String.join(", ", running) + ")";
            rewritten.put(result.id(), with(result, Outcome.FAIL, crashReason(result, " during this case" + beside)));
        }
    }

    @Override
    public synchronized void finished(CaseResult result, int index, int total) {
        next.finished(rewritten.getOrDefault(result.id(), result), index, total);
    }

    /** The case during which the server died, if it did. */
    synchronized Optional<String> diedDuring() {
        return diedDuring;
    }

    /** The results as rewritten, in the order of {@code original}. */
    synchronized List<CaseResult> rewrite(List<CaseResult> original) {
        return original.stream().map(r -> rewritten.getOrDefault(r.id(), r)).toList();
    }

    private String crashReason(CaseResult r, String when) {
        List<String> lines = server.lastLines().stream().filter(l -> !l.isBlank()).toList();
        if (lines.isEmpty()) {
            return crash + when + "; it printed nothing (the case saw: " + r.reason() + ")";
        }
        // The last line first (Python's "ValueError: embedded null byte"), then the lines before it for context:
        // from the start of a traceback when there is one, else the last few.
        int from = Math.max(0, lines.size() - 8);
        for (int i = lines.size() - 1; i >= 0; i--) {
            if (lines.get(i).startsWith("Traceback") || lines.get(i).startsWith("Exception in thread")) {
                from = i;
                break;
            }
        }
        String context = String.join(" | ", lines.subList(from, lines.size()));
        return crash + when + ": " + lines.get(lines.size() - 1).trim()
                + " (last output: " + context + "; the case saw: " + r.reason() + ")";
    }

    private static boolean mayHaveKilled(CaseResult r) {
        String reason = r.reason().toLowerCase(Locale.ROOT);
        return r.outcome() != Outcome.PASS || CONNECTION_ENDED.stream().anyMatch(reason::contains);
    }

    private static CaseResult with(CaseResult r, Outcome outcome, String reason) {
        return new CaseResult(r.id(), r.title(), r.reference(), r.level(), outcome, reason, r.why(), r.accepts(),
                r.elapsed(), outcome == Outcome.SKIPPED ? List.of() : r.transcript());
    }
}
