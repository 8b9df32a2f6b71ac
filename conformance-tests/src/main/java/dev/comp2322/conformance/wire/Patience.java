package dev.comp2322.conformance.wire;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;

/**
 * How long the kit waits, learnt from what the server has shown so far in this run (issue 9 §5). The
 * timeout is the wait until the server shows it needs less patience:
 * <ul>
 *   <li>after 2 requests got no byte at all within their wait, the wait for a first byte shrinks to
 *       20 times the server's median answer time (at least 1 s, at most the timeout): a server that
 *       answers in 3 ms and hangs on some requests does not need 5 s per hang;</li>
 *   <li>after a body without Content-Length or chunked stayed open once, a pause of timeout/10 (0.25 to
 *       1 s) ends such a body: the server has shown it never ends them;</li>
 *   <li>after the server kept 2 connections open for a whole close wait, later close waits are timeout/5
 *       (at least 1 s).</li>
 * </ul>
 * Every wait is also capped by the run's deadline; a case whose wait was cut by it is reported as
 * SKIPPED for the run's time budget, never as a server fault. Waits a case asks for explicitly
 * ({@code read(head, limit)}) are only capped, never shortened, and teach nothing. One instance per run
 * ({@link #forRun}), one view per case ({@link #forCase()}); thread-safe.
 */
public final class Patience {
    private static final long NONE = Long.MAX_VALUE;
    private static final Duration FLOOR = Duration.ofSeconds(1);

    /** One wait: how long, and why it is shorter than the timeout (empty if it is not). */
    public record Wait(Duration duration, String note) {
    }

    private final Duration timeout;
    private final Shared shared;
    private final AtomicBoolean cut = new AtomicBoolean();
    private final AtomicBoolean unansweredHere = new AtomicBoolean();

    private Patience(Duration timeout, Shared shared) {
        this.timeout = timeout;
        this.shared = shared;
    }

    /** Always the full timeout, no deadline (single exchanges, tests). */
    public static Patience fixed(Duration timeout) {
        return new Patience(timeout, new Shared(false, NONE));
    }

    /** A run's patience: adaptive, every wait ending by {@code deadlineNanos} (a {@link System#nanoTime()} value). */
    public static Patience forRun(Duration timeout, long deadlineNanos) {
        return new Patience(timeout, new Shared(true, deadlineNanos));
    }

    /** A view for one case: shares what the run learnt, remembers whether the deadline cut this case's waits. */
    public Patience forCase() {
        return new Patience(timeout, shared);
    }

    /** The configured timeout. */
    public Duration timeout() {
        return timeout;
    }

    /** The wait for the first byte of a response to a request just sent. */
    public Wait firstByte() {
        Shared s = shared;
        s.lock.lock();
        try {
            if (!s.adaptive || s.unanswered < 2) {
                return capped(timeout, "");
            }
            long median = s.medianNanos();
            Duration learnt = s.answered == 0 ? FLOOR : Duration.ofNanos(median).multipliedBy(20);
            Duration wait = clamp(learnt, min(FLOOR, timeout), timeout);
            if (wait.equals(timeout)) {
                return capped(timeout, "");
            }
            String why = "wait shortened from " + WireOutcome.seconds(timeout) + ": " + s.unanswered
                    + " earlier requests got no response at all"
                    + (s.answered == 0 ? "" : ", and the server's median answer took " + median / 1_000_000 + " ms");
            return capped(wait, why);
        } finally {
            s.lock.unlock();
        }
    }

    /** How long a body with no end marker may pause before the kit takes it as ended (at most {@code remaining}). */
    public Wait quietGap(Duration remaining) {
        Shared s = shared;
        s.lock.lock();
        try {
            if (!s.adaptive || s.unterminated == 0) {
                return capped(remaining, "");
            }
            Duration gap = min(remaining, clamp(timeout.dividedBy(10), Duration.ofMillis(250), FLOOR));
            return capped(gap, "a pause of " + gap.toMillis() + " ms ended it: the server left "
                    + s.unterminated + " earlier response(s) unterminated");
        } finally {
            s.lock.unlock();
        }
    }

