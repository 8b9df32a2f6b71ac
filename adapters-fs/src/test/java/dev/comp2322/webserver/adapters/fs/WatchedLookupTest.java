package dev.comp2322.webserver.adapters.fs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.comp2322.webserver.domain.model.ResourcePath;
import dev.comp2322.webserver.domain.port.out.Resource;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A watching lookup remembers what it found and is told of every change: a hot path costs no system
 * call, and a change shows within the staleness window (polled for with a deadline, never slept on).
 */
class WatchedLookupTest {

    /** Generous: the window measured on a loaded two-core machine is well under a millisecond. */
    private static final Duration WINDOW_BOUND = Duration.ofSeconds(1);
    private static final Duration DEADLINE = Duration.ofSeconds(10);

    @TempDir
    Path base;

    Path root;
    FileSystemLookup lookup;

    @BeforeEach
    void createRootAndWatchIt() throws Exception {
        root = Files.createDirectory(base.resolve("root"));
        Files.writeString(root.resolve("page.html"), "first version");
        Files.writeString(Files.createDirectory(root.resolve("docs")).resolve("guide.txt"), "guide");
        lookup = Watching.lookupOver(root);
    }

    @AfterEach
    void stopWatching() {
        lookup.close();
    }

    static ResourcePath path(String... segments) {
        return new ResourcePath(List.of(segments), false);
    }

    /** Asks until the answer satisfies {@code wanted}; the time it took, or a failure at the deadline. */
    private Duration untilSeen(ResourcePath path, Predicate<Resource> wanted) {
        long start = System.nanoTime();
        long deadline = start + DEADLINE.toNanos();
        while (!wanted.test(lookup.lookup(path))) {
            assertThat(System.nanoTime()).as("change to %s seen before the deadline", path).isLessThan(deadline);
            LockSupport.parkNanos(20_000); // a poll interval, not a synchronisation
        }
        return Duration.ofNanos(System.nanoTime() - start);
    }

    private static Predicate<Resource> sized(long size) {
        return found -> found instanceof Resource.File file && file.size() == size;
    }

    private String served(ResourcePath path) {
        Resource.File file = (Resource.File) lookup.lookup(path);
        return StandardCharsets.UTF_8.decode(lookup.inMemory(file.content()).orElseThrow()).toString();
    }

    @Test
    void aHotFileIsAnsweredFromMemoryWithTheSameResultEachTime() {
        Resource first = lookup.lookup(path("page.html"));
        Resource second = lookup.lookup(path("page.html"));

        assertThat(second).isSameAs(first); // remembered, not looked up again
        assertThat(served(path("page.html"))).isEqualTo("first version");
    }

    @Test
    void anEditIsSeenWithinTheWindow() throws IOException {
        assertThat(served(path("page.html"))).isEqualTo("first version");

        Files.writeString(root.resolve("page.html"), "the second version");
        Duration window = untilSeen(path("page.html"), sized(18));

        assertThat(window).isLessThan(WINDOW_BOUND);
        assertThat(served(path("page.html"))).isEqualTo("the second version");
    }

    @Test
    void aSameSizeEditWithTheModificationTimeKeptIsSeenToo() throws IOException {
        var mtime = Files.getLastModifiedTime(root.resolve("page.html"));
        assertThat(served(path("page.html"))).isEqualTo("first version");

        Files.writeString(root.resolve("page.html"), "other version");
        Files.setLastModifiedTime(root.resolve("page.html"), mtime);

        untilSeen(path("page.html"), found -> served(path("page.html")).equals("other version"));
    }

    @Test
    void aFileReplacedByRenameIsSeen() throws IOException {
        assertThat(served(path("page.html"))).isEqualTo("first version");

        Path replacement = Files.writeString(root.resolve(".page.tmp"), "replaced");
        Files.move(replacement, root.resolve("page.html"), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);

        untilSeen(path("page.html"), sized(8));
    }

    @Test
    void aDeletedFileBecomesMissing() throws IOException {
        assertThat(lookup.lookup(path("page.html"))).isInstanceOf(Resource.File.class);

        Files.delete(root.resolve("page.html"));

        untilSeen(path("page.html"), Resource.MISSING::equals);
    }

