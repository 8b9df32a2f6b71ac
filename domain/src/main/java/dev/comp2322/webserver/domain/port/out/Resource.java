package dev.comp2322.webserver.domain.port.out;

import java.time.Instant;
import java.util.Objects;

/** What a {@link FileLookup} finds at a path. */
public sealed interface Resource {

    /** A regular, readable file. */
    record File(long size, Instant lastModified, ContentHandle content) implements Resource {
        public File {
            Objects.requireNonNull(lastModified, "lastModified");
            Objects.requireNonNull(content, "content");
            if (size < 0) {
                throw new IllegalArgumentException("negative size");
            }
        }
    }

    /** A directory: the domain decides whether its {@code index.html} is served. */
    record Directory() implements Resource {}

    /** Nothing servable: absent, hidden, outside the root, not a regular file, or unreadable. */
    record Missing() implements Resource {}

    Resource MISSING = new Missing();
    Resource DIRECTORY = new Directory();
}
