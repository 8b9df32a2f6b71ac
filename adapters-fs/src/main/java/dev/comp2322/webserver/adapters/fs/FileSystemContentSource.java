package dev.comp2322.webserver.adapters.fs;

import dev.comp2322.webserver.domain.port.out.ContentHandle;
import dev.comp2322.webserver.domain.port.out.ContentSource;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.Optional;

/**
 * {@link ContentSource} for the handles a {@link FileSystemLookup} issued: a small file's bytes from
 * memory, a larger one as a {@link FileChannel} to stream (the caller closes it; for a remembered file
 * it is the file's one open channel, lent, so a hot file costs no open per response), or
 * {@link ContentSource.Gone} when the file vanished or became unreadable since the lookup.
 */
public final class FileSystemContentSource implements ContentSource<FileChannel> {

    private final FileSystemLookup files;

    /** Content for the handles {@code files} issues. */
    public FileSystemContentSource(FileSystemLookup files) {
        this.files = files;
    }

    /** @throws IllegalArgumentException if {@code handle} did not come from this source's lookup */
    @Override
    public Content<FileChannel> content(ContentHandle handle) {
        Optional<ByteBuffer> inMemory = files.inMemory(handle);
        if (inMemory.isPresent()) {
            return new InMemory<>(inMemory.get());
        }
        try {
            return new Streamed<>(files.open(handle));
        } catch (IOException gone) {
            return new Gone<>(); // deleted or made unreadable since the lookup: the domain may answer again
        }
    }
}
