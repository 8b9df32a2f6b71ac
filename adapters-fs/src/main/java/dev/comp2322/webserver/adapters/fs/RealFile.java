package dev.comp2322.webserver.adapters.fs;

import dev.comp2322.webserver.domain.port.out.ContentHandle;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Objects;
import java.util.concurrent.Semaphore;

/**
 * The content handle {@link FileSystemLookup} hands to the domain for a file it streams: the real
 * path (no symbolic link in it) of a regular file that was inside the root when it was looked up.
 *
 * <p>While the lookup cache remembers it, the handle keeps one read-only channel open on the file
 * and lends it to every response that streams it (as nginx's {@code open_file_cache} does), so a
 * hot large file costs no {@code open} and {@code close} per request. Each response gets a
 * {@link LeasedFileChannel}; the shared channel is closed once the cache has forgotten the file
 * ({@link #retire}: a notification said it changed, or the cache started over) and the last lease
 * is closed, never while a response still streams from it.
 *
 * <p>Never a mixed body: a file replaced (renamed over) after the lookup is still read whole from
 * the file the lookup saw, whose size the response announced, until the notification makes the
 * next lookup find the new one. An edit in place is seen by the shared channel as by a new one.
 */
final class RealFile implements ContentHandle {

    private final Path realPath;
    /** Bounds the descriptors held by shared channels; a handle that finds none free opens per response. */
    private final Semaphore openChannels;
    private FileChannel shared;
    private int leases;
    private boolean retired;

    private RealFile(Path realPath, Semaphore openChannels, boolean retired) {
        this.realPath = Objects.requireNonNull(realPath, "realPath");
        this.openChannels = openChannels;
        this.retired = retired;
    }

    /** A handle whose channel is shared between responses until {@link #retire}, within {@code openChannels}. */
    static RealFile shared(Path realPath, Semaphore openChannels) {
        return new RealFile(realPath, openChannels, false);
    }

    /** A handle that opens the file afresh for every response (the cache will not remember it). */
    static RealFile unshared(Path realPath) {
        return new RealFile(realPath, new Semaphore(0), true);
    }

    Path realPath() {
        return realPath;
    }

    /**
     * A read-only channel on the file for one response; the caller closes it. The shared one, lent,
     * while this handle is remembered; else a channel of its own.
     *
     * @throws IOException if the file can't be opened now (for example it is gone)
     */
    synchronized FileChannel open() throws IOException {
        if (retired) {
            return openFile();
        }
        if (shared == null || !shared.isOpen()) { // not open yet, or closed under us (an interrupted read)
            if (shared == null && !openChannels.tryAcquire()) {
                return openFile(); // too many files held open already
            }
            try {
                shared = openFile();
            } catch (IOException gone) {
                shared = null;
                openChannels.release();
                throw gone;
            }
        }
        leases++;
        return new LeasedFileChannel(shared, this::returned);
    }

    /** The cache forgot this handle: its channel closes once no response streams from it. */
    synchronized void retire() {
        retired = true;
        closeIfUnused();
    }

    /** True while a shared channel is open (for tests). */
    synchronized boolean holdsOpenChannel() {
        return shared != null;
    }

    private synchronized void returned() {
        leases--;
        closeIfUnused();
    }

    private void closeIfUnused() {
        if (retired && leases == 0 && shared != null) {
            try {
                shared.close();
            } catch (IOException ignored) {
                // a read-only channel has nothing to flush; the descriptor is released either way
            }
            shared = null;
            openChannels.release();
        }
    }

    private FileChannel openFile() throws IOException {
        // NOFOLLOW_LINKS: the handle holds a real path, so a link in its place now is a swap; refuse it.
        return FileChannel.open(realPath, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS);
    }

    /** Equal when naming the same file: a handle's identity says nothing more to the domain. */
    @Override
    public boolean equals(Object other) {
        return other instanceof RealFile file && file.realPath.equals(realPath);
    }

    @Override
    public int hashCode() {
        return realPath.hashCode();
    }

    @Override
    public String toString() {
        return "RealFile[" + realPath + "]";
    }
}
