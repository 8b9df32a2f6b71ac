package dev.comp2322.conformance.wire;

import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A plain socket that keeps a copy of every byte written and read, so that an exchange made by
 * REST Assured (Apache HttpClient) has the same exact-bytes transcript as a raw one (issue 9 §4). It
 * also owns its read waits, as {@link WireConnection} does: the first byte waits as the
 * {@link Patience} says, later bytes until the response's timeout or, for a server known to leave
 * bodies open, a short pause. The client's own SO_TIMEOUT is ignored.
 */
final class RecordingSocket extends Socket {
    private final Patience patience;
    private final ReentrantLock lock = new ReentrantLock();
    private final ByteArrayOutputStream sent = new ByteArrayOutputStream();
    private final ByteArrayOutputStream received = new ByteArrayOutputStream();
    private long sentAt;
    private long firstByteAt;
    private long deadline;
    private boolean timedOut;
    private Patience.Wait firstWait;

    RecordingSocket(Patience patience) {
        this.patience = patience;
    }

    @Override
    public InputStream getInputStream() throws IOException {
        return new Tap(super.getInputStream());
    }

    @Override
    public OutputStream getOutputStream() throws IOException {
        return new FilterOutputStream(super.getOutputStream()) {
            @Override
            public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                lock.lock();
                try {
                    sent.write(b, off, len);
                    sentAt = System.nanoTime();
                } finally {
                    lock.unlock();
                }
                out.write(b, off, len);
            }
        };
    }

    @Override
    public void setSoTimeout(int timeout) {
        // The client's SO_TIMEOUT is ignored: each read sets its own from the patience.
    }

    byte[] sent() {
        lock.lock();
        try {
            return sent.toByteArray();
        } finally {
            lock.unlock();
        }
    }

    byte[] received() {
        lock.lock();
        try {
            return received.toByteArray();
        } finally {
            lock.unlock();
        }
    }

    /** True if the exchange ended because a wait ran out (not by a close or a complete response). */
    boolean timedOut() {
        return timedOut;
    }

    /** The wait for the first byte (null if no read happened). */
    Patience.Wait firstWait() {
        return firstWait;
    }

    /** The input side: applies the waits, records the bytes and tells the patience about the first byte. */
    private final class Tap extends FilterInputStream {
        Tap(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            boolean first = received.size() == 0;
            Duration wait = nextWait(first);
            RecordingSocket.super.setSoTimeout((int) Math.max(1, Math.min(Integer.MAX_VALUE, wait.toMillis())));
            int n;
            try {
                n = in.read(b, off, len);
            } catch (SocketTimeoutException e) {
                timedOut = true;
                if (first) {
                    patience.unanswered();
                }
                throw e;
            }
            if (n > 0) {
                lock.lock();
                try {
                    if (first) {
                        firstByteAt = System.nanoTime();
                        deadline = firstByteAt + patience.cap(patience.timeout()).toNanos();
                        patience.answered(Duration.ofNanos(firstByteAt - sentAt));
                    }
                    received.write(b, off, n);
                } finally {
                    lock.unlock();
                }
            }
            return n;
        }

        private Duration nextWait(boolean first) throws SocketTimeoutException {
            if (first) {
                if (firstWait == null) {
                    firstWait = patience.firstByte();
                }
                return firstWait.duration();
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                timedOut = true;
                throw new SocketTimeoutException("the response did not end within the timeout");
            }
            Duration rest = Duration.ofNanos(left);
            Duration gap = patience.quietGap(rest).duration();
            return gap.compareTo(rest) < 0 ? gap : rest;
        }
    }
}
