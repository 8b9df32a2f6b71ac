package dev.comp2322.webserver.adapters.log;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * The one thread that writes the log: drains the queue in batches, formats into its own buffer and
 * appends whole records to the file — when no entry came during a quiet spell
 * ({@code idleWriteDelay}), when the buffer holds 64 KiB, when its oldest record has waited
 * {@code maxWriteDelay}, on {@link Job.Flush} and at close. So a steady stream costs one write
 * per 64 KiB or per quiet spell, never one per record.
 *
 * <p>While the file can't be written it stops draining, keeps what it holds, reopens the file every
 * {@code retryInterval} and reports through {@link FaultReporter}; producers meanwhile fill the
 * queue to its capacity and then count their entries as lost ({@link #countLost()}).
 */
final class LogWriter implements Runnable {

    private static final int MAX_BATCH = 256;
    private static final int WRITE_THRESHOLD_CHARS = 64 * 1024;

    private final BlockingQueue<Job> queue;
    private final LogSettings settings;
    private final FaultReporter reporter;
    private final ByteBuffer header = CsvRecords.headerBytes();
    private final CsvRecords pending = new CsvRecords();
    private final List<Job> batch = new ArrayList<>(MAX_BATCH);
    private final List<CountDownLatch> flushers = new ArrayList<>();
    private final AtomicLong lost = new AtomicLong();
    private LogFile file;
    /** When the buffer last went from empty to holding records: no record waits longer than maxWriteDelay. */
    private long holdingSince;

    private volatile boolean failing;
    private volatile boolean closing;
    private volatile boolean terminated;

    LogWriter(LogFile file, BlockingQueue<Job> queue, LogSettings settings) {
        this.file = file;
        this.queue = queue;
        this.settings = settings;
        this.reporter = new FaultReporter(file.path(), settings.reportInterval(), settings.console(), System::nanoTime);
    }

    boolean failing() {
        return failing;
    }

    boolean closing() {
        return closing;
    }

    /** True once the writer takes nothing more from the queue. */
    boolean terminated() {
        return terminated;
    }

    void countLost() {
        lost.incrementAndGet();
    }

    /** Asks the loop to finish; true for the first caller only. */
    boolean startClosing() {
        if (closing) {
            return false;
        }
        closing = true;
        return true;
    }

    @Override
    public void run() {
        try {
            while (!closing) {
                if (failing) {
                    LockSupport.parkNanos(settings.retryInterval().toNanos()); // close() unparks
                    writeOut();
                } else {
                    takeAndWrite();
                }
            }
            finish();
        } catch (RuntimeException e) {
            reporter.writerDied(e);
        } finally {
            terminated = true;
            releaseFlushers();
            file.close();
        }
    }

    private void takeAndWrite() {
        if (pending.isEmpty()) {
            // Idle: block on the queue; the first entry of a burst wakes us.
            Job first;
            try {
                first = queue.poll(settings.maxWriteDelay().toNanos(), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                return; // only close() stops the writer; the loop checks it
            }
            if (first == null) {
                return;
            }
            batch.add(first);
            holdingSince = System.nanoTime();
        } else {
            // Holding records: pause rather than wait on the queue, so a producer's put never has to
            // wake this thread (a syscall on the request path); flush(), close() and a producer
            // facing a full queue unpark us early.
            LockSupport.parkNanos(waitNanos());
        }
        boolean quiet = !drainQueue();
        if (quiet || !flushers.isEmpty() || pending.length() >= WRITE_THRESHOLD_CHARS
                || System.nanoTime() - holdingSince >= settings.maxWriteDelay().toNanos()) {
            writeOut();
        }
        releaseFlushers();
    }

    /** Formats what the batch and the queue hold, up to the write threshold; true if anything came. */
    private boolean drainQueue() {
        boolean any = !batch.isEmpty();
        formatBatch();
        while (pending.length() < WRITE_THRESHOLD_CHARS && queue.drainTo(batch, MAX_BATCH) > 0) {
            any = true;
            formatBatch();
        }
        return any;
    }

    /** Until the next write is due: the quiet spell, or less if the longest delay ends sooner. */
    private long waitNanos() {
        long untilDeadline = holdingSince + settings.maxWriteDelay().toNanos() - System.nanoTime();
        return Math.max(0, Math.min(settings.idleWriteDelay().toNanos(), untilDeadline));
    }

    private void formatBatch() {
        for (Job job : batch) {
            switch (job) {
                case Job.Append append -> pending.add(append.entry());
                case Job.Flush flush -> flushers.add(flush.done());
            }
        }
        batch.clear();
    }

    private void releaseFlushers() {
        flushers.forEach(CountDownLatch::countDown);
        flushers.clear();
    }

    /** Appends what the buffer holds; on failure keeps it and enters (or stays in) the failing state. */
    private void writeOut() {
        if (pending.isEmpty()) {
            return;
        }
        try {
            // One stat per write (not per record): a deleted, rotated or replaced file is recreated
            // with a header instead of our records going on into an unlinked inode.
            if (!file.isHealthyAtPath()) {
                file = file.reopen(header);
            }
            file.append(pending.bytes());
            pending.clear();
            if (failing) {
                failing = false;
                long lostMeanwhile = lost.get();
                if (reporter.resumed(lostMeanwhile)) {
                    lost.addAndGet(-lostMeanwhile);
                }
            }
        } catch (IOException e) {
            failing = true;
            reporter.writeFailed(Reasons.of(e), pending.count() + (long) queue.size());
        }
    }

    /** Closing: take everything still queued, make one last attempt, say what could not be written. */
    private void finish() {
        drainAll();
        writeOut();
        terminated = true;
        // A producer that passed the closed check just before close() may have enqueued after our
        // drain; after `terminated` is visible it removes its own entry and throws, so drain once more.
        drainAll();
        writeOut();
        long unwritten = pending.count() + lost.get();
        if (unwritten > 0) {
            reporter.closedWithLoss(unwritten);
        }
    }

    private void drainAll() {
        while (queue.drainTo(batch, MAX_BATCH) > 0) {
            formatBatch();
        }
    }
}
