package dev.comp2322.webserver.adapters.log;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * A bounded queue drained by one writer thread, keeping blocking output (Log.csv, the console) off the
 * request path. Items reach the sink in order, one batch per burst: {@code window} after its first item.
 * A full queue blocks the producer ({@code WAIT}, unless the sink is failing) or never ({@code DROP}),
 * counting what it refuses. A sink that throws keeps its batch, retried every {@code retryInterval}
 * while nothing more is taken. {@link #close()} writes everything queued.
 *
 * @param <T> the item type
 */
public final class BatchingWriter<T> implements AutoCloseable {

    /** What a full queue does to the producer. */
    public enum WhenFull { WAIT, DROP }

    /** Queue size, how long a burst gathers, how often a failing sink is retried, what a full queue does. */
    public record Settings(int capacity, Duration window, Duration retryInterval, WhenFull whenFull) {}

    /** Where batches go. */
    public interface Sink<T> {
        /** Writes a non-empty batch; {@code dropped} items were refused since the last write. Throw to retry. */
        void write(List<T> batch, long dropped) throws IOException;
    }

    private final Settings settings;
    private final Sink<T> sink;
    private final BlockingQueue<T> queue;
    private final AtomicLong dropped = new AtomicLong();
    private final List<T> batch = new ArrayList<>();
    private final Thread thread;
    private volatile boolean idle; // waiting for work with nothing held: only then does a producer wake it
    private volatile boolean failing;
    private volatile boolean closing;
    private volatile boolean terminated;

    /** Starts the writer: a platform thread named {@code name} (blocking I/O would pin a virtual one's carrier). */
    public BatchingWriter(String name, Settings settings, Sink<T> sink) {
        this.settings = settings;
        this.sink = sink;
        this.queue = new ArrayBlockingQueue<>(settings.capacity());
        this.thread = Thread.ofPlatform().name(name).daemon(true).start(this::run);
    }

    /**
     * Queues one item, or counts it as dropped when the queue is full and may not be waited for.
     *
     * @throws IllegalStateException after {@link #close()}
     */
    public void submit(T item) {
        if (closing) {
            throw new IllegalStateException(thread.getName() + " is closed");
        }
        if (!queue.offer(item) && !waitForRoom(item)) {
            dropped.incrementAndGet();
        } else if (terminated && queue.remove(item)) { // raced with close(): the writer has taken its last item
            throw new IllegalStateException(thread.getName() + " is closed");
        } else if (idle) {
            LockSupport.unpark(thread);
        }
    }

    private boolean waitForRoom(T item) {
        LockSupport.unpark(thread); // it may be gathering a burst; the queue is full now
        try {
            while (settings.whenFull() == WhenFull.WAIT && !failing && !terminated) {
                if (queue.offer(item, 50, TimeUnit.MILLISECONDS)) {
                    return true;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // the producer is being stopped; keep its flag
        }
        return false;
    }

    /** Stops taking items, writes everything queued, ends the thread; idempotent. */
    @Override
    public void close() {
        closing = true;
        LockSupport.unpark(thread);
        boolean interrupted = false;
        while (thread.isAlive()) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                interrupted = true; // finish closing first: returning early would lose items
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** After {@link #close()}: how many items were never written, dropped ones included. */
    public long unwritten() {
        return batch.size() + dropped.get();
    }

    private void run() {
        while (!closing) {
            if (failing) {
                LockSupport.parkNanos(settings.retryInterval().toNanos()); // close() unparks
            } else if (batch.isEmpty()) {
                awaitBurst();
            }
            if (!failing) {
                queue.drainTo(batch);
            }
            write();
        }
        terminated = true; // before the last drain: a producer that queues after it takes its item back
        queue.drainTo(batch);
        write();
    }

    /**
     * Parks until an item is queued, then while the burst gathers for {@code window} (producers don't wake
     * us; a full queue or close() does). {@code idle} is set before the check: no wake-up is lost, and one
     * left over does not cut the window short.
     */
    private void awaitBurst() {
        idle = true;
        while (queue.isEmpty() && !closing) {
            LockSupport.park(this);
        }
        idle = false;
        long end = System.nanoTime() + settings.window().toNanos();
        for (long left = end - System.nanoTime(); left > 0 && !closing && queue.remainingCapacity() > 0;
                left = end - System.nanoTime()) {
            LockSupport.parkNanos(this, left);
        }
    }

    private void write() {
        long refused = dropped.get();
        if (batch.isEmpty()) {
            return;
        }
        try {
            sink.write(batch, refused);
            batch.clear();
            dropped.addAndGet(-refused);
            failing = false;
        } catch (IOException | RuntimeException e) {
            failing = true; // the sink reports; a bug in it must not end the writer and block producers
        }
    }
}
