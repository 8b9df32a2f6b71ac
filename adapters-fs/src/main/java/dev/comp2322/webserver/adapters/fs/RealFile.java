package dev.comp2322.webserver.adapters.fs;

import dev.comp2322.webserver.domain.port.out.ContentHandle;
import java.nio.file.Path;
import java.util.Objects;

/**
 * The content handle {@link FileSystemLookup} hands to the domain: the real path (no symbolic
 * link in it) of a regular file that was inside the root when it was looked up.
 *
 * @param realPath the file's real path
 */
record RealFile(Path realPath) implements ContentHandle {

    RealFile {
        Objects.requireNonNull(realPath, "realPath");
    }
}
