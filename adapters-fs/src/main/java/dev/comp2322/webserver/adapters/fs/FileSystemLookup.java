package dev.comp2322.webserver.adapters.fs;

import dev.comp2322.webserver.domain.model.ResourcePath;
import dev.comp2322.webserver.domain.port.out.ContentHandle;
import dev.comp2322.webserver.domain.port.out.FileLookup;
import dev.comp2322.webserver.domain.port.out.Resource;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFileAttributes;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * {@link FileLookup} over a real directory, the document root.
 *
 * <p>What it answers for a {@link ResourcePath}:
 * <ul>
 *   <li>a regular file the server can read, whose real path (after symbolic links) lies inside the
 *       root's real path: {@link Resource.File} with its size and last-modified time;
 *   <li>a directory inside the root: {@link Resource#DIRECTORY} (the domain then asks for its
 *       {@code index.html});
 *   <li>everything else — absent, a dot-file or anything below a dot-directory, outside the root,
 *       a FIFO, socket or device, unreadable, or an I/O error — {@link Resource#MISSING}.
 * </ul>
 *
 * <p>Two ways to stay true to the disk. {@link #FileSystemLookup(Path)} checks on every lookup (one
 * {@code lstat} per path segment; small files' bytes are reused while their attributes are
 * unchanged). {@link #watching(Path)} remembers what it found, small files' bytes included, and
 * forgets a path when a file-system notification names it, so a hot lookup makes no system call;
 * where notifications can't be had it checks every lookup instead. See the module's README for the
 * measured window between a change and the first lookup that sees it.
 *
 * <p>The root's real path is taken once, at construction. If the root is removed while running,
 * lookups answer {@link Resource#MISSING}; they work again when a directory is back at that real
 * path. Thread-safe: its mutable state is in concurrent caches.
 *
 * <p>Not defended against: someone with write access to the root swapping a directory for a link
 * between lookup and open (only the last component is opened with NOFOLLOW_LINKS), and hard links
 * (a hard link's real path is inside the root; making one needs write access there anyway).
 */
public final class FileSystemLookup implements FileLookup, AutoCloseable {

    private static final LinkOption[] NO_FOLLOW = {LinkOption.NOFOLLOW_LINKS};

    private final Path realRoot;
    /** POSIX attributes where the file system has them: their permission bits key the cache. */
    private final Class<? extends BasicFileAttributes> attributeType;
    private final SmallFileCache smallFiles = new SmallFileCache();
    private final LookupCache cache = new LookupCache();
    /** The shared channels of remembered large files ({@link RealFile}), bounded. */
    private final Semaphore openChannels = new Semaphore(CacheLimits.OPEN_FILES);
    private final Optional<DirectoryWatcher> watcher;

    /**
     * A lookup over {@code root} that checks the file system on every lookup.
     *
     * @throws IllegalArgumentException (one-line message) if {@code root} is not an existing directory
     */
    public FileSystemLookup(Path root) {
        this(root, false);
    }

    private FileSystemLookup(Path root, boolean watch) {
        this.realRoot = realDirectory(root);
        this.attributeType = realRoot.getFileSystem().supportedFileAttributeViews().contains("posix")
                ? PosixFileAttributes.class
                : BasicFileAttributes.class;
        this.watcher = watch ? DirectoryWatcher.start(realRoot, cache) : Optional.empty();
    }

    /**
     * A lookup over {@code root} that remembers what it finds until a file-system notification says it
     * changed; it falls back to checking every lookup when the platform gives no notifications. Close
     * it to stop watching.
     *
     * @throws IllegalArgumentException (one-line message) if {@code root} is not an existing directory
     */
    public static FileSystemLookup watching(Path root) {
        return new FileSystemLookup(root, true);
    }

    /** True when lookups are remembered and kept true by notifications (false: checked every time). */
    public boolean isWatching() {
        return watcher.isPresent();
    }

    /**
     * Waits, at most {@code timeout}, until the root has been walked and watched once (it happens on
     * the watcher's thread, so start-up does not wait for it); true when it has. For tests.
     */
    boolean awaitWatching(long timeout, TimeUnit unit) throws InterruptedException {
        return watcher.isPresent() && watcher.get().awaitWatching(timeout, unit);
    }

    /** How many paths are remembered now (for tests). */
    int rememberedPaths() {
        return cache.size();
    }

    /** Stops watching (a no-op for a lookup that checks every time). */
    @Override
    public void close() {
        watcher.ifPresent(DirectoryWatcher::close);
        cache.clear();
    }

    private static Path realDirectory(Path root) {
        Path absolute = root.toAbsolutePath().normalize();
        if (!Files.isDirectory(absolute)) {
            String what = Files.exists(absolute) ? "is not a directory" : "does not exist";
            throw new IllegalArgumentException("document root " + absolute + " " + what);
        }
        try {
            return absolute.toRealPath();
        } catch (IOException e) {
            // Only a race gets here (isDirectory just held): the reason, or at least the kind of failure.
            String reason = e instanceof FileSystemException f && f.getReason() != null
                    ? f.getReason() : e.getClass().getSimpleName();
            throw new IllegalArgumentException("document root " + absolute + " cannot be resolved: " + reason, e);
        }
    }

    /** The root's real path, as taken at construction. */
    public Path root() {
        return realRoot;
    }

    @Override
    public Resource lookup(ResourcePath path) {
        List<String> segments = path.segments();
        for (String segment : segments) {
            // Dot-files are never served (defence in depth: the domain refuses them too).
            if (segment.startsWith(".")) {
                return Resource.MISSING;
            }
        }
        if (watcher.isEmpty()) {
            return resolveOrMissing(segments).resource();
        }
        Resource remembered = cache.get(segments);
        if (remembered != null) {
            return remembered; // the hot path: no system call
        }
        long epoch = cache.epoch();
        Found found = resolveOrMissing(segments);
        if (isRememberable(segments, found)) {
            cache.put(segments, found.resource(), epoch);
        } else {
            LookupCache.retire(found.resource()); // not remembered: its file is opened per response
        }
        return found.resource();
    }

    /**
     * Only what was found without a symbolic link (a link's target can change where no watched
     * directory sees it), in a directory being watched, and not a miss (see {@link LookupCache}).
     */
    private boolean isRememberable(List<String> segments, Found found) {
        return !found.throughLink()
                && !(found.resource() instanceof Resource.Missing)
                && watcher.get().watches(segments.isEmpty() ? segments : segments.subList(0, segments.size() - 1));
    }

    /** What a resolution found, and whether a symbolic link was followed on the way. */
    private record Found(Resource resource, boolean throughLink) {
        static final Found MISSING = new Found(Resource.MISSING, false);
    }

    private Found resolveOrMissing(List<String> segments) {
        try {
            return resolve(segments);
        } catch (IOException | InvalidPathException e) {
            // Absent, not a directory on the way, permission denied, a name the platform can't
            // encode: all "nothing servable". A 404 costs an exception here; acceptable, since
            // the common case (a hit) throws none.
            return Found.MISSING;
        }
    }

    /**
     * Walks the segments with one {@code lstat} each (NOFOLLOW_LINKS). Trade-off: a per-segment
     * {@code lstat} costs about what {@code toRealPath} costs (glibc's realpath also visits every
     * component), but it yields the final attributes at the same time and allocates no new path;
     * and because no component is followed, the path is known to be real without resolving it.
     * Only when a component is a symbolic link do we pay for {@code toRealPath} plus a prefix
     * check, so links inside the root keep working and links out of it answer MISSING.
     */
    private Found resolve(List<String> segments) throws IOException {
        if (segments.isEmpty()) {
            return new Found(classify(realRoot, Files.readAttributes(realRoot, attributeType, NO_FOLLOW)), false);
        }
        // The root itself is not lstat'ed on every request: when it is gone or not a directory, the
        // first segment's lstat fails (ENOENT, ENOTDIR), which is MISSING too. Cost of saving that
        // call: a root swapped for a symbolic link by someone who can write its parent is followed.
        Path current = realRoot;
        for (int i = 0; ; i++) {
            current = current.resolve(segments.get(i));
            BasicFileAttributes attributes = Files.readAttributes(current, attributeType, NO_FOLLOW);
            if (attributes.isSymbolicLink()) {
                return new Found(resolveThroughLinks(realRoot.resolve(String.join("/", segments))), true);
            }
            if (i == segments.size() - 1) {
                return new Found(classify(current, attributes), false);
            }
            if (!attributes.isDirectory()) {
                return Found.MISSING;
            }
        }
    }

    /** The slow path: a symbolic link is involved, so the real path decides. */
    private Resource resolveThroughLinks(Path candidate) throws IOException {
        Path real = candidate.toRealPath();
        // Inside the root (component-wise prefix, so /srv/www2 is not inside /srv/www), and no
        // dot-name in the real path either: a link must not unhide what the request could not name.
        if (!real.startsWith(realRoot) || hasHiddenSegment(realRoot.relativize(real))) {
            return Resource.MISSING;
        }
        // NOFOLLOW_LINKS: `real` has no link in it; if one appeared since, refuse rather than follow.
        return classify(real, Files.readAttributes(real, attributeType, NO_FOLLOW));
    }

    private static boolean hasHiddenSegment(Path relative) {
        for (Path name : relative) {
            if (name.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }

    private Resource classify(Path realPath, BasicFileAttributes attributes) {
        if (attributes.isDirectory()) {
            return Resource.DIRECTORY;
        }
        if (!attributes.isRegularFile()) {
            return Resource.MISSING;
        }
        // A small file whose bytes we hold (or just read) needs no access(2): reading it proved it readable.
        Optional<CachedFile> cached = smallFileContent(realPath, attributes);
        if (cached.isPresent()) {
            return new Resource.File(attributes.size(), attributes.lastModifiedTime().toInstant(), cached.get());
        }
        // Regular files only: a FIFO would block the reader, a device could be endless. isReadable
        // is one access(2) call; it lets an unreadable file be a 404 instead of a failed open
        // after the domain already chose 200. (Root passes it for any file.)
        if (!Files.isReadable(realPath)) {
            return Resource.MISSING;
        }
        // Watching, the handle may be remembered and then shares one open channel between responses.
        RealFile handle = watcher.isPresent() ? RealFile.shared(realPath, openChannels) : RealFile.unshared(realPath);
        return new Resource.File(attributes.size(), attributes.lastModifiedTime().toInstant(), handle);
    }

    /**
     * A small file's bytes. Checking every lookup, they are reused while the attributes match; watching,
     * they are read afresh and kept by the lookup cache, since a notification may report an edit the
     * attributes don't show (same size, modification time put back).
     */
    private Optional<CachedFile> smallFileContent(Path realPath, BasicFileAttributes attributes) {
        if (watcher.isEmpty()) {
            return smallFiles.content(realPath, attributes);
        }
        return SmallFileCache.readWhole(realPath, attributes.size()).map(bytes -> new CachedFile(realPath, bytes));
    }

    /**
     * A read-only channel on a file this lookup found, for streaming; the caller closes it. For a
     * remembered large file it is the file's shared channel, lent (see {@link RealFile}).
     *
     * <p>The file may have changed since the lookup: if it is gone this throws (for example
     * {@link java.nio.file.NoSuchFileException}); if it shrank or grew, the caller must still send
     * exactly the length the response announced, or close the connection.
     *
     * @throws IllegalArgumentException if {@code handle} did not come from a {@code FileSystemLookup}
     *                                  over this root
     * @throws IOException              if the file can't be opened now
     */
    FileChannel open(ContentHandle handle) throws IOException {
        Path realPath = realPathOf(handle);
        if (handle instanceof RealFile file) {
            return file.open();
        }
        // NOFOLLOW_LINKS: the handle holds a real path, so a link in its place now is a swap; refuse it.
        return FileChannel.open(realPath, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS);
    }

    /**
     * The file's bytes when this lookup holds them in memory (small files), so the caller can send
     * them without opening the file; empty means: stream it from {@link #open(ContentHandle)}.
     *
     * @throws IllegalArgumentException if {@code handle} did not come from this lookup
     */
    Optional<ByteBuffer> inMemory(ContentHandle handle) {
        realPathOf(handle);
        return handle instanceof CachedFile cached ? Optional.of(cached.content()) : Optional.empty();
    }

    private Path realPathOf(ContentHandle handle) {
        Path realPath = switch (handle) {
            case RealFile file -> file.realPath();
            case CachedFile cached -> cached.realPath();
            default -> realRoot.getRoot(); // a foreign handle: refused just below
        };
        if (realPath.startsWith(realRoot) && !realPath.equals(realRoot)) {
            return realPath;
        }
        throw new IllegalArgumentException("not a content handle of the file system lookup over " + realRoot);
    }
}
