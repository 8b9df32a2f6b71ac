package dev.comp2322.webserver.adapters.socket;

import dev.comp2322.webserver.domain.model.Body;
import dev.comp2322.webserver.domain.model.HeaderField;
import dev.comp2322.webserver.domain.model.Response;
import dev.comp2322.webserver.domain.model.Status;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/**
 * Puts a response on the wire exactly as the domain decided it. The head is encoded once into a
 * reusable buffer; a text body or a small file goes out with the head in one write; a larger file
 * is streamed with {@link FileChannel#transferTo} (sendfile), never held in memory whole.
 */
final class ResponseWriter {

    /** Returned when the file could not be read and not one byte was sent: the caller may ask again. */
    static final long CONTENT_UNAVAILABLE = -1;

    /** Watches each blocking write, so a client that stops reading can be cut off. */
    interface WriteWatch {
        void writeStarted();

        void writeEnded();
    }

    private static final int SMALL_FILE_BYTES = 16 * 1024;
    private static final long TRANSFER_CHUNK_BYTES = 8L << 20;
    private static final byte[][] STATUS_LINES = statusLines();
    private static final byte[] COLON_SP = {':', ' '};
    private static final byte[] CRLF = {'\r', '\n'};

    private final SocketChannel channel;
    private final ContentOpener opener;
    private final WriteWatch watch;
    private byte[] out = new byte[2048];
    private int outLength;

    ResponseWriter(SocketChannel channel, ContentOpener opener, WriteWatch watch) {
        this.channel = channel;
        this.opener = opener;
        this.watch = watch;
    }

    /**
     * Sends the whole response.
     *
     * @return the bytes sent, head included, or {@link #CONTENT_UNAVAILABLE} when nothing was sent
     *     because the file could not be opened or was shorter than promised
     * @throws IOException when the connection failed, or the file shrank after bytes were sent —
     *     either way the connection must close, since the promised length can't be kept
     */
    long write(Response response) throws IOException {
        encodeHead(response);
        return switch (response.body()) {
            case Body.Empty empty -> flush();
            case Body.Text text -> {
                append(text.utf8());
                yield flush();
            }
            case Body.FileContent file -> writeFile(file);
        };
    }

    private long writeFile(Body.FileContent content) throws IOException {
        Optional<ByteBuffer> inMemory = opener.inMemory(content.handle());
        if (inMemory.isPresent()) {
            return appendInMemory(inMemory.get(), content.length()) ? flush() : CONTENT_UNAVAILABLE;
        }
        FileChannel file;
        try {
            file = opener.open(content.handle());
        } catch (IOException gone) {
            return CONTENT_UNAVAILABLE; // e.g. deleted since the lookup: nothing sent, so the domain may answer again
        }
        try (file) {
            long length = content.length();
            if (length <= SMALL_FILE_BYTES) {
                return readSmallFile(file, (int) length) ? flush() : CONTENT_UNAVAILABLE;
            }
            long head = flush();
            return head + transfer(file, length);
        }
    }

    /** Appends a cached body after the head; false, with nothing sent, when it isn't the promised length. */
    private boolean appendInMemory(ByteBuffer bytes, long length) {
        if (bytes.remaining() != length) {
            return false;
        }
        ensureCapacity(outLength + (int) length);
        bytes.get(out, outLength, (int) length);
        outLength += (int) length;
        return true;
    }

    private boolean readSmallFile(FileChannel file, int length) throws IOException {
        ensureCapacity(outLength + length);
        ByteBuffer target = ByteBuffer.wrap(out, outLength, length);
        long position = 0;
        while (target.hasRemaining()) {
            int n = file.read(target, position);
            if (n <= 0) {
                return false; // shrank since the lookup
            }
            position += n;
        }
        outLength += length;
        return true;
    }

    private long transfer(FileChannel file, long length) throws IOException {
        long sent = 0;
        while (sent < length) {
            long n;
            watch.writeStarted();
            try {
                n = file.transferTo(sent, Math.min(length - sent, TRANSFER_CHUNK_BYTES), channel);
            } finally {
                watch.writeEnded();
            }
            // 0 means the socket buffer is full (a virtual thread's socket is non-blocking underneath,
            // so sendfile doesn't wait) or the file shrank; one blocking copy waits or finds out which.
            sent += n > 0 ? n : copyChunk(file, sent, length - sent);
        }
        return sent;
    }

    private int copyChunk(FileChannel file, long position, long left) throws IOException {
        ensureCapacity(SMALL_FILE_BYTES);
        ByteBuffer chunk = ByteBuffer.wrap(out, 0, (int) Math.min(out.length, left));
        int n = file.read(chunk, position);
        if (n <= 0) {
            throw new EOFException("file shrank below the length promised in Content-Length");
        }
        chunk.flip();
        writeFully(chunk);
        return n;
    }

    private long flush() throws IOException {
        writeFully(ByteBuffer.wrap(out, 0, outLength));
        return outLength;
    }

    private void writeFully(ByteBuffer bytes) throws IOException {
        watch.writeStarted();
        try {
            while (bytes.hasRemaining()) {
                channel.write(bytes);
            }
        } finally {
            watch.writeEnded();
        }
    }

    private void encodeHead(Response response) {
        outLength = 0;
        // RFC 9110 §6.2: a server sends the highest minor version it conforms to, HTTP/1.1.
        append(STATUS_LINES[response.status().ordinal()]);
        for (HeaderField field : response.headers()) {
            appendText(field.name());
            append(COLON_SP);
            appendText(field.value());
            append(CRLF);
        }
        append(CRLF);
    }

    private void appendText(String text) {
        ensureCapacity(outLength + text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            // A CR, LF or NUL would end the head early (response splitting); a char above 0xFF has no ISO-8859-1 byte.
            out[outLength++] = c > 0xFF ? (byte) '?' : c == '\r' || c == '\n' || c == 0 ? (byte) ' ' : (byte) c;
        }
    }

    private void append(byte[] bytes) {
        ensureCapacity(outLength + bytes.length);
        System.arraycopy(bytes, 0, out, outLength, bytes.length);
        outLength += bytes.length;
    }

    private void ensureCapacity(int capacity) {
        if (capacity > out.length) {
            out = Arrays.copyOf(out, Math.max(capacity, out.length * 2));
        }
    }

    private static byte[][] statusLines() {
        Status[] statuses = Status.values();
        byte[][] lines = new byte[statuses.length][];
        for (Status status : statuses) {
            lines[status.ordinal()] = ("HTTP/1.1 " + status.codeAndReason() + "\r\n").getBytes(StandardCharsets.US_ASCII);
        }
        return lines;
    }
}
