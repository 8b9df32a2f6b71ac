package dev.comp2322.webserver.adapters.socket;

import static dev.comp2322.webserver.domain.model.RequestError.Kind.HEAD_TIMEOUT;

import dev.comp2322.webserver.domain.model.Body;
import dev.comp2322.webserver.domain.model.ClientAddress;
import dev.comp2322.webserver.domain.model.Request;
import dev.comp2322.webserver.domain.model.Response;
import dev.comp2322.webserver.domain.port.out.ContentSource;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.List;

/**
 * One client connection, an explicit state machine driven by its event loop: bytes that arrive are
 * fed to a {@link RequestReader}; each framed request is answered at once, in order (pipelining),
 * into the loop's output buffer, which goes out in one write when the read is used up. When the
 * socket takes less than we have, the rest waits here, the connection waits for write readiness
 * and reads nothing meanwhile (back-pressure). Only its own loop's thread ever touches it.
 *
 * <pre>
 *   OPEN ──response with keepOpen=false──▶ (flushed) ──▶ LINGERING ──EOF or timeout──▶ CLOSED
 *    │  ▲                                                    ▲
 *    │  └── output drained (OP_READ) ◀── BLOCKED (OP_WRITE) ─┘ (closing after the drain)
 *    └── socket full ──────────────────────▶┘
 * </pre>
 */
final class Connection extends DeadlineQueue.Entry {

    private static final System.Logger LOG = System.getLogger(Connection.class.getName());

    /**
     * At most this much of a file per transferTo, then the next ready connection has its turn (as
     * lighttpd does). One sendfile of the whole rest fills the socket's send buffer (up to 4 MiB);
     * what waits there is then transmitted by the ACKs the client's reads send back, on the
     * client's CPU, which on loopback made that CPU the bottleneck (10 MiB, 4 connections: 2.0 GB/s;
     * 256 KiB a turn: 2.7-2.9 GB/s, the work on our own CPU). It also shares the loop fairly
     * between large responses.
     */
    static final long FILE_CHUNK_BYTES = 256 * 1024;

    private enum State { OPEN, BLOCKED, LINGERING, CLOSED }

    /** One response whose bytes are queued; logged once they have all been handed to the kernel. */
    record Answered(RequestReader.Rejected rejected, Request request, int status, long bytes, long startNanos) {}

    private final EventLoop loop;
    private final SocketChannel channel;
    private final ClientAddress client;
    private SelectionKey key;
    private int interest = SelectionKey.OP_READ;
    private State state = State.OPEN;
    /** Lent by the loop from a request's first byte until it is framed; null while idle. */
    private RequestReader reader;
    private long requestStartNanos;
    /** Pipelined bytes not yet read, kept while the output is blocked. */
    private byte[] pendingIn;
    /** Response bytes the socket has not taken yet (after the loop's buffer), then a file to stream. */
    private ByteBuffer pendingOut;
    private FileChannel file;
    private long filePosition;
    private long fileEnd;
    private List<Answered> unlogged;
    private boolean closeAfterOutput;
    private boolean closingAfterError;

    Connection(EventLoop loop, SocketChannel channel, ClientAddress client) {
        this.loop = loop;
        this.channel = channel;
        this.client = client;
    }

    /**
     * Registers with the loop's selector for what this connection now waits for, unless it is closed
     * already: a connection answered and closed within its first read never touches the selector.
     */
    void register(Selector selector) throws ClosedChannelException {
        if (state != State.CLOSED) {
            key = channel.register(selector, interest, this);
        }
    }

    private void interest(int ops) {
        interest = ops;
        if (key != null) {
            key.interestOps(ops);
        }
    }

    /** True from a request's first byte until its response is written. */
    boolean busy() {
        return reader != null || state == State.BLOCKED;
    }

    // ---- reading ---------------------------------------------------------------------------

