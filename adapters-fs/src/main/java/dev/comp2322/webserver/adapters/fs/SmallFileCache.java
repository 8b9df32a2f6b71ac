package dev.comp2322.webserver.adapters.fs;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The bytes of small files, so a hit costs one {@code lstat} instead of {@code access}, {@code open},
 * {@code pread} and {@code close} (the profile of a 1 KiB keep-alive request showed those four at a
 * quarter of its CPU).
 *
 * <p>Never stale by design: the caller has just read the file's attributes, and an entry is used
 * only while size, modification time, file key (device and inode) and permission bits are all
 * unchanged — so an edit, a replacement (rename over it) or a {@code chmod} is seen at once, as
 * without the cache. Not seen: a change of owner alone (chown), which leaves all four unchanged.
 *
 * <p>Bounded: files up to {@link CacheLimits#SMALL_FILE_BYTES} each, {@link CacheLimits#TOTAL_BYTES} in
 * all; when full, it is emptied and fills again with what is asked for next (simple, and no worse
 * than no cache).
 */
final class SmallFileCache {

    private final Map<Path, Entry> entries = new ConcurrentHashMap<>();
    private final AtomicLong totalBytes = new AtomicLong();

    /** The bytes attributes were taken for; {@code key} says when they still belong to the file. */
    private record Entry(Key key, ByteBuffer content) {}

    private record Key(long size, FileTime lastModified, Object fileKey, Set<PosixFilePermission> permissions) {

        static Key of(BasicFileAttributes attributes) {
            Set<PosixFilePermission> permissions =
                    attributes instanceof PosixFileAttributes posix ? posix.permissions() : Set.of();
            return new Key(attributes.size(), attributes.lastModifiedTime(), attributes.fileKey(), permissions);
        }
    }

    /**
     * The content of the regular file at {@code realPath} whose attributes were just read, from the
     * cache or read now; empty when the file is too large or could not be read whole.
     */
    Optional<CachedFile> content(Path realPath, BasicFileAttributes attributes) {
        if (attributes.size() > CacheLimits.SMALL_FILE_BYTES) {
            return Optional.empty();
        }
        Key key = Key.of(attributes);
        Entry entry = entries.get(realPath);
        if (entry == null || !entry.key().equals(key)) {
            Optional<ByteBuffer> bytes = readWhole(realPath, attributes.size());
            if (bytes.isEmpty()) {
                return Optional.empty();
            }
            entry = new Entry(key, bytes.get());
            store(realPath, entry);
        }
        return Optional.of(new CachedFile(realPath, entry.content()));
    }

    /**
     * Reads the small file at {@code realPath}, expected to hold {@code size} bytes, into a read-only
     * buffer; empty when it is larger than {@link CacheLimits#SMALL_FILE_BYTES}, can't be read, or
     * its size changed while it was read (a mix of two versions is never kept).
     */
    static Optional<ByteBuffer> readWhole(Path realPath, long size) {
        if (size > CacheLimits.SMALL_FILE_BYTES) {
            return Optional.empty();
        }
        ByteBuffer bytes = ByteBuffer.allocate((int) size + 1); // one spare byte tells whether it grew meanwhile
        try (FileChannel channel = FileChannel.open(realPath, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)) {
            while (bytes.hasRemaining() && channel.read(bytes) > 0) {
                // keep reading until full or end of file
            }
        } catch (IOException unreadable) {
            return Optional.empty(); // unreadable or gone: the caller decides without the bytes
        }
        if (bytes.position() != size) {
            return Optional.empty();
        }
        bytes.flip();
        return Optional.of(bytes.asReadOnlyBuffer());
    }

    private void store(Path realPath, Entry entry) {
        long size = entry.content().remaining();
        if (totalBytes.addAndGet(size) > CacheLimits.TOTAL_BYTES) {
            entries.clear();
            totalBytes.set(size);
        }
        Entry previous = entries.put(realPath, entry);
        if (previous != null) {
            totalBytes.addAndGet(-previous.content().remaining());
        }
    }

    /** How many files are held now (for tests). */
    int size() {
        return entries.size();
    }

    @Override
    public String toString() {
        return "SmallFileCache[" + entries.size() + " files, " + totalBytes.get() + " bytes]";
    }
}
