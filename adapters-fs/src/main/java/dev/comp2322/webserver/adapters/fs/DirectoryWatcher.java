package dev.comp2322.webserver.adapters.fs;

import static java.nio.file.StandardWatchEventKinds.ENTRY_CREATE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_DELETE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_MODIFY;
import static java.nio.file.StandardWatchEventKinds.OVERFLOW;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Keeps a {@link LookupCache} true to the document root: watches the root and every directory below
 * it (dot-directories excepted: nothing below them is served) with the platform's {@link WatchService}
 * (inotify on Linux), and forgets a path as soon as a notification names it.
 *
 * <ul>
 *   <li>A new directory (created, or moved in) is watched, with everything below it, before the
 *       paths below it are forgotten; a removed one stops being watched.
 *   <li>A lost notification ({@code OVERFLOW}), or the root itself renamed, removed or replaced (seen
 *       through a watch on the root's parent, for entries created and deleted only): everything is
 *       forgotten and the tree watched afresh.
 *   <li>Only a path whose directory {@link #watches} may be remembered, and a directory is only
 *       published as watched after its parent is, so a change is never missed for a remembered path.
 * </ul>
 *
 * <p>One platform thread, started by {@link #start} and ended by {@link #close}; it does all the
 * registering, so start-up does not wait for the tree to be walked (until then nothing is remembered).
 */
final class DirectoryWatcher implements AutoCloseable {

    private static final WatchEvent.Kind<?>[] KINDS = {ENTRY_CREATE, ENTRY_DELETE, ENTRY_MODIFY};
    /**
     * The root's parent is watched only for the root appearing or going (renamed, removed, replaced):
     * its modify events would name every write to a sibling — the default {@code Log.csv} sits next to
     * {@code www} — and woke this thread thousands of times a second under load. The cost: a chmod of
     * the root directory itself goes unseen (its files' and subdirectories' changes are all seen).
     */
    private static final WatchEvent.Kind<?>[] ROOT_PARENT_KINDS = {ENTRY_CREATE, ENTRY_DELETE};
    private static final LinkOption[] NO_FOLLOW = {LinkOption.NOFOLLOW_LINKS};

    private final Path realRoot;
    private final LookupCache cache;
    private final WatchService service;
    private final Thread thread;
    private final CountDownLatch firstWalkDone = new CountDownLatch(1);
    /** The watched directories, by their segments below the root; read by lookups, written by the watcher. */
    private final Map<List<String>, WatchKey> watched = new ConcurrentHashMap<>();
    /** The same, the other way round; the watcher thread's own. */
    private final Map<WatchKey, List<String>> directoryOf = new HashMap<>();
    private WatchKey rootParentKey;

    private DirectoryWatcher(Path realRoot, LookupCache cache, WatchService service) {
        this.realRoot = realRoot;
        this.cache = cache;
        this.service = service;
        this.thread = new Thread(this::run, "fs-watch " + realRoot.getFileName());
        this.thread.setDaemon(true);
    }

    /**
     * Starts watching {@code realRoot} for {@code cache}; empty when the platform has no watch service
     * or it can't be had now (e.g. the inotify instance limit): the caller then checks every request.
     */
    static Optional<DirectoryWatcher> start(Path realRoot, LookupCache cache) {
        // The JDK's watch service polls (every 2-10 s) where the OS has no notifications it uses; that
        // would be a window of seconds, so only Linux's inotify-backed one is trusted.
        if (realRoot.getParent() == null || !System.getProperty("os.name", "").startsWith("Linux")) {
            return Optional.empty();
        }
        try {
            DirectoryWatcher watcher = new DirectoryWatcher(realRoot, cache, realRoot.getFileSystem().newWatchService());
            watcher.thread.start();
            return Optional.of(watcher);
        } catch (IOException | UnsupportedOperationException noWatchService) {
            return Optional.empty();
        }
    }

    /** True when changes in the directory at {@code directory} (segments below the root) are seen. */
    boolean watches(List<String> directory) {
        return watched.containsKey(directory);
    }

    /** Waits (bounded) until the tree has been walked once; for tests, which want the cache in use. */
    boolean awaitWatching(long timeout, TimeUnit unit) throws InterruptedException {
        return firstWalkDone.await(timeout, unit);
    }

    private void run() {
        try {
            rootParentKey = realRoot.getParent().register(service, ROOT_PARENT_KINDS);
            rewatchEverything();
            firstWalkDone.countDown();
            while (true) {
                WatchKey key = service.take();
                handle(key);
            }
        } catch (ClosedWatchServiceException | InterruptedException closed) {
            // close() was called: stop
        } catch (IOException parentNotWatchable) {
            // Without the parent, a renamed root would go unseen: remember nothing, check every request.
        } finally {
            firstWalkDone.countDown();
        }
    }

    private void handle(WatchKey key) {
        List<String> directory = directoryOf.get(key);
        for (WatchEvent<?> event : key.pollEvents()) {
            if (event.kind() == OVERFLOW) {
                rewatchEverything();
                return;
            }
            String name = event.context().toString();
            if (key == rootParentKey) {
                if (name.equals(realRoot.getFileName().toString())) {
                    rewatchEverything(); // the root itself was renamed, removed or replaced
                    return;
                }
            } else if (directory != null && !name.startsWith(".")) {
                changed(append(directory, name), event.kind());
            }
        }
        if (!key.reset() && directory != null) {
            unwatch(directory); // the directory is gone (its watch was dropped by the kernel)
            cache.invalidate(directory, true);
        }
    }

    private void changed(List<String> path, WatchEvent.Kind<?> kind) {
        boolean directory = watched.containsKey(path);
        if (kind == ENTRY_DELETE && directory) {
            unwatch(path);
        } else if (kind == ENTRY_CREATE && Files.isDirectory(realRoot.resolve(String.join("/", path)), NO_FOLLOW)) {
            watchTree(path);
            directory = true;
        }
        // After (un)watching: an entry remembered from here on is watched; one from before is forgotten now.
        // A directory's change (renamed, removed, chmod'ed) concerns everything below it too.
        cache.invalidate(path, directory);
    }

    private void rewatchEverything() {
        for (WatchKey key : directoryOf.keySet()) {
            key.cancel();
        }
        directoryOf.clear();
        watched.clear();
        cache.clear();
        if (Files.isDirectory(realRoot, NO_FOLLOW)) {
            watchTree(List.of());
        }
        cache.clear(); // anything remembered while the walk ran may predate a change it missed
    }

    /** Registers {@code top} and every directory below it, then publishes them all at once. */
    private void watchTree(List<String> top) {
        if (!top.isEmpty() && !watched.containsKey(top.subList(0, top.size() - 1))) {
            return; // its parent isn't watched, so neither may it be
        }
        Map<WatchKey, List<String>> found = new HashMap<>();
        Path start = realRoot.resolve(String.join("/", top));
        try {
            Files.walkFileTree(start, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
                    // Parents come before children, and a skipped parent's children are never visited.
                    List<String> segments = segmentsOf(dir);
                    if (!segments.isEmpty() && segments.getLast().startsWith(".")) {
                        return FileVisitResult.SKIP_SUBTREE;
                    }
                    try {
                        found.put(dir.register(service, KINDS), segments);
                        return FileVisitResult.CONTINUE;
                    } catch (IOException notWatchable) {
                        return FileVisitResult.SKIP_SUBTREE; // e.g. unreadable, or the watch limit: not remembered
                    }
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException gone) {
            // partly walked: what was registered is still watched
        }
        directoryOf.putAll(found);
        found.forEach((key, segments) -> watched.put(segments, key));
    }

    private void unwatch(List<String> top) {
        List<List<String>> below = new ArrayList<>();
        for (List<String> directory : watched.keySet()) {
            if (directory.size() >= top.size() && directory.subList(0, top.size()).equals(top)) {
                below.add(directory);
            }
        }
        for (List<String> directory : below) {
            WatchKey key = watched.remove(directory);
            if (key != null) {
                directoryOf.remove(key);
                key.cancel();
            }
        }
    }

    private List<String> segmentsOf(Path dir) {
        List<String> segments = new ArrayList<>();
        for (Path name : realRoot.relativize(dir)) {
            if (!name.toString().isEmpty()) {
                segments.add(name.toString());
            }
        }
        return List.copyOf(segments);
    }

    private static List<String> append(List<String> directory, String name) {
        List<String> path = new ArrayList<>(directory.size() + 1);
        path.addAll(directory);
        path.add(name);
        return List.copyOf(path);
    }

    /** Stops watching and ends the thread (bounded wait). */
    @Override
    public void close() {
        try {
            service.close();
        } catch (IOException ignored) {
            // closing releases the inotify descriptor; nothing else to do if that fails
        }
        thread.interrupt();
        try {
            thread.join(TimeUnit.SECONDS.toMillis(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
