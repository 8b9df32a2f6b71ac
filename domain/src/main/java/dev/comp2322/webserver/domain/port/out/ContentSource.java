package dev.comp2322.webserver.domain.port.out;

import java.nio.ByteBuffer;
import java.util.Objects;

/**
 * Driven port: the bytes behind a {@link ContentHandle}, for the wire to send. The adapter that
 * issued the handle implements it; the wire calls it only for a body it is about to send, so a
 * HEAD or a 304 reads no content.
 *
 * @param <F> what the issuer hands out for streaming (for the file system: an open {@code FileChannel});
 *            the domain never looks inside it, so it stays free of I/O types
 */
public interface ContentSource<F> {

    /** The content now: in memory, a file to stream, or gone since the lookup. */
    Content<F> content(ContentHandle handle);

    /** What {@link #content} found. The wire matches on it exhaustively. */
    sealed interface Content<F> {}

    /** Small content held in memory; a read-only view positioned at its start. */
    record InMemory<F>(ByteBuffer bytes) implements Content<F> {
        public InMemory {
            Objects.requireNonNull(bytes, "bytes");
        }
    }

    /** Content to stream from {@code source}, which the caller closes after the response. */
    record Streamed<F>(F source) implements Content<F> {
        public Streamed {
            Objects.requireNonNull(source, "source");
        }
    }

    /** The content went away (deleted or unreadable) after the lookup: nothing can be sent. */
    record Gone<F>() implements Content<F> {}
}
