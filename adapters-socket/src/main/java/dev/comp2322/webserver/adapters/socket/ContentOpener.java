package dev.comp2322.webserver.adapters.socket;

import dev.comp2322.webserver.domain.port.out.ContentHandle;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.Optional;

/**
 * Opens the content a {@link dev.comp2322.webserver.domain.model.Body.FileContent} refers to, for
 * streaming. The adapter that issued the handle (e.g. the file-system lookup) implements it; the
 * wire closes the channel after each response. A lambda is enough for one that never caches.
 */
@FunctionalInterface
public interface ContentOpener {

    /** Opens the handle's content for reading; throws when it has gone (e.g. NoSuchFileException). */
    FileChannel open(ContentHandle handle) throws IOException;

    /**
     * The content already in memory, when the issuer keeps small files cached: the wire then sends
     * these bytes (exactly the announced length of them) without opening anything. Empty, the
     * default, means: stream it from {@link #open(ContentHandle)}.
     */
    default Optional<ByteBuffer> inMemory(ContentHandle handle) {
        return Optional.empty();
    }
}
