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
import java.time.InstantSource;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The use case: decides the whole response to a request for a static file — status, fields, body and
 * whether the connection stays open. Thread-safe; one instance serves every connection.
 *
 * <p>GET and HEAD share one decision path; {@code withBody} is the only difference (RFC 9110 §9.3.2).
 */
public final class StaticFileService implements ServeRequest {

    private static final String INDEX = "index.html";

    private final FileLookup files;
    private final InstantSource clock;
    private final Profile profile;
    private final ResponseAssembler responses;

    /**
     * @param files  what the document root holds
     * @param clock  the source of {@code Date}; the domain never reads the system clock itself
     * @param policy the profile, server name and keep-alive timeout
     */
    public StaticFileService(FileLookup files, InstantSource clock, ServicePolicy policy) {
        this.files = Objects.requireNonNull(files, "files");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.profile = Objects.requireNonNull(policy, "policy").profile();
        this.responses = new ResponseAssembler(policy);
    }

    @Override
    public Response serve(Request request) {
        Instant now = clock.instant();
        boolean withBody = !request.isHead();
        Persistence persistence = Persistence.requestedBy(request);
        Optional<Status> refusal = RequestChecks.refusal(request, profile);
        if (refusal.isPresent()) {
            return refuse(refusal.get(), withBody, now, persistence);
        }
        return switch (TargetDecoder.decode(request.target())) {
            case DecodedTarget.Invalid invalid -> badRequest(withBody, now);
            case DecodedTarget.Valid target -> resolve(target, request, withBody, now, persistence);
        };
    }

    /** Always closes: after a framing error the rest of the byte stream can't be trusted (RFC 9112 §9.3, §11.2). */
    @Override
    public Response reject(RequestError error) {
        Status status = profile.requestError(error.kind());
        return responses.page(status, ErrorPages.page(status), true, clock.instant(), Persistence.CLOSE);
    }

    private Response refuse(Status status, boolean withBody, Instant now, Persistence requested) {
        return switch (status) {
            // A 405/501 request was framed correctly, so the connection may be reused as the client asked.
            case METHOD_NOT_ALLOWED ->
                    responses.page(status, ErrorPages.page(status), ResponseAssembler.ALLOW, withBody, now, requested);
            case NOT_IMPLEMENTED -> responses.page(status, ErrorPages.page(status), withBody, now, requested);
            // 400 and 505: a client that breaks the protocol may break the framing too; close.
            default -> responses.page(status, ErrorPages.page(status), withBody, now, Persistence.CLOSE);
        };
    }

    private Response badRequest(boolean withBody, Instant now) {
        return responses.page(Status.BAD_REQUEST, ErrorPages.page(Status.BAD_REQUEST), withBody, now, Persistence.CLOSE);
    }

    private Response resolve(DecodedTarget.Valid target, Request request, boolean withBody, Instant now,
            Persistence persistence) {
        ResourcePath path = target.path();
        if (isHidden(path)) {
            return notFound(path, withBody, now, persistence);
        }
        return switch (files.lookup(path)) {
            // A trailing slash names a directory; "/file.txt/" names nothing (as on a POSIX file system).
            case Resource.File file when path.trailingSlash() -> notFound(path, withBody, now, persistence);
            case Resource.File file -> file(file, path.segments().getLast(), request, withBody, now, persistence);
            case Resource.Directory directory -> directory(target, request, withBody, now, persistence);
            case Resource.Missing missing -> notFound(path, withBody, now, persistence);
        };
    }

    private Response directory(DecodedTarget.Valid target, Request request, boolean withBody, Instant now,
            Persistence persistence) {
        ResourcePath path = target.path();
        if (!path.trailingSlash() && profile.redirectsDirectoryWithoutSlash()) {
            // RFC 9110 §15.4.2; the query is kept so the redirected request means the same thing.
            String location = PathEncoder.encode(new ResourcePath(path.segments(), true))
                    + (target.query().isEmpty() ? "" : "?" + target.query());
            return responses.page(Status.MOVED_PERMANENTLY, ErrorPages.movedTo(location),
                    new HeaderField("Location", location), withBody, now, persistence);
        }
        return switch (files.lookup(path.resolve(INDEX))) {
            case Resource.File index -> file(index, INDEX, request, withBody, now, persistence);
            case Resource.Directory notAFile -> notFound(path, withBody, now, persistence);
            case Resource.Missing missing -> notFound(path, withBody, now, persistence);
        };
    }

    private Response file(Resource.File file, String name, Request request, boolean withBody, Instant now,
            Persistence persistence) {
        // RFC 9110 §8.8.2.1: Last-Modified MUST NOT be later than Date; HTTP-dates have whole seconds.
        Instant lastModified = min(file.lastModified(), now).truncatedTo(ChronoUnit.SECONDS);
        HeaderField lastModifiedField = new HeaderField("Last-Modified", HttpDates.format(lastModified));
        String entityTag = ConditionalRequest.entityTag(file);
        List<HeaderField> headers = responses.start(now);
        if (ConditionalRequest.notModified(request.method(), request.headers(), entityTag, lastModified, now)) {
            // RFC 9110 §15.4.5: 304 sends ETag and Date, no content. Content-Length is omitted rather than
            // set to the file's length: both are allowed, and omitting it keeps writers and proxies that
            // read a Content-Length as "a body follows" from waiting for bytes that never come.
            headers.add(new HeaderField("ETag", entityTag));
            headers.add(lastModifiedField);
            return responses.finish(Status.NOT_MODIFIED, headers, Body.Empty.INSTANCE, persistence);
        }
        headers.add(MediaTypes.contentTypeField(name));
        headers.add(ResponseAssembler.contentLength(file.size()));
        headers.add(lastModifiedField);
        headers.add(new HeaderField("ETag", entityTag));
        Body body = withBody ? new Body.FileContent(file.content(), file.size()) : Body.Empty.INSTANCE;
        return responses.finish(Status.OK, headers, body, persistence);
    }

    private Response notFound(ResourcePath path, boolean withBody, Instant now, Persistence persistence) {
        return responses.page(Status.NOT_FOUND, ErrorPages.notFound(path.toString()), withBody, now, persistence);
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
