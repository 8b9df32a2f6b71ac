package dev.comp2322.webserver.adapters.log;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Objects;

/**
 * One opening of the log file, appended to in whole rows. A write failing part-way (disk full) would
 * leave half a row that the next merges into: so a failed append is cut off at once, and a file found
 * not ending in a line end (a crash, another writer) is ended before we append. Writer thread only.
 */
final class LogFile {

    private final Path path;
    private final FileChannel channel;
    private final Object fileKey;

    private LogFile(Path path, FileChannel channel) throws IOException {
        this.path = path;
        this.channel = channel;
        this.fileKey = Files.readAttributes(path, BasicFileAttributes.class).fileKey();
    }

    /** Opens {@code path} to append, creating it; a new or empty file gets {@code header}. */
    static LogFile open(Path path, ByteBuffer header) throws IOException {
        return open(path, header, FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND));
    }

    /** As {@link #open(Path, ByteBuffer)} over a channel open on {@code path}: tests make its writes fail. */
    static LogFile open(Path path, ByteBuffer header, FileChannel channel) throws IOException {
        try {
            LogFile file = new LogFile(path, channel);
            if (channel.size() == 0) {
                file.append(header);
            } else if (!endsWithLineEnd(path, channel.size())) {
                file.append(ByteBuffer.wrap(new byte[] {'\r', '\n'}));
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
            return reader.read(last, size - 1) == 1 && last.get(0) == '\n';
        }
    }

    /** Appends whole records, or fails having cut off whatever part of them was written. */
    void append(ByteBuffer records) throws IOException {
        long end = channel.size();
        try {
            while (records.hasRemaining()) {
                channel.write(records);
            }
        } catch (IOException e) {
            channel.truncate(end); // if this fails too, reopening ends the torn line instead
            throw e;
        }
    }

    /** True while the path names the file this opening appends to (not deleted, rotated or replaced). */
    boolean isCurrent() {
        try {
            return channel.isOpen() && Objects.equals(Files.readAttributes(path, BasicFileAttributes.class).fileKey(), fileKey);
        } catch (IOException e) {
            return false; // deleted or renamed away: reopen, which recreates it with a header
        }
    }

    void close() {
        try {
            channel.close();
        } catch (IOException e) {
            // Nothing is lost: every append was a completed write or was cut off.
        }
    }
}
