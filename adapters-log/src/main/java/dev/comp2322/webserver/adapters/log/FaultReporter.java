package dev.comp2322.webserver.adapters.log;

import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * Tells the operator, one line at a time and at most once per interval, that the log file is
 * failing, and once more when it works again. Used by the writer thread only.
 */
final class FaultReporter {

    private final String prefix;
    private final long intervalNanos;
    private final Consumer<String> console;
    private final LongSupplier nanoTime;
    private long lastReport;
    private boolean reportedAny;
    private boolean failureReported;

    FaultReporter(Path path, Duration interval, Consumer<String> console, LongSupplier nanoTime) {
        this.prefix = "access log " + path + ": ";
        this.intervalNanos = interval.toNanos();
        this.console = console;
        this.nanoTime = nanoTime;
    }

    /** A write or reopen failed; reported unless another report went out less than an interval ago. */
    void writeFailed(String reason, long waiting) {
        long now = nanoTime.getAsLong();
        if (reportedAny && now - lastReport < intervalNanos) {
            return;
        }
        console.accept(prefix + "write failed (" + reason + "); " + waiting + " records waiting");
        lastReport = now;
        reportedAny = true;
        failureReported = true;
    }

    /**
     * Writing works again. Says so (with the count of records lost meanwhile) only if the failure
     * was reported; returns whether it printed, so an unreported loss is carried to the next report.
     */
    boolean resumed(long lost) {
        if (!failureReported) {
            return false;
        }
        failureReported = false;
        String losses = lost == 0 ? "no records lost" : lost + " records lost while it was failing";
        console.accept(prefix + "writing again; " + losses);
        return true;
    }

    /** The log is closing with records it could never write. */
    void closedWithLoss(long unwritten) {
        console.accept(prefix + "closed with " + unwritten + " records not written");
    }

    /** The writer stopped on a bug; the server goes on without its log. */
    void writerDied(RuntimeException e) {
        console.accept(prefix + "writer stopped unexpectedly (" + e + "); no further records are written");
    }
}
