package dev.comp2322.webserver.adapters.fs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.comp2322.webserver.domain.model.ResourcePath;
import dev.comp2322.webserver.domain.port.out.ContentHandle;
import dev.comp2322.webserver.domain.port.out.Resource;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What only a real file system has: symbolic links, permissions, special files, races. */
class FileSystemLookupTest {

    @TempDir
    Path base;

    Path root;
    Path outside;

    @BeforeEach
    void createRootAndAnOutsideDirectory() throws IOException {
        root = Files.createDirectory(base.resolve("root"));
        outside = Files.createDirectory(base.resolve("outside"));
        Files.writeString(outside.resolve("canary.txt"), "secret canary");
        Files.writeString(root.resolve("inside.txt"), "inside");
    }

    static ResourcePath path(String... segments) {
        return new ResourcePath(List.of(segments), false);
    }

    static String read(FileSystemLookup lookup, Resource resource) throws IOException {
        try (FileChannel channel = lookup.open(((Resource.File) resource).content())) {
            ByteBuffer buffer = ByteBuffer.allocate((int) channel.size());
            while (buffer.hasRemaining() && channel.read(buffer) >= 0) {
                // keep reading until full or end of file
            }
            return new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void aSymlinkInsideTheRootToAFileInsideIsServed() throws IOException {
        Files.createSymbolicLink(root.resolve("alias.txt"), root.resolve("inside.txt"));
        FileSystemLookup lookup = new FileSystemLookup(root);

        Resource found = lookup.lookup(path("alias.txt"));

        assertThat(read(lookup, found)).isEqualTo("inside");
    }

    @Test
    void aRelativeSymlinkToADirectoryInsideTheRootIsFollowed() throws IOException {
        Files.writeString(Files.createDirectory(root.resolve("real")).resolve("page.html"), "page");
        Files.createSymbolicLink(root.resolve("linked"), Path.of("real"));

        assertThat(new FileSystemLookup(root).lookup(path("linked", "page.html"))).isInstanceOf(Resource.File.class);
    }

    @Test
    void aSymlinkToAFileOutsideTheRootIsMissing() throws IOException {
        Files.createSymbolicLink(root.resolve("escape.txt"), outside.resolve("canary.txt"));

        assertThat(new FileSystemLookup(root).lookup(path("escape.txt"))).isEqualTo(Resource.MISSING);
    }

    @Test
    void aSymlinkedDirectoryLeavingTheRootIsMissingAndSoIsEverythingBelowIt() throws IOException {
        Files.createSymbolicLink(root.resolve("out"), Path.of("..", "outside"));
        FileSystemLookup lookup = new FileSystemLookup(root);

        assertThat(lookup.lookup(path("out"))).isEqualTo(Resource.MISSING);
        assertThat(lookup.lookup(path("out", "canary.txt"))).isEqualTo(Resource.MISSING);
    }

    @Test
    void aSymlinkToASiblingDirectoryWhoseNameStartsWithTheRootsNameIsMissing() throws IOException {
        Path sibling = Files.createDirectory(base.resolve("root-evil"));
        Files.writeString(sibling.resolve("canary.txt"), "secret canary");
        Files.createSymbolicLink(root.resolve("evil"), sibling);

        assertThat(new FileSystemLookup(root).lookup(path("evil", "canary.txt"))).isEqualTo(Resource.MISSING);
    }

    @Test
    void aSymlinkToAHiddenFileInsideTheRootIsMissing() throws IOException {
        Files.writeString(root.resolve(".secret"), "hidden");
        Files.createSymbolicLink(root.resolve("public.txt"), Path.of(".secret"));

        assertThat(new FileSystemLookup(root).lookup(path("public.txt"))).isEqualTo(Resource.MISSING);
    }

    @Test
    void aDanglingOrLoopingSymlinkIsMissing() throws IOException {
        Files.createSymbolicLink(root.resolve("dangling"), Path.of("no-such-target"));
        Files.createSymbolicLink(root.resolve("loop"), Path.of("loop"));
        FileSystemLookup lookup = new FileSystemLookup(root);

        assertThat(lookup.lookup(path("dangling"))).isEqualTo(Resource.MISSING);
        assertThat(lookup.lookup(path("loop"))).isEqualTo(Resource.MISSING);
    }

    @Test
    void aRootGivenThroughASymlinkServesTheDirectoryItPointsTo() throws IOException {
        Path link = Files.createSymbolicLink(base.resolve("www"), root);

        FileSystemLookup lookup = new FileSystemLookup(link);

        assertThat(lookup.root()).isEqualTo(root.toRealPath());
        assertThat(read(lookup, lookup.lookup(path("inside.txt")))).isEqualTo("inside");
    }

    @Test
    void anUnreadableFileIsMissing() throws IOException {
        Path locked = Files.writeString(root.resolve("locked.txt"), "locked");
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("---------"));
        // Root (uid 0) can read a mode-000 file anyway, so the case can't be shown as root.
        assumeFalse(Files.isReadable(locked), "running as a user who can read mode-000 files (root?)");

        assertThat(new FileSystemLookup(root).lookup(path("locked.txt"))).isEqualTo(Resource.MISSING);
    }

    @Test
    void aNamedPipeIsMissingRatherThanBlockingTheReader() throws Exception {
        Path fifo = root.resolve("pipe");
        Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
        assumeTrue(mkfifo.waitFor(10, TimeUnit.SECONDS) && mkfifo.exitValue() == 0, "mkfifo is not available");

        assertThat(new FileSystemLookup(root).lookup(path("pipe"))).isEqualTo(Resource.MISSING);
    }

    @Test
    void aFileDeletedBetweenLookupAndOpenMakesOpenThrow() throws IOException {
        FileSystemLookup lookup = new FileSystemLookup(root);
        Resource.File found = (Resource.File) lookup.lookup(path("inside.txt"));

        Files.delete(root.resolve("inside.txt"));

        assertThatThrownBy(() -> lookup.open(found.content())).isInstanceOf(NoSuchFileException.class);
    }

    @Test
    void aFileReplacedBySymlinkBetweenLookupAndOpenIsNotFollowed() throws IOException {
        FileSystemLookup lookup = new FileSystemLookup(root);
        Resource.File found = (Resource.File) lookup.lookup(path("inside.txt"));

        Files.delete(root.resolve("inside.txt"));
        Files.createSymbolicLink(root.resolve("inside.txt"), outside.resolve("canary.txt"));

        assertThatThrownBy(() -> lookup.open(found.content())).isInstanceOf(IOException.class);
    }

    @Test
    void aForeignHandleIsRefused() {
        ContentHandle foreign = new ContentHandle() {};

        assertThatThrownBy(() -> new FileSystemLookup(root).open(foreign))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a content handle");
    }

    @Test
    void aHandleFromALookupOverAnotherRootIsRefused() throws IOException {
        Resource.File found = (Resource.File) new FileSystemLookup(outside).lookup(path("canary.txt"));

        assertThatThrownBy(() -> new FileSystemLookup(root).open(found.content()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aRemovedRootAnswersMissingAndWorksAgainWhenItComesBack() throws IOException {
        FileSystemLookup lookup = new FileSystemLookup(root);
        Path parked = Files.move(root, base.resolve("parked"));

        assertThat(lookup.lookup(path("inside.txt"))).isEqualTo(Resource.MISSING);
        assertThat(lookup.lookup(ResourcePath.ROOT)).isEqualTo(Resource.MISSING);

        Files.move(parked, root);
        assertThat(lookup.lookup(path("inside.txt"))).isInstanceOf(Resource.File.class);
    }

    @Test
    void aMissingRootIsRefusedWithOneLine() {
        assertThatThrownBy(() -> new FileSystemLookup(base.resolve("nope")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("document root " + base.resolve("nope") + " does not exist");
    }

    @Test
    void aRegularFileAsRootIsRefusedWithOneLine() {
        Path file = root.resolve("inside.txt");

        assertThatThrownBy(() -> new FileSystemLookup(file))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("document root " + file + " is not a directory");
    }
}