    @Test
    void aFileInADirectoryCreatedLaterIsWatchedToo() throws IOException {
        Path later = Files.createDirectories(root.resolve("later/deeper"));
        Files.writeString(later.resolve("note.txt"), "one");
        untilSeen(path("later", "deeper", "note.txt"), sized(3));
        // Wait until it is remembered (the new directories are watched), then change it.
        untilSeen(path("later", "deeper", "note.txt"), found -> found == lookup.lookup(path("later", "deeper", "note.txt")));

        Files.writeString(later.resolve("note.txt"), "three");

        untilSeen(path("later", "deeper", "note.txt"), sized(5));
    }

    @Test
    void aRenamedDirectoryTakesEverythingBelowItAway() throws IOException {
        assertThat(lookup.lookup(path("docs", "guide.txt"))).isInstanceOf(Resource.File.class);
        assertThat(lookup.lookup(path("docs"))).isEqualTo(Resource.DIRECTORY);

        Files.move(root.resolve("docs"), root.resolve("manual"));

        untilSeen(path("docs", "guide.txt"), Resource.MISSING::equals);
        assertThat(lookup.lookup(path("manual", "guide.txt"))).isInstanceOf(Resource.File.class);
        untilSeen(path("docs"), Resource.MISSING::equals);
    }

    @Test
    void aDirectoryMovedInFromOutsideIsServedAndWatched() throws IOException {
        Path outside = Files.createDirectory(base.resolve("incoming"));
        Files.writeString(outside.resolve("new.txt"), "new");

        Files.move(outside, root.resolve("incoming"));
        untilSeen(path("incoming", "new.txt"), sized(3));
        Files.writeString(root.resolve("incoming/new.txt"), "newer");

        untilSeen(path("incoming", "new.txt"), sized(5));
    }

    @Test
    void aPathThroughASymbolicLinkIsNeverRemembered() throws IOException {
        Files.createSymbolicLink(root.resolve("alias.html"), Path.of("page.html"));
        int before = lookup.rememberedPaths();

        assertThat(lookup.lookup(path("alias.html"))).isInstanceOf(Resource.File.class);

        assertThat(lookup.rememberedPaths()).isEqualTo(before);
    }

    @Test
    void aMissIsNotRemembered() {
        int before = lookup.rememberedPaths();

        assertThat(lookup.lookup(path("no-such.html"))).isEqualTo(Resource.MISSING);

        assertThat(lookup.rememberedPaths()).isEqualTo(before);
    }

    @Test
    void aRemovedRootAnswersMissingAndWorksAgainWhenItComesBack() throws IOException {
        assertThat(lookup.lookup(path("page.html"))).isInstanceOf(Resource.File.class);

        Path parked = Files.move(root, base.resolve("parked"));
        untilSeen(path("page.html"), Resource.MISSING::equals);
        untilSeen(ResourcePath.ROOT, Resource.MISSING::equals);

        Files.move(parked, root);
        untilSeen(path("page.html"), Resource.File.class::isInstance);
        Files.writeString(root.resolve("page.html"), "watched again");
        untilSeen(path("page.html"), found -> served(path("page.html")).equals("watched again")); // same length
    }

    /**
     * The staleness window, measured: the time from a completed write to the first lookup that
     * reflects it, over many edits. The figure in adapters-fs/README.md comes from this test's output.
     */
    @Test
    void theStalenessWindowIsMeasuredAndBounded() throws IOException {
        List<Duration> windows = new ArrayList<>();
        for (int i = 1; i <= 200; i++) {
            lookup.lookup(path("page.html")); // remembered before the change
            String content = "x".repeat(i);
            Files.writeString(root.resolve("page.html"), content);
            windows.add(untilSeen(path("page.html"), sized(i)));
        }
        Collections.sort(windows);
        Duration median = windows.get(windows.size() / 2);
        Duration p99 = windows.get(windows.size() * 99 / 100);
        Duration max = windows.getLast();
        System.out.printf("staleness window over %d edits: median %d us, p99 %d us, max %d us%n",
                windows.size(), median.toNanos() / 1000, p99.toNanos() / 1000, max.toNanos() / 1000);

        assertThat(max).isLessThan(WINDOW_BOUND);
    }
}
