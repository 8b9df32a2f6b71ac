package dev.comp2322.webserver.adapters.fs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** The tests' way to get a watching lookup: skipped where the platform sends no notifications, ready when returned. */
final class Watching {

    private Watching() {}

    /** A lookup watching {@code root}, its watch registered (within 10 s); the caller closes it. */
    static FileSystemLookup lookupOver(Path root) throws InterruptedException {
        FileSystemLookup lookup = FileSystemLookup.watching(root);
        try {
            assumeTrue(lookup.isWatching(), "no file-system notifications on this platform");
            assertThat(lookup.awaitWatching(10, TimeUnit.SECONDS)).as("watching within 10 s").isTrue();
        } catch (RuntimeException | Error | InterruptedException e) {
            lookup.close(); // skipped or failed: nothing left watching
            throw e;
        }
        return lookup;
    }
}
