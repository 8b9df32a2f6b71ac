package dev.comp2322.conformance.selftest;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** One connection of the self-test server: a blocking loop of parse, frame the body, respond, maybe close. */
final class FaultyConnection implements Runnable {
    private final Socket socket;
    private final Set<Defect> defects;
    private final FaultyResponder responder;
    private final Runnable stall;

    FaultyConnection(Socket socket, Set<Defect> defects, FaultyResponder responder, Runnable stall) {
        this.socket = socket;
        this.defects = defects;
        this.responder = responder;
        this.stall = stall;
    }

    private boolean has(Defect d) {
        return defects.contains(d);
    }

    @Override
    public void run() {
        try (socket) {
            // A correct server gives up on a head (or an idle connection) after 2.5 s without a byte (above the
            // concurrency cases' 2 s, below slow-head-closed's 3 x 1 s in the self-tests); the defect never does.
            socket.setSoTimeout(has(Defect.SLOW_HEAD_HELD) ? 30_000 : 2_500);
            InputStream in = new BufferedInputStream(socket.getInputStream());
            OutputStream out = new BufferedOutputStream(socket.getOutputStream());
            FaultyParser parser = new FaultyParser(in, defects, stall);
            Deque<Reply> held = new ArrayDeque<>();
            while (true) {
                Optional<Reply> next = exchange(parser, in);
                if (next.isEmpty()) {
                    return;
                }
                Reply reply = next.get();
                if (has(Defect.PIPELINING_OUT_OF_ORDER) && !reply.close && in.available() > 0) {
                    held.push(reply);   // answer later, in reverse order
                    continue;
                }
                if (reply.silent) {
                    return;   // closed without a word
                }
                write(out, reply);
                while (!held.isEmpty()) {
                    write(out, held.pop());
                }
                out.flush();
                if (reply.close) {
                    return;
                }
                if (has(Defect.HTTP10_KEEPALIVE_DROPS_PIPELINED) && reply.http10KeepAlive) {
                    in.skipNBytes(in.available());   // a single read per request: the rest of the buffer is lost
                }
            }
        } catch (IOException e) {
            // the client went away or the server is closing: nothing to answer
        } catch (RuntimeException e) {
            // the handler crashed (CRASHES_ON_NUL): the socket closes with no response, as a crashed thread's would
        }
    }

    private Optional<Reply> exchange(FaultyParser parser, InputStream in) throws IOException {
        Optional<ParsedRequest> request;
        try {
            request = parser.next();
        } catch (ProtocolError e) {
            Optional<Reply> refusal = refuse(e);
            if (refusal.isPresent() && has(Defect.ERROR_WITHOUT_LENGTH)) {
                refusal.get().close = false;
                refusal.get().unframed = true;
                refusal.get().fields.removeIf(f -> f[0].equals("Connection"));
            }
            return refusal;
        }
        if (request.isEmpty()) {
            return Optional.empty();
        }
        try {
            consumeBody(request.get(), in, parser);
            Reply reply = responder.respond(request.get());
            decideClose(request.get(), reply);
            return Optional.of(reply);
        } catch (ProtocolError e) {
            return refuse(e);
        }
    }

    private Optional<Reply> refuse(ProtocolError e) {
        if (e.silent) {
            return Optional.empty();
        }
        if (has(Defect.SILENT_ON_ERRORS)) {
            Reply nothing = new Reply(400);
            nothing.silent = true;
            return Optional.of(nothing);
        }
        Reply reply = responder.error(e.status, e.getMessage());
        reply.close = true;
        reply.field("Connection", "close");
        return Optional.of(reply);
    }

    private void decideClose(ParsedRequest request, Reply reply) {
        if (has(Defect.CLOSES_EVERY_CONNECTION) || has(Defect.NO_CONTENT_LENGTH)) {
            reply.close = true;   // no persistence, but honest about it (RFC 9112 §9.6)
            reply.field("Connection", "close");
            return;
        }
        if (has(Defect.HTTP10_RESPONSES) || (has(Defect.CLOSES_AFTER_ERRORS) && reply.status >= 400)) {
            reply.close = true;   // and, wrongly for an HTTP/1.1 response, without saying so
            return;
        }
        if (has(Defect.IGNORES_CONNECTION_CLOSE)) {
            return;
        }
        if (request.connectionOption("close") || (request.http10() && !request.connectionOption("keep-alive"))) {
            reply.close = true;
            reply.field("Connection", "close");   // RFC 9112 §9.6
        } else if (request.http10()) {
            reply.field("Connection", "keep-alive");
            reply.http10KeepAlive = true;
        }
    }

