package dev.comp2322.conformance.report;

import dev.comp2322.conformance.CaseResult;
import dev.comp2322.conformance.Outcome;
import dev.comp2322.conformance.ProgressListener;
import dev.comp2322.conformance.RunReport;
import dev.comp2322.conformance.ServerLog;
import java.io.PrintStream;

/**
 * The terminal output: one progress line per case, then a table, then the summary as the very last line.
 * A FAIL's or WARN's reason is never cut (issue 9 §4); only PASS, INFO and SKIPPED reasons are shortened
 * to keep the table readable.
 */
public final class ConsoleReport {
    private static final int REASON_WIDTH = 110;

    private final PrintStream out;

    /** Writes to the given stream. */
    public ConsoleReport(PrintStream out) {
        this.out = out;
    }

    /** A listener that prints {@code [  3/116] PASS  get-png  200, 2313 bytes byte-exact, image/png}. */
    public ProgressListener progress() {
        return (result, index, total) -> {
            String width = Integer.toString(total);
            out.printf("[%" + width.length() + "d/%s] %-7s %s  %s%n", index, width, result.outcome(), result.id(),
                    reason(result));
            out.flush();
        };
    }

    /** The table (id, result, RFC reference, reason), then the notes line, then the summary line. */
    public void summary(RunReport report) {
        if (report.problem().isPresent()) {
            out.println(report.problem().get());
            return;
        }
        int idWidth = report.results().stream().mapToInt(r -> r.id().length()).max().orElse(2);
        int refWidth = report.results().stream().mapToInt(r -> r.reference().length()).max().orElse(3);
        String format = "%-" + idWidth + "s  %-7s  %-" + refWidth + "s  %s%n";
        out.println();
        out.printf(format, "id", "result", "RFC reference", "reason");
        out.printf(format, "-".repeat(idWidth), "-------", "-".repeat(refWidth), "------");
        for (CaseResult r : report.results()) {
            out.printf(format, r.id(), r.outcome(), r.reference(), reason(r));
        }
        out.println();
        for (CaseResult r : report.results()) {
            if (r.outcome() == Outcome.FAIL || r.outcome() == Outcome.WARN) {
                out.println(r.outcome() + " " + r.id() + " (" + r.level() + ", " + r.reference() + "): " + r.reason());
                out.println("    accepts: " + r.accepts());
                out.println("    why it matters: " + r.why());
            }
        }
        report.server().ifPresent(this::server);
        out.println();
        out.println(report.notesLine());
        out.println(report.summaryLine());
        out.flush();
    }

    /** The reason on one line: in full for FAIL and WARN, shortened for the rest. */
    static String reason(CaseResult r) {
        boolean full = r.outcome() == Outcome.FAIL || r.outcome() == Outcome.WARN;
        return full ? oneLine(r.reason()) : shorten(r.reason(), REASON_WIDTH);
    }

    private static String oneLine(String s) {
        return s.replace('\n', ' ').replace('\r', ' ');
    }

    /** How the server the kit started ended, and its last lines (a traceback, say). */
    private void server(ServerLog log) {
        out.println();
        out.println("server: " + log.ending() + " (" + log.command() + ")");
        out.println("server output, last " + log.lastLines().size() + " lines:");
        log.lastLines().forEach(line -> out.println("    | " + line));
    }

    static String shorten(String s, int max) {
        String oneLine = s.replace('\n', ' ').replace('\r', ' ');
        return oneLine.length() <= max ? oneLine : oneLine.substring(0, max - 3) + "...";
    }
}
