package dev.comp2322.webserver.adapters.fs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.comp2322.webserver.domain.model.ResourcePath;
import dev.comp2322.webserver.domain.port.out.ContentHandle;
import dev.comp2322.webserver.domain.port.out.FileLookup;
import dev.comp2322.webserver.domain.port.out.Resource;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The {@link FileLookup} port's contract, run against every implementation that serves a real
 * directory. A subclass supplies the implementation and a way to read a handle's content.
 *
 * <p>Fixture: {@code base/root} is the document root; {@code base/canary.txt} lies beside it and
 * must never be reachable.
 */
abstract class FileLookupContract {

    @TempDir
    Path base;

    Path root;
    Path canary;

    /** The implementation under test, serving {@code root}. */
    protected abstract FileLookup lookupOver(Path root);

    /** Reads all the content behind a handle the implementation returned. */
    protected abstract byte[] contentOf(FileLookup lookup, ContentHandle handle) throws IOException;

    @BeforeEach
    void createRootWithCanaryBesideIt() throws IOException {
        root = Files.createDirectory(base.resolve("root"));
        canary = Files.writeString(base.resolve("canary.txt"), "secret canary");
    }

    static ResourcePath path(String... segments) {
        return new ResourcePath(List.of(segments), false);
    }

    Path write(String relative, String content) throws IOException {
        Path file = root.resolve(relative);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, content);
    }

    @Test
    void aRegularFileIsFoundWithItsSizeAndLastModifiedTime() throws IOException {
        Path file = write("hello.txt", "hello, world");
        Instant mtime = Instant.parse("2024-02-29T12:34:56.789Z");
        Files.setLastModifiedTime(file, FileTime.from(mtime));

        Resource found = lookupOver(root).lookup(path("hello.txt"));

        assertThat(found).isInstanceOfSatisfying(Resource.File.class, f -> {
            assertThat(f.size()).isEqualTo(12);
            assertThat(f.lastModified()).isEqualTo(mtime);
        });
    }

    @Test
    void aFoundFilesHandleGivesItsContent() throws IOException {
        write("sub/data.bin", "0123456789");
        FileLookup lookup = lookupOver(root);

        Resource.File file = (Resource.File) lookup.lookup(path("sub", "data.bin"));

        assertThat(contentOf(lookup, file.content())).isEqualTo("0123456789".getBytes(StandardCharsets.US_ASCII));
    }

    @Test
    void anEmptyFileIsFoundWithSizeZero() throws IOException {
        write("empty.txt", "");

        assertThat(lookupOver(root).lookup(path("empty.txt")))
                .isInstanceOfSatisfying(Resource.File.class, f -> assertThat(f.size()).isZero());
    }

    @Test
    void theRootIsADirectory() {
        assertThat(lookupOver(root).lookup(ResourcePath.ROOT)).isEqualTo(Resource.DIRECTORY);
    }

    @Test
    void aSubDirectoryIsADirectoryWithOrWithoutTrailingSlash() throws IOException {
        Files.createDirectory(root.resolve("docs"));
        FileLookup lookup = lookupOver(root);

        assertThat(lookup.lookup(path("docs"))).isEqualTo(Resource.DIRECTORY);
        assertThat(lookup.lookup(new ResourcePath(List.of("docs"), true))).isEqualTo(Resource.DIRECTORY);
    }

    @Test
    void aDirectorysIndexHtmlIsFoundWhenTheDomainAsksForIt() throws IOException {
        write("docs/index.html", "<h1>docs</h1>");

        Resource index = lookupOver(root).lookup(new ResourcePath(List.of("docs"), true).resolve("index.html"));

        assertThat(index).isInstanceOfSatisfying(Resource.File.class, f -> assertThat(f.size()).isEqualTo(13));
    }

    @Test
    void aDirectoryWithoutIndexHtmlHasNoIndex() throws IOException {
        Files.createDirectory(root.resolve("bare"));

        assertThat(lookupOver(root).lookup(path("bare", "index.html"))).isEqualTo(Resource.MISSING);
    }

    @Test
    void anAbsentFileIsMissing() {
        assertThat(lookupOver(root).lookup(path("nothing-here.txt"))).isEqualTo(Resource.MISSING);
    }

    @Test
    void aPathThroughARegularFileIsMissing() throws IOException {
        write("file.txt", "x");

        assertThat(lookupOver(root).lookup(path("file.txt", "more"))).isEqualTo(Resource.MISSING);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {".hidden", ".htaccess", ".git/config", "sub/.env", ".well-hidden/visible.txt"})
    @DisplayName("dot-files, and anything below a dot-directory, are missing")
    void dotFilesAreMissing(String relative) throws IOException {
        write(relative, "private");

        assertThat(lookupOver(root).lookup(path(relative.split("/")))).isEqualTo(Resource.MISSING);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"café menu.txt", "数据.txt", "with space.txt", "emoji 😀.txt", "a+b=c&d;e.txt",
            "percent%2e%2e.txt", "trailing-dot.", "UPPER.TXT"})
    @DisplayName("unusual but legal names are found exactly")
    void unusualNamesAreFound(String name) throws IOException {
        write(name, name);

        assertThat(lookupOver(root).lookup(path(name))).isInstanceOfSatisfying(Resource.File.class,
                f -> assertThat(f.size()).isEqualTo(name.getBytes(StandardCharsets.UTF_8).length));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"...", "..%2f..%2fcanary.txt", "%2e%2e|canary.txt", "..;|canary.txt", "...|canary.txt",
            "~|..|canary.txt", "C:|canary.txt", "%252e%252e|canary.txt", "..\u2215canary.txt", "\uff0e\uff0e|canary.txt"})
    @DisplayName("traversal-shaped segments never reach the canary beside the root")
    void traversalShapedSegmentsNeverEscape(String joinedByBar) {
        String[] segments = joinedByBar.split("\\|");

        Resource found = lookupOver(root).lookup(safePathOrRoot(segments));

        assertThat(found).isNotInstanceOf(Resource.File.class);
    }

    /** Segments the domain itself refuses can't even be asked for; use the root for those. */
    private static ResourcePath safePathOrRoot(String... segments) {
        for (String segment : segments) {
            if (!ResourcePath.isSafeSegment(segment)) {
                return ResourcePath.ROOT;
            }
        }
        return path(segments);
    }

    @Test
    void theDomainCannotEvenExpressADotDotSegment() {
        assertThatThrownBy(() -> path("..", "canary.txt")).isInstanceOf(IllegalArgumentException.class);
    }
}