    /** The wait for the server to close after a response, asked as {@code requested}. */
    public Wait closeWait(Duration requested) {
        Shared s = shared;
        s.lock.lock();
        try {
            if (!s.adaptive || s.stayedOpen < 2) {
                return capped(requested, "");
            }
            Duration wait = min(requested, clamp(timeout.dividedBy(5), FLOOR, timeout));
            return capped(wait, wait.equals(requested) ? "" : "wait shortened from " + WireOutcome.seconds(requested)
                    + ": the server kept " + s.stayedOpen + " earlier connections open for the whole wait");
        } finally {
            s.lock.unlock();
        }
    }

    /** An explicit wait, only capped by the run's deadline. */
    public Duration cap(Duration wanted) {
        return capped(wanted, "").duration();
    }

    /** A first byte arrived this long after the request. */
    public void answered(Duration latency) {
        update(s -> {
            s.latencies[s.answered % s.latencies.length] = latency.toNanos();
            s.answered++;
        });
    }

    /** A full (adaptive) wait passed without a single byte. */
    public void unanswered() {
        unansweredHere.set(true);
        update(s -> s.unanswered++);
    }

    /** True if one of this view's waits for a response passed without a single byte. */
    public boolean sawNoAnswer() {
        return unansweredHere.get();
    }

    /**
     * A body had no end marker and the server kept the connection open: it also kept a connection open
     * for a whole wait after sending, so it counts towards shorter close waits too.
     */
    public void unterminated() {
        update(s -> {
            s.unterminated++;
            s.stayedOpen++;
        });
    }

    /** The server kept a connection open for a whole close wait. */
    public void stayedOpen() {
        update(s -> s.stayedOpen++);
    }

    /** True if the run's deadline cut one of this view's waits. */
    public boolean cutByDeadline() {
        return cut.get();
    }

    /** True once the run's deadline has passed. */
    public boolean expired() {
        return shared.deadline != NONE && System.nanoTime() - shared.deadline >= 0;
    }

    /** What the run learnt, in words (empty if nothing shortened a wait). */
    public String summary() {
        Shared s = shared;
        s.lock.lock();
        try {
            StringBuilder out = new StringBuilder();
            if (s.unanswered >= 2) {
                out.append(s.unanswered).append(" requests got no response; ");
            }
            if (s.unterminated > 0) {
                out.append(s.unterminated).append(" responses had no end; ");
            }
            if (s.stayedOpen >= 2) {
                out.append(s.stayedOpen).append(" connections stayed open after the response; ");
            }
            return out.length() == 0 ? "" : "later waits were shortened: " + out.substring(0, out.length() - 2);
        } finally {
            s.lock.unlock();
        }
    }

    private Wait capped(Duration wanted, String note) {
        if (shared.deadline == NONE) {
            return new Wait(wanted, note);
        }
        long left = shared.deadline - System.nanoTime();
        if (left < wanted.toNanos()) {
            cut.set(true);
            return new Wait(Duration.ofNanos(Math.max(1_000_000, left)), "cut short by the run's time budget");
        }
        return new Wait(wanted, note);
    }

    private void update(java.util.function.Consumer<Shared> change) {
        if (!shared.adaptive) {
            return;
        }
        shared.lock.lock();
        try {
            change.accept(shared);
        } finally {
            shared.lock.unlock();
        }
    }

    private static Duration clamp(Duration d, Duration low, Duration high) {
        return d.compareTo(low) < 0 ? low : d.compareTo(high) > 0 ? high : d;
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    /** What the run has learnt; guarded by its lock. */
    private static final class Shared {
        final ReentrantLock lock = new ReentrantLock();
        final boolean adaptive;
        final long deadline;
        int answered;
        /** The most recent answer times (a ring): their median says how fast the server usually is. */
        final long[] latencies = new long[64];
        int unanswered;
        int unterminated;
        int stayedOpen;

        Shared(boolean adaptive, long deadline) {
            this.adaptive = adaptive;
            this.deadline = deadline;
        }

        long medianNanos() {
            long[] seen = java.util.Arrays.copyOf(latencies, Math.min(answered, latencies.length));
            java.util.Arrays.sort(seen);
            return seen.length == 0 ? 0 : seen[seen.length / 2];
        }
    }
}