    /** The socket has bytes (or EOF) for us. */
    void onReadable(long now) throws IOException {
        ByteBuffer in = loop.readBuffer();
        in.clear();
        int n = channel.read(in);
        if (state == State.LINGERING) {
            if (n < 0) {
                close();
            }
            return; // bytes after our last response are dropped (RFC 9112 §9.6)
        }
        if (n < 0) {
            close(); // the peer went away; a half-received request has nothing to answer
            return;
        }
        if (n == 0) {
            return;
        }
        in.flip();
        ReadBuffer bytes = loop.bytes();
        bytes.load(in);
        process(bytes, now);
        finishPass(bytes, now);
    }

    /** Frames and answers every complete request in {@code bytes}, stopping when output blocks or the connection closes. */
    private void process(ReadBuffer bytes, long now) throws IOException {
        while (bytes.hasRemaining() && pendingOut == null && file == null && !closeAfterOutput) {
            if (reader == null) {
                startRequest(now);
            }
            switch (reader.read(bytes)) {
                case NEED_MORE -> {
                    if (reader.inBody()) {
                        loop.headQueue().arm(this, now); // a body may pause up to the head timeout between reads
                    }
                    return;
                }
                case FRAMED -> answer(finishRequest().request());
                case REJECTED -> answerRejected(finishRequest().rejected());
            }
            if (loop.stopping()) {
                closeAfterOutput = true; // the current exchange finished; pipelined requests go unanswered
            }
            if (loop.out().remaining() < EventLoop.RESERVE && pendingOut == null) {
                flush(); // room for the next response
            }
        }
    }

    private void startRequest(long now) {
        reader = loop.lendReader();
        reader.begin(client, loop.clock().instant());
        requestStartNanos = now;
        loop.headQueue().arm(this, now);
        loop.busyChanged(+1);
    }

    private RequestReader finishRequest() {
        RequestReader done = reader;
        loop.returnReader(done);
        reader = null;
        loop.busyChanged(-1);
        return done; // still valid: the loop lends it again only on this thread, after we are done with it
    }

    /** After a read pass: flush, then wait for the next request, for write readiness, or close. */
    private void finishPass(ReadBuffer bytes, long now) throws IOException {
        boolean peerSentMore = bytes.hasRemaining();
        if (!flush()) {
            if (peerSentMore && !closeAfterOutput) {
                pendingIn = bytes.copyRemaining();
            }
            block(now);
            return;
        }
        if (closeAfterOutput) {
            closeGracefully(peerSentMore, now);
        } else if (reader == null) {
            if (loop.stopping()) {
                close();
            } else {
                loop.idleQueue().arm(this, now);
            }
        }
    }

    // ---- answering --------------------------------------------------------------------------

    private void answer(Request request) throws IOException {
        Response response = loop.service().serve(request);
        if (!send(response, request, null)) {
            // Nothing was sent: the file vanished or changed since the lookup. Ask once more; the domain sees it now.
            response = loop.service().serve(request);
            if (!send(response, request, null)) {
                closeAfterOutput = true; // what came before still goes out; this request gets no answer
            }
        }
    }

    private void answerRejected(RequestReader.Rejected rejected) throws IOException {
        // RFC 9112 §9.3: after a framing error the rest of the stream can't be trusted: answer, then close.
        send(loop.service().reject(rejected.error()), null, rejected);
        closeAfterOutput = true;
        closingAfterError = true;
    }

