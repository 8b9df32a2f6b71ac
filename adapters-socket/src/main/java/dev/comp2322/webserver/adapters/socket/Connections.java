package dev.comp2322.webserver.adapters.socket;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;

/**
 * The open connections of one server: a slot per connection up to the limit, the stopping flag,
 * and the sweeps that close idle connections (on stop) and enforce read and write deadlines.
 */
final class Connections {

    private final Set<HttpConnection> open = ConcurrentHashMap.newKeySet();
    private final Semaphore slots;
    private volatile boolean stopping;

    Connections(int maxConnections) {
        this.slots = new Semaphore(maxConnections);
    }

    /** Waits for a free slot; at the limit the accept loop waits here and new peers queue in the kernel backlog. */
    void acquireSlot() throws InterruptedException {
        slots.acquire();
    }

    /** Gives back a slot that was acquired but never became a connection. */
    void releaseSlot() {
        slots.release();
    }

    void add(HttpConnection connection) {
        open.add(connection);
    }

    /** Forgets an ended connection and frees its slot; safe to call more than once. */
    void remove(HttpConnection connection) {
        if (open.remove(connection)) {
            slots.release();
        }
    }

    boolean stopping() {
        return stopping;
    }

    /** Sets the stopping flag, then closes every connection that is waiting for a next request. */
    void beginStopping() {
        stopping = true;
        closeIdle();
    }

    /** Closes every connection that is idle between requests; busy ones finish their response first. */
    void closeIdle() {
        for (HttpConnection connection : open) {
            connection.closeIfIdle();
        }
    }

    /**
     * Wakes every connection whose read deadline has passed and closes every connection whose
     * current write has been blocked for longer than {@code writeTimeoutNanos}.
     */
    void enforceDeadlines(long nowNanos, long writeTimeoutNanos) {
        for (HttpConnection connection : open) {
            connection.expireReadIfDue(nowNanos);
            connection.closeIfWriteStalled(nowNanos, writeTimeoutNanos);
        }
    }

    /** Closes every connection, busy or not. */
    void closeAll() {
        for (HttpConnection connection : open) {
            connection.close();
        }
    }

    /** How many connections are in the middle of an exchange now. */
    int busy() {
        int busy = 0;
        for (HttpConnection connection : open) {
            busy += connection.busy() ? 1 : 0;
        }
        return busy;
    }

    /** How many connections are open now. */
    int size() {
        return open.size();
    }
}
