package dev.comp2322.webserver.domain.model;

import dev.comp2322.webserver.domain.port.out.ContentHandle;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/** What follows the head of a response; the writer matches on it exhaustively. */
public sealed interface Body {

    /** The number of content bytes that go on the wire. */
    long length();

    /** No content: HEAD, 304, or a response whose content is empty. */
    record Empty() implements Body {
        public static final Empty INSTANCE = new Empty();

        @Override
        public long length() {
            return 0;
        }
    }

    /**
     * The bytes of a file, streamed by the wire adapter. {@code length} is what Content-Length
     * promised; the adapter sends exactly that many bytes or closes the connection.
     */
    record FileContent(ContentHandle handle, long length) implements Body {
        public FileContent {
            Objects.requireNonNull(handle, "handle");
            if (length < 0) {
                throw new IllegalArgumentException("negative length");
            }
        }
    }

    /**
     * A small generated document (an error page), sent as its UTF-8 encoding. A class rather than a
     * record so the bytes are encoded once, here, and not for every length or write.
     */
    final class Text implements Body {
        private final String text;
        private final byte[] utf8;

        public Text(String text) {
            this.text = Objects.requireNonNull(text, "text");
            this.utf8 = text.getBytes(StandardCharsets.UTF_8);
        }

        /** The document as text. */
        public String text() {
            return text;
        }

        /** A copy of the UTF-8 bytes: the encoding is done once, the copy keeps this value immutable. */
        public byte[] utf8() {
            return utf8.clone();
        }

        @Override
        public long length() {
            return utf8.length;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Text that && text.equals(that.text);
        }

        @Override
        public int hashCode() {
            return text.hashCode();
        }

        @Override
        public String toString() {
            return "Text[" + text.length() + " chars]";
        }
    }
}
