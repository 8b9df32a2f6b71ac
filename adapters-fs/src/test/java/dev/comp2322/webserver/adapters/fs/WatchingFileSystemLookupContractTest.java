package dev.comp2322.webserver.adapters.fs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.comp2322.webserver.domain.port.out.ContentHandle;
import dev.comp2322.webserver.domain.port.out.FileLookup;
import dev.comp2322.webserver.domain.port.out.Resource;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;

/**
 * The {@link FileLookup} contract, run against {@link FileSystemLookup#watching}: every path is
 * asked twice, so the second answer (the one checked) comes from the cache wherever it may.
 */
class WatchingFileSystemLookupContractTest extends FileLookupContract {

    private final List<FileSystemLookup> opened = new ArrayList<>();

    @Override
    protected FileLookup lookupOver(Path root) {
        FileSystemLookup lookup;
        try {
            lookup = Watching.lookupOver(root);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        opened.add(lookup);
        return path -> {
            Resource first = lookup.lookup(path);
            Resource second = lookup.lookup(path);
            assertThat(second).isEqualTo(first);
            return second;
        };
    }

    @Override
    protected byte[] contentOf(FileLookup lookup, ContentHandle handle) throws IOException {
        try (FileChannel channel = opened.getLast().open(handle);
                InputStream in = Channels.newInputStream(channel)) {
            return in.readAllBytes();
        }
    }

    @AfterEach
    void stopWatching() {
        opened.forEach(FileSystemLookup::close);
    }
}
