package dev.comp2322.webserver.adapters.fs;

import dev.comp2322.webserver.domain.port.out.ContentHandle;
import dev.comp2322.webserver.domain.port.out.FileLookup;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Path;

/** The {@link FileLookup} contract, run against {@link FileSystemLookup}. */
class FileSystemLookupContractTest extends FileLookupContract {

    @Override
    protected FileLookup lookupOver(Path root) {
        return new FileSystemLookup(root);
    }

    @Override
    protected byte[] contentOf(FileLookup lookup, ContentHandle handle) throws IOException {
        try (FileChannel channel = ((FileSystemLookup) lookup).open(handle);
                InputStream in = Channels.newInputStream(channel)) {
            return in.readAllBytes();
        }
    }
}
