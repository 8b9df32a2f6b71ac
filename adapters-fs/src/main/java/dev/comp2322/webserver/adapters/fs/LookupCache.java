package dev.comp2322.webserver.adapters.fs;

import dev.comp2322.webserver.domain.port.out.Resource;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What {@link FileSystemLookup} found at a path (a file with its size, modification time and, when
 * small, its bytes; or a directory), remembered until a file-system notification says that path
 * changed. A hit makes no system call at all.
 *
 * <p>Keyed by the path's segments below the root. Misses are not remembered: any number of
 * absent names can be asked for, and remembering them would let a client flush the hot entries.
 *
 * <p>Never keeps a result read before a change it has been told about: {@link #put} is given the
 * {@link #epoch()} taken before the file system was read, and undoes itself when an invalidation
 * came in meanwhile (put, then re-check, so no interleaving with {@link #invalidate} slips through).
 *
 * <p>Every file it forgets, or declines to keep, is retired ({@link #retire}), so a remembered large
 * file's shared channel closes when the file is no longer remembered.
 *
 * <p>Bounded by {@link CacheLimits#MAX_ENTRIES} and {@link CacheLimits#TOTAL_BYTES}: when either would
 * be exceeded it starts over (the byte count is approximate under concurrent puts; it is a bound,
 * not an invoice).
 */
final class LookupCache {

    private final Map<List<String>, Resource> entries = new ConcurrentHashMap<>();
    private final AtomicLong epoch = new AtomicLong();
    private final AtomicLong bytes = new AtomicLong();

    /** The remembered result for {@code segments}, or null when there is none (internal hot path). */
    Resource get(List<String> segments) {
        return entries.get(segments);
    }

    /** Take this before reading the file system; hand it to {@link #put}. */
    long epoch() {
        return epoch.get();
    }

    /** Remembers {@code found} for {@code segments}, unless something changed since {@code epochBefore}. */
    void put(List<String> segments, Resource found, long epochBefore) {
        if (epoch.get() != epochBefore) {
            retire(found);
            return;
        }
        if (entries.size() >= CacheLimits.MAX_ENTRIES || bytes.addAndGet(bytesOf(found)) > CacheLimits.TOTAL_BYTES) {
            clear();
            bytes.addAndGet(bytesOf(found));
        }
        Resource previous = entries.put(segments, found);
        if (previous != null) {
            bytes.addAndGet(-bytesOf(previous));
            retire(previous);
        }
        if (epoch.get() != epochBefore && entries.remove(segments, found)) {
            bytes.addAndGet(-bytesOf(found)); // an invalidation raced the read: don't keep what it read
            retire(found);
        }
    }

    /** Forgets {@code segments}, and with {@code subtree} everything below it too. */
    void invalidate(List<String> segments, boolean subtree) {
        epoch.incrementAndGet();
        forget(segments);
        if (subtree) {
            int depth = segments.size();
            for (List<String> key : entries.keySet()) {
                if (key.size() > depth && key.subList(0, depth).equals(segments)) {
                    forget(key);
                }
            }
        }
    }

    /** Forgets everything (an overflow of notifications, the root replaced, or full). */
    void clear() {
        epoch.incrementAndGet();
        for (List<String> key : entries.keySet()) {
            forget(key); // one by one, so every forgotten file's channel is retired exactly once
        }
        bytes.set(0);
    }

    private void forget(List<String> key) {
        Resource removed = entries.remove(key);
        if (removed != null) {
            bytes.addAndGet(-bytesOf(removed));
            retire(removed);
        }
    }

    /**
     * A large file's handle that is not (or no longer) remembered shares no channel: its open one
     * closes once the responses streaming from it are done (see {@link RealFile}).
     */
    static void retire(Resource resource) {
        if (resource instanceof Resource.File file && file.content() instanceof RealFile handle) {
            handle.retire();
        }
    }

    private static long bytesOf(Resource resource) {
        return resource instanceof Resource.File file && file.content() instanceof CachedFile ? file.size() : 0;
    }

    /** How many paths are remembered now (for tests). */
    int size() {
        return entries.size();
    }

    @Override
    public String toString() {
        return "LookupCache[" + entries.size() + " paths, " + bytes.get() + " bytes]";
    }
}
