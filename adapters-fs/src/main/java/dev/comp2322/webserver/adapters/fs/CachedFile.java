package dev.comp2322.webserver.adapters.fs;

import dev.comp2322.webserver.domain.port.out.ContentHandle;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Objects;

/**
 * The content handle of a small file whose bytes {@link SmallFileCache} holds: its real path (so it
 * can still be opened like a {@link RealFile}) and the bytes read when the attributes last matched.
 */
final class CachedFile implements ContentHandle {

    private final Path realPath;
    private final ByteBuffer content;

    CachedFile(Path realPath, ByteBuffer content) {
        this.realPath = Objects.requireNonNull(realPath, "realPath");
        this.content = content.asReadOnlyBuffer();
    }

    Path realPath() {
        return realPath;
    }

    /** A fresh read-only view of the bytes, positioned at the start. */
    ByteBuffer content() {
        return content.duplicate();
    }
}
