package dev.comp2322.webserver.domain.rules;

import dev.comp2322.webserver.domain.model.Body;
import dev.comp2322.webserver.domain.model.HeaderField;
import dev.comp2322.webserver.domain.model.Request;
import dev.comp2322.webserver.domain.model.RequestError;
import dev.comp2322.webserver.domain.model.ResourcePath;
import dev.comp2322.webserver.domain.model.Response;
import dev.comp2322.webserver.domain.model.Status;
import dev.comp2322.webserver.domain.port.in.ServeRequest;
import dev.comp2322.webserver.domain.port.out.FileLookup;
import dev.comp2322.webserver.domain.port.out.Resource;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The use case: decides the whole response to a request for a static file — status, fields, body and
 * whether the connection stays open. Thread-safe; one instance serves every connection.
 *
 * <p>GET and HEAD share one decision path; {@link Exchange#withBody()} is the only difference (RFC 9110 §9.3.2).
 */
public final class StaticFileService implements ServeRequest {

    private static final String INDEX = "index.html";

    private final FileLookup files;
    private final Profile profile;
    private final ResponseAssembler responses;

    /**
     * @param files  what the document root holds
     * @param policy the profile, server name and keep-alive timeout
     */
    public StaticFileService(FileLookup files, ServicePolicy policy) {
        this.files = Objects.requireNonNull(files, "files");
        this.profile = Objects.requireNonNull(policy, "policy").profile();
        this.responses = new ResponseAssembler(policy);
    }

    @Override
    public Response serve(Request request) {
        Exchange exchange = Exchange.of(request);
        Optional<Status> refusal = RequestChecks.refusal(request, profile);
        if (refusal.isPresent()) {
            return refuse(exchange, refusal.get());
        }
        return switch (TargetDecoder.decode(request.target())) {
            case DecodedTarget.Invalid invalid -> page(exchange.closing(), Status.BAD_REQUEST);
            case DecodedTarget.Valid target -> resolve(exchange, target);
        };
    }

    /** Always closes: after a framing error the rest of the byte stream can't be trusted (RFC 9112 §9.3, §11.2). */
    @Override
    public Response reject(RequestError error) {
        Status status = profile.requestError(error.kind());
        return responses.rejection(status, ErrorPages.page(status), error.receivedAt());
    }

    private Response refuse(Exchange exchange, Status status) {
        return switch (status) {
            // A 405/501 request was framed correctly, so the connection may be reused as the client asked.
            case METHOD_NOT_ALLOWED -> responses.page(exchange, status, ErrorPages.page(status), ResponseAssembler.ALLOW);
            case NOT_IMPLEMENTED -> page(exchange, status);
            // 400 and 505: a client that breaks the protocol may break the framing too; close.
            default -> page(exchange.closing(), status);
        };
    }

    private Response resolve(Exchange exchange, DecodedTarget.Valid target) {
        ResourcePath path = target.path();
        if (isHidden(path)) {
            return notFound(exchange, path);
        }
        return switch (files.lookup(path)) {
            // A trailing slash names a directory; "/file.txt/" names nothing (as on a POSIX file system).
            case Resource.File file when path.trailingSlash() -> notFound(exchange, path);
            case Resource.File file -> file(exchange, file, path.segments().getLast());
            case Resource.Directory directory -> directory(exchange, target);
            case Resource.Missing missing -> notFound(exchange, path);
        };
    }

    private Response directory(Exchange exchange, DecodedTarget.Valid target) {
        ResourcePath path = target.path();
        if (!path.trailingSlash() && profile.redirectsDirectoryWithoutSlash()) {
            // RFC 9110 §15.4.2; the query is kept so the redirected request means the same thing.
            String location = PathEncoder.encode(new ResourcePath(path.segments(), true))
                    + (target.query().isEmpty() ? "" : "?" + target.query());
            return responses.page(exchange, Status.MOVED_PERMANENTLY, ErrorPages.movedTo(location),
                    new HeaderField("Location", location));
        }
        return switch (files.lookup(path.resolve(INDEX))) {
            case Resource.File index -> file(exchange, index, INDEX);
            case Resource.Directory notAFile -> notFound(exchange, path);
            case Resource.Missing missing -> notFound(exchange, path);
        };
    }

    private Response file(Exchange exchange, Resource.File file, String name) {
        Instant now = exchange.now();
        // RFC 9110 §8.8.2.1: Last-Modified MUST NOT be later than Date; HTTP-dates have whole seconds.
        Instant lastModified = min(file.lastModified(), now).truncatedTo(ChronoUnit.SECONDS);
        String entityTag = ConditionalRequest.entityTag(file);
        Request request = exchange.request();
        boolean notModified = ConditionalRequest.notModified(request.method(), request.headers(), entityTag, lastModified, now);
        FileAnswer last = lastFileAnswer;
        if (last != null && last.answers(file, name, now.getEpochSecond(), notModified, exchange)) {
            return last.response();
        }
        Response response = fileResponse(exchange, file, name, lastModified, entityTag, notModified);
        lastFileAnswer = new FileAnswer(file, name, now.getEpochSecond(), notModified, exchange.persistence(),
                exchange.withBody(), response);
        return response;
    }

    /**
     * The last file response built, and what it was built from. Within one second, the same file asked
     * for the same way gets the very same response — every field (Date included) is a function of these
     * — so a busy file costs one comparison instead of a dozen allocations, and the wire's memo of
     * encoded heads matches it by identity. Immutable, behind a volatile reference: see {@link LastResult}.
     */
    private record FileAnswer(Resource.File file, String name, long second, boolean notModified,
            Persistence persistence, boolean withBody, Response response) {

        boolean answers(Resource.File otherFile, String otherName, long otherSecond, boolean otherNotModified,
                Exchange exchange) {
            return second == otherSecond && notModified == otherNotModified && persistence == exchange.persistence()
                    && withBody == exchange.withBody() && file.equals(otherFile) && name.equals(otherName);
        }
    }

    private volatile FileAnswer lastFileAnswer;

    private Response fileResponse(Exchange exchange, Resource.File file, String name, Instant lastModified,
            String entityTag, boolean notModified) {
        HeaderField lastModifiedField = new HeaderField("Last-Modified", HttpDates.format(lastModified));
        List<HeaderField> headers = responses.start(exchange.now());
        if (notModified) {
            // RFC 9110 §15.4.5: 304 sends ETag and Date, no content. Content-Length is omitted rather than
            // set to the file's length: both are allowed, and omitting it keeps writers and proxies that
            // read a Content-Length as "a body follows" from waiting for bytes that never come.
            headers.add(new HeaderField("ETag", entityTag));
            headers.add(lastModifiedField);
            return responses.finish(Status.NOT_MODIFIED, headers, Body.Empty.INSTANCE, exchange.persistence());
        }
        headers.add(MediaTypes.contentTypeField(name));
        headers.add(ResponseAssembler.contentLength(file.size()));
        headers.add(lastModifiedField);
        headers.add(new HeaderField("ETag", entityTag));
        Body body = exchange.withBody() ? new Body.FileContent(file.content(), file.size()) : Body.Empty.INSTANCE;
        return responses.finish(Status.OK, headers, body, exchange.persistence());
    }

    private Response notFound(Exchange exchange, ResourcePath path) {
        return responses.page(exchange, Status.NOT_FOUND, ErrorPages.notFound(path.toString()));
    }

    /** The status's standard page. */
    private Response page(Exchange exchange, Status status) {
        return responses.page(exchange, status, ErrorPages.page(status));
    }

    /** A segment starting with "." is a hidden file (.git, .env, .htpasswd): never served, 404 as if absent. */
    private static boolean isHidden(ResourcePath path) {
        for (String segment : path.segments()) {
            if (segment.charAt(0) == '.') {
                return true;
            }
        }
        return false;
    }

    private static Instant min(Instant a, Instant b) {
        return a.isAfter(b) ? b : a;
    }
}