    /** Queues the whole response; false, with nothing queued, when its file content is gone or not the promised length. */
    private boolean send(Response response, Request request, RequestReader.Rejected rejected) throws IOException {
        ResponseWriter writer = loop.writer();
        long bodyBytes;
        byte[] head;
        switch (response.body()) {
            case Body.Empty empty -> {
                head = writer.head(response);
                put(head, head.length);
                bodyBytes = 0;
            }
            case Body.Text text -> {
                byte[] utf8 = text.utf8();
                head = writer.head(response);
                put(head, head.length);
                put(utf8, utf8.length);
                bodyBytes = utf8.length;
            }
            case Body.FileContent content -> {
                switch (loop.content().content(content.handle())) {
                    case ContentSource.InMemory<FileChannel> memory -> {
                        ByteBuffer body = memory.bytes();
                        if (body.remaining() != content.length()) {
                            return false;
                        }
                        head = writer.head(response);
                        put(head, head.length);
                        put(body);
                    }
                    case ContentSource.Streamed<FileChannel> streamed -> {
                        FileChannel channelOfFile = streamed.source();
                        // One fstat: a file already shorter than promised is refused before any byte is sent.
                        if (channelOfFile.size() < content.length()) {
                            channelOfFile.close();
                            return false;
                        }
                        head = writer.head(response);
                        put(head, head.length);
                        file = channelOfFile;
                        filePosition = 0;
                        fileEnd = content.length();
                    }
                    case ContentSource.Gone<FileChannel> gone -> {
                        return false;
                    }
                }
                bodyBytes = content.length();
            }
        }
        loop.answered().add(new Answered(rejected, request, response.status().code(),
                head.length + bodyBytes, requestStartNanos));
        if (!response.keepOpen()) {
            closeAfterOutput = true;
        }
        if (file != null) {
            flush(); // the head and everything queued before it go first; the file follows
        }
        return true;
    }

    private void put(byte[] bytes, int length) {
        ByteBuffer out = loop.out();
        if (pendingOut == null && length <= out.remaining()) {
            out.put(bytes, 0, length);
            return;
        }
        put(ByteBuffer.wrap(bytes, 0, length));
    }

    private void put(ByteBuffer bytes) {
        ByteBuffer out = loop.out();
        if (pendingOut == null && bytes.remaining() <= out.remaining()) {
            out.put(bytes);
            return;
        }
        // Rare: blocked already, or bigger than the loop's buffer. Keep order: the loop's buffer, then this.
        moveOutToPending();
        ByteBuffer grown = ByteBuffer.allocate(pendingOut.remaining() + bytes.remaining());
        grown.put(pendingOut).put(bytes).flip();
        pendingOut = grown;
    }

    private void moveOutToPending() {
        ByteBuffer out = loop.out();
        out.flip();
        ByteBuffer moved = ByteBuffer.allocate(out.remaining() + (pendingOut == null ? 0 : pendingOut.remaining()));
        moved.put(out);
        if (pendingOut != null) {
            moved.put(pendingOut);
        }
        moved.flip();
        pendingOut = moved;
        out.clear();
    }

    // ---- writing ----------------------------------------------------------------------------

    /** Writes what is queued: the loop's buffer, the pending bytes, the file. True when all of it went out. */
    private boolean flush() throws IOException {
        ByteBuffer out = loop.out();
        if (out.position() > 0) {
            out.flip();
            channel.write(out);
            if (out.hasRemaining()) {
                out.compact();
                moveOutToPending();
            }
            out.clear();
        }
        if (pendingOut != null) {
            channel.write(pendingOut);
            if (pendingOut.hasRemaining()) {
                return false;
            }
            pendingOut = null;
        }
        if (file != null && !transferFile()) {
            return false;
        }
        logAnswered();
        return true;
    }

    private boolean transferFile() throws IOException {
        if (filePosition < fileEnd) {
            long n = file.transferTo(filePosition, Math.min(FILE_CHUNK_BYTES, fileEnd - filePosition), channel);
            if (n == 0 && filePosition >= file.size()) {
                throw new EOFException("file shrank below the length promised in Content-Length");
            }
            filePosition += n;
            if (filePosition < fileEnd) {
                return false; // the socket is full, or this turn's chunk went out: continue on OP_WRITE
            }
        }
        file.close();
        file = null;
        return true;
    }

