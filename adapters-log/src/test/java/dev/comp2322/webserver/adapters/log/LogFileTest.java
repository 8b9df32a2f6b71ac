package dev.comp2322.webserver.adapters.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The file-level guarantees: header once, append only, and no torn row left by a failed append. */
class LogFileTest {

    private static final String HEADER = "h1,h2\r\n";

    @TempDir
    Path dir;

    static ByteBuffer bytes(String text) {
        return ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void anAppendThatFailsPartWayIsCutOffSoTheNextRowStartsClean() throws IOException {
        Path path = dir.resolve("Log.csv");
        FileChannel real = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND);
        DiskFillsUp channel = new DiskFillsUp(real);
        LogFile file = LogFile.open(path, bytes(HEADER), channel);
        file.append(bytes("a,1\r\n"));
        channel.failAfter = 8; // the next write stops inside an open quote, as a full disk would leave it

        assertThatThrownBy(() -> file.append(bytes("b,\"half a quoted\r\nvalue\"\r\n"))).isInstanceOf(IOException.class);
        channel.failAfter = Integer.MAX_VALUE;
        file.append(bytes("c,3\r\n"));
        file.close();

        assertThat(Files.readString(path)).isEqualTo("h1,h2\r\na,1\r\nc,3\r\n");
    }

    @Test
    void aFileNotEndingInALineEndIsEndedBeforeOurFirstRow() throws IOException {
        Path path = dir.resolve("Log.csv");
        Files.writeString(path, HEADER + "other,writer,row");

        LogFile file = LogFile.open(path, bytes(HEADER));
        file.append(bytes("c,3\r\n"));
        file.close();

        assertThat(Files.readString(path)).isEqualTo("h1,h2\r\nother,writer,row\r\nc,3\r\n");
    }

    @Test
    void aReplacedFileIsNotCurrent() throws IOException {
        Path path = dir.resolve("Log.csv");
        LogFile file = LogFile.open(path, bytes(HEADER));
        Files.move(path, dir.resolve("Log.csv.1"));
        Files.writeString(path, "");

        assertThat(file.isCurrent()).isFalse();
        file.close();
    }

    @Test
    void anOpenFileAtItsPathIsCurrent() throws IOException {
        LogFile file = LogFile.open(dir.resolve("Log.csv"), bytes(HEADER));

        assertThat(file.isCurrent()).isTrue();
        file.close();
    }

    /** A real file channel whose writes fail once {@code failAfter} more bytes were written. */
    private static final class DiskFillsUp extends FileChannel {
        private final FileChannel real;
        int failAfter = Integer.MAX_VALUE;

        DiskFillsUp(FileChannel real) {
            this.real = real;
        }

        @Override
        public int write(ByteBuffer src) throws IOException {
            if (failAfter <= 0) {
                throw new IOException("No space left on device");
            }
            ByteBuffer part = src.slice(src.position(), Math.min(src.remaining(), failAfter));
            int written = real.write(part);
            src.position(src.position() + written);
            failAfter -= written;
            return written;
        }

        @Override
        public int read(ByteBuffer dst) throws IOException {
            return real.read(dst);
        }

        @Override
        public long read(ByteBuffer[] dsts, int offset, int length) throws IOException {
            return real.read(dsts, offset, length);
        }

        @Override
        public long write(ByteBuffer[] srcs, int offset, int length) {
            throw new UnsupportedOperationException();
        }

        @Override
        public long position() throws IOException {
            return real.position();
        }

        @Override
        public FileChannel position(long newPosition) throws IOException {
            real.position(newPosition);
            return this;
        }

        @Override
        public long size() throws IOException {
            return real.size();
        }

        @Override
        public FileChannel truncate(long size) throws IOException {
            real.truncate(size);
            return this;
        }

        @Override
        public void force(boolean metaData) throws IOException {
            real.force(metaData);
        }

        @Override
        public long transferTo(long position, long count, WritableByteChannel target) {
            throw new UnsupportedOperationException();
        }

        @Override
        public long transferFrom(ReadableByteChannel src, long position, long count) {
            throw new UnsupportedOperationException();
        }

        @Override
        public int read(ByteBuffer dst, long position) throws IOException {
            return real.read(dst, position);
        }

        @Override
        public int write(ByteBuffer src, long position) {
            throw new UnsupportedOperationException();
        }

        @Override
        public MappedByteBuffer map(MapMode mode, long position, long size) {
            throw new UnsupportedOperationException();
        }

        @Override
        public FileLock lock(long position, long size, boolean shared) {
            throw new UnsupportedOperationException();
        }

        @Override
        public FileLock tryLock(long position, long size, boolean shared) {
            throw new UnsupportedOperationException();
        }

        @Override
        protected void implCloseChannel() throws IOException {
            real.close();
        }
    }
}
