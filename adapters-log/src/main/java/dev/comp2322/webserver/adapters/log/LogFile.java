package dev.comp2322.webserver.adapters.log;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Objects;

/**
 * One opening of the log file, appended to and never truncated except to remove the torn tail of
 * our own failed append. Used by the writer thread only.
 *
 * <p>Why the torn tail matters: a write that fails part-way (disk full) can leave half a record —
 * perhaps an open quote — at the end of the file; the next record would then merge into it. So
 * before appending again, {@link #reopen} cuts the file back to where our last complete append
 * ended, but only when it is still the same file and grew by no more than the failed append.
 */
final class LogFile implements Closeable {

    private static final Object NO_PREVIOUS_FILE = new Object();
    private static final ByteBuffer LINE_END = ByteBuffer.wrap(new byte[] {'\r', '\n'}).asReadOnlyBuffer();

    private final Path path;
    private final FileChannel channel;
    private final Object fileKey;
    private long completeSize;
    private long failedAppendBytes;
    private boolean broken;

    private LogFile(Path path, FileChannel channel, Object fileKey, long completeSize) {
        this.path = path;
        this.channel = channel;
        this.fileKey = fileKey;
        this.completeSize = completeSize;
    }

    /** Opens {@code path} to append, creating it with {@code header} when it is new or empty. */
    static LogFile open(Path path, ByteBuffer header) throws IOException {
        return open(path, header, NO_PREVIOUS_FILE, 0, 0);
    }

    /** Opens the same path again after a failure or after the file was replaced or deleted. */
    LogFile reopen(ByteBuffer header) throws IOException {
        close();
        return open(path, header, fileKey, completeSize, failedAppendBytes);
    }

    private static LogFile open(Path path, ByteBuffer header, Object oldKey, long oldSize, long tornAtMost)
            throws IOException {
        FileChannel channel = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND);
        try {
            Object key = Files.readAttributes(path, BasicFileAttributes.class).fileKey();
            long size = channel.size();
            if (tornAtMost > 0 && key != null && key.equals(oldKey) && size > oldSize && size <= oldSize + tornAtMost) {
                channel.truncate(oldSize);
                size = oldSize;
            }
            LogFile file = new LogFile(path, channel, key, size);
            if (size == 0) {
                file.append(header.duplicate());
            } else if (!endsWithLineEnd(path, size)) {
                // Someone else's torn line (a crash, another writer): end it so ours starts clean.
                file.append(LINE_END.duplicate());
            }
            return file;
        } catch (IOException e) {
            channel.close();
            throw e;
        }
    }

    private static boolean endsWithLineEnd(Path path, long size) throws IOException {
        try (FileChannel reader = FileChannel.open(path, StandardOpenOption.READ)) {
            ByteBuffer last = ByteBuffer.allocate(1);
            reader.read(last, size - 1);
            return last.get(0) == '\n';
        }
    }

    /** Appends whole records; after a failure (or close) only {@link #reopen} makes it usable again. */
    void append(ByteBuffer records) throws IOException {
        if (broken) {
            throw new IOException("log file needs reopening"); // keeps the failed append's size for reopen
        }
        failedAppendBytes = records.remaining();
        broken = true;
        while (records.hasRemaining()) {
            channel.write(records);
        }
        completeSize = channel.size();
        failedAppendBytes = 0;
        broken = false;
    }

    /** True while this opening is usable and the path still names the file it opened. */
    boolean isHealthyAtPath() {
        if (broken || !channel.isOpen()) {
            return false;
        }
        try {
            Object key = Files.readAttributes(path, BasicFileAttributes.class).fileKey();
            return Objects.equals(key, fileKey);
        } catch (IOException e) {
            return false; // deleted or renamed away: reopen, which recreates it with a header
        }
    }

    Path path() {
        return path;
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException e) {
            // Closing a channel we only appended to loses nothing: every append was a completed write.
        }
    }
}
