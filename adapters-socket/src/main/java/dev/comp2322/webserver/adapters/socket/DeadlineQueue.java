package dev.comp2322.webserver.adapters.socket;

/**
 * The connections waiting under one kind of timeout (idle, head, write, linger), oldest first. Every
 * entry of a queue has the same timeout, so appending at {@code now + timeout} keeps it sorted by
 * deadline: arming, re-arming and disarming are O(1) pointer moves with no allocation, and the loop
 * finds every passed deadline by looking at the heads of its few queues once per turn.
 * Owned by one event loop; not thread-safe.
 */
final class DeadlineQueue {

    /** A member of at most one queue at a time: a connection's link fields. */
    abstract static class Entry {
        private DeadlineQueue queue;
        private Entry previous;
        private Entry next;
        private long deadline;

        /** Called by the loop when this entry's deadline passed; it has already left its queue. */
        abstract void expired(DeadlineQueue queue);

        /** Leaves whichever queue this entry is in, if any. */
        final void disarm() {
            if (queue != null) {
                queue.remove(this);
            }
        }

        /** The queue this entry waits in, or null. */
        final DeadlineQueue queue() {
            return queue;
        }
    }

    private final long timeoutNanos;
    private Entry first;
    private Entry last;

    DeadlineQueue(long timeoutNanos) {
        this.timeoutNanos = timeoutNanos;
    }

    /** Moves {@code entry} (from any queue) to the end of this one, due {@code timeout} after {@code now}. */
    void arm(Entry entry, long now) {
        entry.disarm();
        entry.queue = this;
        entry.deadline = now + timeoutNanos;
        entry.previous = last;
        entry.next = null;
        if (last == null) {
            first = entry;
        } else {
            last.next = entry;
        }
        last = entry;
    }

    private void remove(Entry entry) {
        if (entry.previous == null) {
            first = entry.next;
        } else {
            entry.previous.next = entry.next;
        }
        if (entry.next == null) {
            last = entry.previous;
        } else {
            entry.next.previous = entry.previous;
        }
        entry.queue = null;
        entry.previous = null;
        entry.next = null;
    }

    /** Expires every entry whose deadline is at or before {@code now}. */
    void expire(long now) {
        while (first != null && now - first.deadline >= 0) {
            Entry due = first;
            remove(due);
            due.expired(this);
        }
    }

    /** Nanoseconds from {@code now} to the earliest deadline, or {@code Long.MAX_VALUE} when empty. */
    long nanosUntilFirst(long now) {
        return first == null ? Long.MAX_VALUE : Math.max(0, first.deadline - now);
    }
}
