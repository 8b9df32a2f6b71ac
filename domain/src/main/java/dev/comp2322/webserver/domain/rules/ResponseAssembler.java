package dev.comp2322.webserver.domain.rules;

import dev.comp2322.webserver.domain.model.Body;
import dev.comp2322.webserver.domain.model.HeaderField;
import dev.comp2322.webserver.domain.model.Response;
import dev.comp2322.webserver.domain.model.Status;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Puts the fields every response shares around the ones its decision adds: {@code Date} and
 * {@code Server} first, the connection fields last. Constant fields are built once.
 */
final class ResponseAssembler {

    static final HeaderField CONNECTION_CLOSE = new HeaderField("Connection", "close");
    static final HeaderField CONNECTION_KEEP_ALIVE = new HeaderField("Connection", "keep-alive");
    static final HeaderField HTML = new HeaderField("Content-Type", "text/html; charset=utf-8");
    static final HeaderField ALLOW = new HeaderField("Allow", Profile.ALLOWED_METHODS);

    private final DateFieldCache dates = new DateFieldCache();
    private final HeaderField server;
    private final HeaderField keepAliveTimeout;

    ResponseAssembler(ServicePolicy policy) {
        this.server = new HeaderField("Server", policy.serverName());
        // RFC 9112 Appendix C.2.2 / RFC 2068 §19.7.1.1: tells a 1.0 client how long the idle connection lives.
        this.keepAliveTimeout = new HeaderField("Keep-Alive", "timeout=" + Math.max(1, policy.keepAliveTimeout().toSeconds()));
    }

    /** A fresh field list holding {@code Date} (RFC 9110 §6.6.1: MUST, from the server's clock) and {@code Server}. */
    List<HeaderField> start(Instant now) {
        List<HeaderField> headers = new ArrayList<>(10);
        headers.add(dates.dateField(now));
        headers.add(server);
        return headers;
    }

    /** Appends the connection fields the persistence decision calls for and builds the response. */
    Response finish(Status status, List<HeaderField> headers, Body body, Persistence persistence) {
        switch (persistence) {
            case CLOSE -> headers.add(CONNECTION_CLOSE); // RFC 9112 §9.6: announce the close
            case PERSIST_HTTP10 -> {
                headers.add(CONNECTION_KEEP_ALIVE);
                headers.add(keepAliveTimeout);
            }
            case PERSIST -> { } // HTTP/1.1 persistence is the default; nothing to say
        }
        return new Response(status, headers, body, persistence.keepOpen());
    }

    /**
     * A generated HTML page for {@code status}, with any {@code extra} fields after {@code Server}; HEAD
     * gets the same fields, Content-Length included, without the page (RFC 9110 §9.3.2).
     */
    Response page(Exchange exchange, Status status, Body.Text page, HeaderField... extra) {
        List<HeaderField> headers = start(exchange.now());
        Collections.addAll(headers, extra);
        Body body = exchange.withBody() ? page : Body.Empty.INSTANCE;
        return finish(status, describing(page, headers), body, exchange.persistence());
    }

    /** The page answering a request that could not be framed: no method to say HEAD, so it is sent; it closes. */
    Response rejection(Status status, Body.Text page, Instant receivedAt) {
        return finish(status, describing(page, start(receivedAt)), page, Persistence.CLOSE);
    }

    private static List<HeaderField> describing(Body.Text page, List<HeaderField> headers) {
        headers.add(HTML);
        headers.add(contentLength(page.length()));
        return headers;
    }

    static HeaderField contentLength(long length) {
        return new HeaderField("Content-Length", Long.toString(length));
    }
}
