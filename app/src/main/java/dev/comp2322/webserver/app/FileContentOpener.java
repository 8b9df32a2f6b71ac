package dev.comp2322.webserver.app;

import dev.comp2322.webserver.adapters.fs.FileSystemLookup;
import dev.comp2322.webserver.adapters.socket.ContentOpener;
import dev.comp2322.webserver.domain.port.out.ContentHandle;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.Optional;

/**
 * Plugs the file-system adapter into the wire's {@link ContentOpener}: the two adapters never
 * know each other, so the app passes the handles the lookup issued back to it.
 */
final class FileContentOpener implements ContentOpener {

    private final FileSystemLookup files;

    FileContentOpener(FileSystemLookup files) {
        this.files = files;
    }

    @Override
    public FileChannel open(ContentHandle handle) throws IOException {
        return files.open(handle);
    }

    @Override
    public Optional<ByteBuffer> inMemory(ContentHandle handle) {
        return files.inMemory(handle);
    }
}
