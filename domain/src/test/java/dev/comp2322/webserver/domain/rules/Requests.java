package dev.comp2322.webserver.domain.rules;

import static dev.comp2322.webserver.domain.model.Fields.fields;
import dev.comp2322.webserver.domain.model.ClientAddress;
import dev.comp2322.webserver.domain.model.HeaderFields;
import dev.comp2322.webserver.domain.model.HttpVersion;
import dev.comp2322.webserver.domain.model.Request;
import dev.comp2322.webserver.domain.model.RequestError;
import java.time.Instant;

/** Short builders for requests in tests. */
final class Requests {

    static final Instant NOW = Instant.parse("2025-03-14T15:09:26.535Z");
    static final ClientAddress CLIENT = new ClientAddress("127.0.0.1", 50_000);

    private Requests() {}

    /** An HTTP/1.1 request with {@code Host: localhost} and the given extra fields. */
    static Request http11(String method, String target, String... fields) {
        String[] withHost = new String[fields.length + 2];
        withHost[0] = "Host";
        withHost[1] = "localhost";
        System.arraycopy(fields, 0, withHost, 2, fields.length);
        return request(method, target, HttpVersion.HTTP_1_1, withHost);
    }

    static Request get(String target, String... fields) {
        return http11("GET", target, fields);
    }

    static Request request(String method, String target, HttpVersion version, String... fields) {
        return new Request(method, target, version, fields(fields), CLIENT, NOW);
    }

    static RequestError error(RequestError.Kind kind) {
        return new RequestError(kind, "test", CLIENT, NOW);
    }
}
