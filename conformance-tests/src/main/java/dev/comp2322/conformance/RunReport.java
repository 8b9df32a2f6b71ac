package dev.comp2322.conformance;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The result of a run: per-case results in run order, counts, and why nothing ran when that happens
 * (target unreachable, or an --only filter that matched no case), and, when the kit started the server
 * itself ({@code --exec}), what became of that process.
 */
public record RunReport(RunOptions options, Instant started, Duration elapsed, List<CaseResult> results,
                        Optional<String> problem, Optional<ServerLog> server) {

    /** Exit code 2: the run could not happen. */
    public static final int UNUSABLE = 2;

    /** Copies the results. */
    public RunReport {
        results = List.copyOf(results);
    }

    /** A report about a server the kit did not start. */
    public RunReport(RunOptions options, Instant started, Duration elapsed, List<CaseResult> results,
                     Optional<String> problem) {
        this(options, started, elapsed, results, problem, Optional.empty());
    }

    /** This report with the server process's record and the results rewritten for its crash (if any). */
    public RunReport withServer(ServerLog log, List<CaseResult> newResults) {
        return new RunReport(options, started, elapsed, newResults, problem, Optional.of(log));
    }

    /** How many cases ended with this outcome. */
    public long count(Outcome outcome) {
        return results.stream().filter(r -> r.outcome() == outcome).count();
    }

    public long passed() {
        return count(Outcome.PASS);
    }

    public long failed() {
        return count(Outcome.FAIL);
    }

    /** The results with this outcome. */
    public List<CaseResult> with(Outcome outcome) {
        return results.stream().filter(r -> r.outcome() == outcome).toList();
    }

    /** 0 = no FAIL, 1 = at least one FAIL, 2 = unreachable or no case ran. */
    public int exitCode() {
        if (problem.isPresent() || results.isEmpty()) {
            return UNUSABLE;
        }
        return failed() > 0 ? 1 : 0;
    }

    /** Exactly "N passed, M failed" or "N passed, M failed, K skipped": the line CI parsers read. */
    public String summaryLine() {
        long skipped = count(Outcome.SKIPPED);
        return passed() + " passed, " + failed() + " failed" + (skipped > 0 ? ", " + skipped + " skipped" : "");
    }

    /** "W warnings, I info" (printed on its own line, before the summary). */
    public String notesLine() {
        long warnings = count(Outcome.WARN);
        return warnings + (warnings == 1 ? " warning, " : " warnings, ") + count(Outcome.INFO) + " info";
    }
}
