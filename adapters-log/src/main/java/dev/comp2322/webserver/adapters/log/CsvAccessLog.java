package dev.comp2322.webserver.adapters.log;

import dev.comp2322.webserver.domain.model.AccessLogEntry;
import dev.comp2322.webserver.domain.port.out.AccessLog;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * {@link AccessLog} that appends one CSV record per completed exchange to a file ({@code Log.csv}),
 * written off the request path by one writer thread. The format is described in
 * {@code CsvRecords}: RFC 4180 with a header row, UTC ISO-8601 timestamps ending in {@code Z},
 * duration in milliseconds with three decimals, and client-supplied text that would start a
 * spreadsheet formula prefixed with {@code '}.
 *
 * <p><b>File.</b> Appended, never truncated, across restarts; the header row is written when the
 * file is new or empty. If the file is deleted or replaced while running, the writer notices before
 * its next write and creates it again, with a header.
 *
 * <p><b>Normal operation: nothing dropped.</b> {@link #record} puts the entry on a bounded queue
 * (8192 entries); when the writer is behind, a full queue blocks the caller until there is room.
 * The writer writes after 5 ms without new entries, when it holds 64 KiB, and within a second
 * of any record's arrival — never once per record at high rates.
 *
 * <p><b>Faults: the server keeps serving.</b> If writing fails (disk full, file made unwritable,
 * a directory in its place), the writer keeps what it holds, reports on standard error at most
 * once every 5 s ({@code access log /x/Log.csv: write failed (...); N records waiting}), and
 * reopens the file in append mode every 250 ms. Producers fill the queue to its capacity; beyond
 * that, while the file is failing, {@code record} returns at once and the entry is counted as lost
 * rather than stalling the server. When writing works again the count is reported. Records already
 * in the file are never damaged: a failed append's torn tail is cut off before appending again.
 *
 * <p><b>Life cycle.</b> {@link #close()} drains the queue, writes, and closes the file; it is
 * idempotent. {@link #record} after {@code close()} throws {@link IllegalStateException}: every
 * producer must be stopped first. Thread-safe.
 */
public final class CsvAccessLog implements AccessLog, AutoCloseable {

    private static final long OFFER_SLICE_MILLIS = 50;

    private final Path path;
    private final BlockingQueue<Job> queue;
    private final LogWriter writer;
    private final Thread writerThread;

    private CsvAccessLog(Path path, LogFile file, LogSettings settings) {
        this.path = path;
        this.queue = new ArrayBlockingQueue<>(settings.queueCapacity());
        this.writer = new LogWriter(file, queue, settings);
        // A platform thread: the writer blocks in file I/O, which would pin a virtual thread's carrier.
        this.writerThread = Thread.ofPlatform().name("access-log-writer " + path).daemon(true).unstarted(writer);
    }

    /**
     * Opens (or creates) the log file for appending and starts its writer.
     *
     * @throws IOException with a one-line message, e.g.
     *                     {@code cannot open access log /x/Log.csv: Permission denied}
     */
    public static CsvAccessLog open(Path file) throws IOException {
        return open(file, LogSettings.defaults());
    }

    static CsvAccessLog open(Path file, LogSettings settings) throws IOException {
        Path path = file.toAbsolutePath().normalize();
        LogFile logFile;
        try {
            logFile = LogFile.open(path, CsvRecords.headerBytes());
        } catch (IOException e) {
            throw new IOException("cannot open access log " + path + ": " + Reasons.of(e), e);
        }
        CsvAccessLog log = new CsvAccessLog(path, logFile, settings);
        log.writerThread.start();
        return log;
    }

    /** The log file's absolute path. */
    public Path path() {
        return path;
    }

    /**
     * Queues one entry. Blocks while the queue is full and the file is healthy; while the file is
     * failing and the queue is full, counts the entry as lost and returns.
     *
     * @throws IllegalStateException if the log is closed
     */
    @Override
    public void record(AccessLogEntry entry) {
        Job job = new Job.Append(entry);
        if (writer.closing()) {
            throw closed();
        }
        if (!queue.offer(job) && !offerWhileHealthy(job)) {
            writer.countLost();
            return;
        }
        if (writer.terminated() && queue.remove(job)) {
            throw closed(); // we raced with close(): the writer will never see it
        }
    }

    /** Waits for room in slices, giving up only when the file is failing (or the writer is gone). */
    private boolean offerWhileHealthy(Job job) {
        LockSupport.unpark(writerThread); // it may be pausing between drains; the queue is full now
        try {
            while (!writer.failing()) {
                if (writer.terminated()) {
                    throw closed();
                }
                if (queue.offer(job, OFFER_SLICE_MILLIS, TimeUnit.MILLISECONDS)) {
                    return true;
                }
            }
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // the caller is being stopped; keep its flag
            return false;
        }
    }

    /**
     * Writes out everything recorded before this call and waits for it. Returns early, without
     * waiting, if the file is failing or the log is closed (best effort: it never stalls the caller
     * on a broken disk).
     */
    public void flush() {
        if (writer.closing()) {
            return;
        }
        CountDownLatch done = new CountDownLatch(1);
        Job job = new Job.Flush(done);
        if (!queue.offer(job) && !offerWhileHealthy(job)) {
            return;
        }
        LockSupport.unpark(writerThread); // it may be pausing between drains rather than waiting on the queue
        try {
            while (!done.await(OFFER_SLICE_MILLIS, TimeUnit.MILLISECONDS)) {
                if (writer.failing() || writer.terminated()) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops taking entries, writes everything queued, closes the file. Idempotent. */
    @Override
    public void close() {
        if (writer.startClosing()) {
            queue.offer(new Job.Flush(new CountDownLatch(1))); // wakes a writer waiting on an empty queue
            LockSupport.unpark(writerThread); // wakes a writer pausing between retries
        }
        boolean interrupted = false;
        while (writerThread.isAlive()) {
            try {
                writerThread.join();
            } catch (InterruptedException e) {
                interrupted = true; // finish closing first: a half-closed log would lose records
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private IllegalStateException closed() {
        return new IllegalStateException("access log " + path + " is closed");
    }
}
