package dev.comp2322.conformance.wire;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;

/** Where a {@link ResponseReader} gets its bytes: a live socket, or the bytes a REST Assured exchange recorded. */
interface ByteSource {
    /** Up to {@code max} bytes; -1 at end of stream; SocketTimeoutException if none arrive within {@code wait}. */
    int read(byte[] target, int offset, int max, Duration wait) throws IOException;

    /** A source over a connected socket: each read sets SO_TIMEOUT to the wait. */
    static ByteSource socket(Socket socket) throws IOException {
        InputStream in = socket.getInputStream();
        return (target, offset, max, wait) -> {
            socket.setSoTimeout((int) Math.max(1, Math.min(Integer.MAX_VALUE, wait.toMillis())));
            return in.read(target, offset, max);
        };
    }

    /** A source over recorded bytes that ended with a close, or with a wait that ran out ({@code timedOut}). */
    static ByteSource recorded(byte[] bytes, boolean timedOut) {
        int[] at = {0};
        return (target, offset, max, wait) -> {
            if (at[0] >= bytes.length) {
                if (timedOut) {
                    throw new SocketTimeoutException("the recorded exchange ended with a timeout");
                }
                return -1;
            }
            int n = Math.min(max, bytes.length - at[0]);
            System.arraycopy(bytes, at[0], target, offset, n);
            at[0] += n;
            return n;
        };
    }
}