    private void block(long now) {
        state = State.BLOCKED;
        loop.busyChanged(reader == null ? +1 : 0);
        if (!loop.answered().isEmpty()) {
            unlogged = new ArrayList<>(loop.answered());
            loop.answered().clear();
        }
        interest(SelectionKey.OP_WRITE);
        loop.writeQueue().arm(this, now);
    }

    /** The socket takes bytes again. */
    void onWritable(long now) throws IOException {
        if (!flush()) {
            loop.writeQueue().arm(this, now); // progress: the client reads, just slowly
            return;
        }
        state = State.OPEN;
        loop.busyChanged(reader == null ? -1 : 0);
        interest(SelectionKey.OP_READ);
        ReadBuffer bytes = loop.bytes();
        if (pendingIn != null) {
            bytes.load(pendingIn, 0, pendingIn.length);
            pendingIn = null;
            if (!closeAfterOutput) {
                process(bytes, now);
            }
        } else {
            bytes.clear();
        }
        finishPass(bytes, now);
    }

    private void logAnswered() {
        List<Answered> answered = loop.answered();
        if (unlogged == null && answered.isEmpty()) {
            return;
        }
        long end = System.nanoTime();
        if (unlogged != null) {
            for (Answered a : unlogged) {
                loop.record(client, a, end);
            }
            unlogged = null;
        }
        for (int i = 0, n = answered.size(); i < n; i++) {
            loop.record(client, answered.get(i), end);
        }
        answered.clear();
    }

    // ---- timeouts and closing ---------------------------------------------------------------

    @Override
    void expired(DeadlineQueue queue) {
        try {
            if (queue == loop.headQueue() && reader != null) {
                long now = System.nanoTime();
                reader.reject(HEAD_TIMEOUT, reader.inBody()
                        ? "request body stalled"
                        : "request head not complete within the head timeout");
                answerRejected(finishRequest().rejected());
                ReadBuffer bytes = loop.bytes();
                bytes.clear();
                finishPass(bytes, now);
            } else {
                close(); // idle past the keep-alive timeout, a client not reading, or the linger ended
            }
        } catch (IOException e) {
            LOG.log(System.Logger.Level.DEBUG, () -> "connection " + client + " ended: " + e);
            close();
        }
    }

    /**
     * Half-closes after the last response (FIN), then, if the peer may still be sending, reads and
     * drops its bytes for a while so that closing doesn't reset the connection before the peer has
     * read our response (RFC 9112 §9.6). A clean close of a peer that sent nothing more is at once.
     */
    private void closeGracefully(boolean peerSentMore, long now) throws IOException {
        if (loop.stopping()) {
            close();
            return;
        }
        if (!closingAfterError && !peerSentMore) {
            // A clean close (Connection: close, HTTP/1.0) of a peer that sent nothing more: at once, as
            // nginx does. No read to make sure: it would cost every closing connection a system call.
            close();
            return;
        }
        channel.shutdownOutput(); // FIN after the last response, so the peer knows no more is coming
        state = State.LINGERING;
        interest(SelectionKey.OP_READ);
        loop.lingerQueue().arm(this, now);
    }

    /** Closes at once; an unfinished response is not logged. Idempotent. */
    void close() {
        if (state == State.CLOSED) {
            return;
        }
        if (busy()) {
            loop.busyChanged(-1);
        }
        state = State.CLOSED;
        disarm();
        if (reader != null) {
            loop.returnReader(reader);
            reader = null;
        }
        unlogged = null;
        // Responses queued in this pass were not all sent: not completed exchanges, never logged (and
        // never left in the loop's list for the next connection to log).
        loop.answered().clear();
        try {
            if (file != null) {
                file.close();
            }
            channel.close(); // also cancels the key, if there is one
        } catch (IOException e) {
            LOG.log(System.Logger.Level.DEBUG, () -> "closing " + client + ": " + e);
        }
        loop.closed(this);
    }

    /** True when nothing is in flight: stop() may close it at once. */
    boolean idle() {
        return state == State.LINGERING || (state == State.OPEN && reader == null);
    }
}
