package dev.comp2322.conformance.report;

import dev.comp2322.conformance.CaseResult;
import dev.comp2322.conformance.Outcome;
import dev.comp2322.conformance.ProgressListener;
import dev.comp2322.conformance.RunReport;
import java.io.PrintStream;

/** The terminal output: one progress line per case, then a table, then the summary as the very last line. */
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
                    shorten(result.reason(), REASON_WIDTH));
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
            out.printf(format, r.id(), r.outcome(), r.reference(), shorten(r.reason(), REASON_WIDTH));
        }
        out.println();
        for (CaseResult r : report.results()) {
            if (r.outcome() == Outcome.FAIL || r.outcome() == Outcome.WARN) {
                out.println(r.outcome() + " " + r.id() + " (" + r.level() + ", " + r.reference() + "): " + r.reason());
                out.println("    accepts: " + r.accepts());
                out.println("    why it matters: " + r.why());
            }
        }
        out.println();
        out.println(report.notesLine());
        out.println(report.summaryLine());
        out.flush();
    }

    static String shorten(String s, int max) {
        String oneLine = s.replace('\n', ' ').replace('\r', ' ');
        return oneLine.length() <= max ? oneLine : oneLine.substring(0, max - 3) + "...";
    }
}
