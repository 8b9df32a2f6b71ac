package dev.comp2322.webserver.adapters.socket;

import dev.comp2322.webserver.domain.model.ClientAddress;
import dev.comp2322.webserver.domain.model.HeaderFields;
import dev.comp2322.webserver.domain.model.Request;
import dev.comp2322.webserver.domain.model.RequestError;
import java.time.Instant;

/**
 * Frames one request at a time from whatever bytes have arrived: its head through the strict
 * parsers, then its body, which is read and discarded. Never blocks; call {@link #read} again with
 * the next bytes until it says the request is framed or rejected. Bytes after the request stay in
 * the buffer for the next one (pipelining). One reader is lent to a connection by its loop only
 * while a request is in flight, so an idle connection holds none.
 */
final class RequestReader {

    /** How far the current request got. */
    enum Progress { NEED_MORE, FRAMED, REJECTED }

    /** A request that can't be framed, with what was parsed of it (empty text where nothing was). */
    record Rejected(RequestError error, String method, String target, String version, String userAgent) {}

    private enum Stage { HEAD, BODY_LENGTH, BODY_CHUNKED, DONE }

    private final long maxBodyBytes;
    private final RequestLineParser line;
    private final FieldSectionParser fields;
    private final ChunkedBodyDiscarder chunked;
    private Stage stage = Stage.DONE;
    private long bodyLeft;
    private ClientAddress client;
    private Instant receivedAt;
    private Request request;
    private Rejected rejected;

    RequestReader(WireSettings settings) {
        this.maxBodyBytes = settings.maxDiscardedBodyBytes();
        this.line = new RequestLineParser(settings.maxRequestLineBytes());
        this.fields = new FieldSectionParser(settings.maxHeaderSectionBytes(), settings.maxHeaderFields());
        this.chunked = new ChunkedBodyDiscarder(maxBodyBytes, settings.maxRequestLineBytes(),
                settings.maxHeaderSectionBytes(), settings.maxHeaderFields());
    }

    /** Starts a request whose first byte arrived at {@code receivedAt}. */
    void begin(ClientAddress client, Instant receivedAt) {
        this.client = client;
        this.receivedAt = receivedAt;
        line.reset();
        fields.reset();
        stage = Stage.HEAD;
        request = null;
        rejected = null;
    }

    /** When the current request's first byte arrived. */
    Instant receivedAt() {
        return receivedAt;
    }

    /** True once the head is framed and only body bytes are awaited. */
    boolean inBody() {
        return stage == Stage.BODY_LENGTH || stage == Stage.BODY_CHUNKED;
    }

    /** Consumes the current request's bytes from {@code in}. */
    Progress read(ReadBuffer in) {
        try {
            return advance(in);
        } catch (WireException e) {
            reject(e.kind(), e.detail());
            return Progress.REJECTED;
        }
    }

    private Progress advance(ReadBuffer in) throws WireException {
        if (stage == Stage.HEAD) {
            // parse() of a finished element returns true at once, so this resumes wherever the head stopped.
            if (!(line.parse(in) && fields.parse(in))) {
                return Progress.NEED_MORE;
            }
            request = new Request(line.method(), line.target(), line.version(),
                    new HeaderFields(fields.fields()), client, receivedAt);
            // RFC 9112 §6.3 rule 7: without Content-Length or Transfer-Encoding a request has no body.
            BodyFraming framing = fields.hasFramingFields()
                    ? BodyFraming.of(request.version(), request.headers(), maxBodyBytes)
                    : BodyFraming.NONE;
            switch (framing) {
                case BodyFraming.None none -> stage = Stage.DONE;
                case BodyFraming.Length length -> {
                    bodyLeft = length.length();
                    stage = Stage.BODY_LENGTH;
                }
                case BodyFraming.Chunked c -> {
                    chunked.reset();
                    stage = Stage.BODY_CHUNKED;
                }
            }
        }
        if (stage == Stage.BODY_LENGTH) {
            bodyLeft -= in.skip(bodyLeft);
            if (bodyLeft > 0) {
                return Progress.NEED_MORE;
            }
            stage = Stage.DONE;
        } else if (stage == Stage.BODY_CHUNKED) {
            if (!chunked.discard(in)) {
                return Progress.NEED_MORE;
            }
            stage = Stage.DONE;
        }
        return Progress.FRAMED;
    }

    /** The framed request, after {@link Progress#FRAMED}. */
    Request request() {
        return request;
    }

    /** The rejection, after {@link Progress#REJECTED} or {@link #reject}. */
    Rejected rejected() {
        return rejected;
    }

    /** Rejects the current request, e.g. when its head or body stopped arriving in time. */
    void reject(RequestError.Kind kind, String detail) {
        String userAgent = request != null
                ? request.headers().first("User-Agent").orElse("")
                : new HeaderFields(fields.fields()).first("User-Agent").orElse("");
        String version = line.done() ? line.version().toString() : "";
        rejected = new Rejected(new RequestError(kind, detail, client, receivedAt),
                line.method(), line.target(), version, userAgent);
        stage = Stage.DONE;
    }
}