    /** RFC 9112 §6.3: chunked wins, CL with TE is refused, an invalid CL is refused; all refusals close. */
    private void consumeBody(ParsedRequest r, InputStream in, FaultyParser parser) throws IOException, ProtocolError {
        List<String> te = r.all("Transfer-Encoding");
        List<String> cl = r.all("Content-Length");
        if (!te.isEmpty()) {
            List<String> codings = Arrays.stream(String.join(",", te).split(","))
                    .map(s -> s.trim().toLowerCase(Locale.ROOT)).toList();
            boolean chunkedLast = codings.getLast().equals("chunked");
            if (has(Defect.LENIENT)) {
                if (chunkedLast) {
                    chunked(in, parser);
                }
                return;
            }
            if (!cl.isEmpty()) {
                throw new ProtocolError(400, "Content-Length with Transfer-Encoding");
            }
            if (!chunkedLast) {
                throw new ProtocolError(codings.contains("chunked") ? 400 : 501, "chunked is not the final coding");
            }
            if (codings.size() > 1) {
                throw new ProtocolError(501, "unknown transfer coding");
            }
            if (!has(Defect.GET_BODY_AS_NEXT_REQUEST)) {
                chunked(in, parser);
            }
            return;
        }
        if (!cl.isEmpty()) {
            long length = has(Defect.LENIENT) ? lenientLength(cl.getFirst()) : strictLength(cl);
            if (!has(Defect.GET_BODY_AS_NEXT_REQUEST)) {
                in.skipNBytes(length);   // the defect validates the framing but never reads the body
            }
        }
    }

    private static long lenientLength(String value) {
        try {
            return Math.max(0, Long.parseLong(value.split(",")[0].trim()));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static long strictLength(List<String> values) throws ProtocolError {
        long length = -1;
        for (String member : String.join(",", values).split(",", -1)) {
            String m = member.trim();
            if (m.isEmpty() || !m.chars().allMatch(c -> c >= '0' && c <= '9') || m.length() > 15
                    || (length >= 0 && Long.parseLong(m) != length)) {
                throw new ProtocolError(400, "invalid Content-Length");   // RFC 9110 §8.6
            }
            length = Long.parseLong(m);
        }
        return length;
    }

    private static void chunked(InputStream in, FaultyParser parser) throws IOException, ProtocolError {
        while (true) {
            String line = parser.readLine(false);
            long size;
            try {
                size = Long.parseLong(line == null ? "" : line.split(";")[0].trim(), 16);
            } catch (NumberFormatException e) {
                throw new ProtocolError(400, "bad chunk size");
            }
            if (size == 0) {
                while (true) {
                    String trailer = parser.readLine(false);
                    if (trailer == null || trailer.isEmpty()) {
                        return;
                    }
                }
            }
            in.skipNBytes(size);
            if (!"".equals(parser.readLine(false))) {
                throw new ProtocolError(400, "chunk not followed by CRLF");
            }
        }
    }

    private void write(OutputStream out, Reply reply) throws IOException {
        StringBuilder head = new StringBuilder(has(Defect.HTTP10_RESPONSES) ? "HTTP/1.0 " : "HTTP/1.1 ").append(reply.status);
        if (!has(Defect.BAD_STATUS_LINE)) {
            head.append(' ').append(Reply.reason(reply.status));
        }
        head.append("\r\n");
        for (String[] f : reply.fields) {
            head.append(f[0]).append(": ").append(f[1]).append("\r\n");
        }
        boolean body = reply.sendBody && (reply.status != 304 || has(Defect.NOT_MODIFIED_WITH_BODY));
        if (!has(Defect.NO_CONTENT_LENGTH) && !reply.unframed && (reply.status != 304 || body)) {
            long length = reply.head && has(Defect.HEAD_WRONG_LENGTH) ? 0 : reply.body.length;
            head.append("Content-Length: ").append(length).append("\r\n");
        } else if (reply.status == 304 && has(Defect.NOT_MODIFIED_LENGTH_ZERO)) {
            head.append("Content-Length: 0\r\n");
        }
        out.write(head.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1));
        if (body) {
            out.write(reply.body);
        }
    }
}
