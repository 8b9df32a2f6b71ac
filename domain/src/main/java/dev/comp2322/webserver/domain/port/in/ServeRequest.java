package dev.comp2322.webserver.domain.port.in;

import dev.comp2322.webserver.domain.model.Request;
import dev.comp2322.webserver.domain.model.RequestError;
import dev.comp2322.webserver.domain.model.Response;

/** Driving port: decides the response to a request, or to a request that could not be framed. */
public interface ServeRequest {

    /** Decides the whole response to a framed request: status, header fields, body, keep-open. */
    Response serve(Request request);

    /** Decides the response to a request the wire adapter could not frame; it always closes. */
    Response reject(RequestError error);
}
