package dev.comp2322.webserver.adapters.fs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.comp2322.webserver.domain.model.ResourcePath;
import dev.comp2322.webserver.domain.port.out.Resource;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A remembered large file lends one open channel to every response that streams it: never closed
 * while a response uses it, closed once the file is forgotten, and never serving a replaced file's
 * bytes once the replacement has been noticed.
 */
class SharedChannelTest {

    private static final int LARGE = CacheLimits.SMALL_FILE_BYTES + 1000; // streamed, not held in memory

    @TempDir
    Path root;

    FileSystemLookup lookup;

    @BeforeEach
    void watchARootWithALargeFile() throws Exception {
        Files.write(root.resolve("large.bin"), filled(LARGE, (byte) 'a'));
        lookup = Watching.lookupOver(root);
    }

    @AfterEach
    void stopWatching() {
        lookup.close();
    }

    private static byte[] filled(int size, byte value) {
        byte[] bytes = new byte[size];
        Arrays.fill(bytes, value);
        return bytes;
    }

    private RealFile handle() {
        Resource.File file = (Resource.File) lookup.lookup(new ResourcePath(List.of("large.bin"), false));
        return (RealFile) file.content();
    }

    private static byte[] readAll(FileChannel channel) throws IOException {
        ByteBuffer bytes = ByteBuffer.allocate((int) channel.size());
        while (bytes.hasRemaining() && channel.read(bytes) > 0) {
            // until full
        }
        return bytes.array();
    }

    @Test
    void twoResponsesShareOneOpenChannelEachWithItsOwnPosition() throws IOException {
        RealFile handle = handle();
        try (FileChannel first = lookup.open(handle); FileChannel second = lookup.open(handle)) {
            assertThat(handle.holdsOpenChannel()).isTrue();
            first.read(ByteBuffer.allocate(100));

            assertThat(second.position()).isZero();
            assertThat(readAll(second)).isEqualTo(filled(LARGE, (byte) 'a'));
        }
        assertThat(handle.holdsOpenChannel()).as("kept open while remembered").isTrue();
    }

    @Test
    void aRetiredChannelStaysUsableUntilItsLastLeaseIsClosed() throws IOException {
        RealFile handle = RealFile.shared(root.resolve("large.bin").toRealPath(), new Semaphore(1));
        FileChannel streaming = handle.open();

        handle.retire();

        assertThat(readAll(streaming)).as("a response in flight finishes").isEqualTo(filled(LARGE, (byte) 'a'));
        streaming.close();
        assertThat(handle.holdsOpenChannel()).as("closed after the last response").isFalse();
    }

    @Test
    void aFileReplacedByRenameIsStreamedFromTheNewFileOnceNoticed() throws IOException {
        RealFile before = handle();
        try (FileChannel channel = lookup.open(before)) {
            assertThat(readAll(channel)).isEqualTo(filled(LARGE, (byte) 'a'));
        }

        Path replacement = Files.write(root.resolve(".large.tmp"), filled(LARGE, (byte) 'b')); // same size
        Files.move(replacement, root.resolve("large.bin"), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);

        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (handle() == before) {
            assertThat(System.nanoTime()).as("replacement noticed before the deadline").isLessThan(deadline);
            LockSupport.parkNanos(20_000);
        }
        assertThat(before.holdsOpenChannel()).as("the old file's channel is closed").isFalse();
        try (FileChannel channel = lookup.open(handle())) {
            assertThat(readAll(channel)).isEqualTo(filled(LARGE, (byte) 'b'));
        }
    }

    @Test
    void withNoSharedChannelLeftAResponseOpensItsOwn() throws IOException {
        RealFile handle = RealFile.shared(root.resolve("large.bin").toRealPath(), new Semaphore(0));

        try (FileChannel channel = handle.open()) {
            assertThat(handle.holdsOpenChannel()).isFalse();
            assertThat(readAll(channel)).isEqualTo(filled(LARGE, (byte) 'a'));
        }
    }
}
