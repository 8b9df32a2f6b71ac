package dev.comp2322.conformance.selftest;

import dev.comp2322.conformance.ConformanceProfile;
import dev.comp2322.conformance.wire.HttpDates;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Decides the self-test server's answer to a parsed request: path mapping, conditionals, fields, statuses. */
final class FaultyResponder {
    private static final Map<String, String> TYPES = Map.of("html", "text/html; charset=utf-8", "txt",
            "text/plain; charset=utf-8", "png", "image/png", "jpg", "image/jpeg", "gif", "image/gif");
    private static final Set<String> KNOWN_METHODS = Set.of("POST", "PUT", "DELETE", "OPTIONS", "PATCH", "TRACE", "CONNECT");
    private static final DateTimeFormatter RFC850 = DateTimeFormatter.ofPattern("EEEE, dd-MMM-uu HH:mm:ss 'GMT'", Locale.US)
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter ASCTIME = DateTimeFormatter.ofPattern("EEE MMM ppd HH:mm:ss uuuu", Locale.US)
            .withZone(ZoneOffset.UTC);

    private final Path root;
    private final ConformanceProfile profile;
    private final Set<Defect> defects;

    FaultyResponder(Path root, ConformanceProfile profile, Set<Defect> defects) {
        this.root = root;
        this.profile = profile;
        this.defects = defects;
    }

    private boolean has(Defect d) {
        return defects.contains(d);
    }

    /** The course profile only knows 400 for refusals, unless the server is built to get that wrong. */
    int status(int rfcStatus) {
        return profile == ConformanceProfile.COURSE && !has(Defect.COURSE_FORBIDDEN_STATUSES) ? 400 : rfcStatus;
    }

    Reply error(int rfcStatus, String why) {
        int s = status(rfcStatus);
        Reply r = html(s, "<h1>" + s + " " + Reply.reason(s) + "</h1><p>" + why.replace("<", "&lt;") + "</p>");
        if (s == 405) {
            r.field("Allow", "GET, HEAD");
        }
        return common(r);
    }

    Reply respond(ParsedRequest request) throws IOException {
        String method = request.method();
        boolean head = method.equals("HEAD");
        if (!method.equals("GET") && !head) {
            return error(KNOWN_METHODS.contains(method) ? 405 : 501, "method not supported");
        }
        Optional<String> path = has(Defect.SERVES_TRAVERSAL)
                ? PathMapping.wellFormed(request.target()) ? Optional.of(PathMapping.naive(request.target())) : Optional.empty()
                : has(Defect.CRASHES_ON_NUL) || has(Defect.NUL_IS_500) ? PathMapping.decodedKeepingNul(request.target())
                : has(Defect.RAW_PATHS) ? PathMapping.raw(request.target())
                : has(Defect.LENIENT) ? Optional.of(PathMapping.lenient(request.target())) : PathMapping.strict(request.target());
        if (path.isEmpty()) {
            return error(400, "bad request-target");
        }
        if (has(Defect.NUL_IS_500) && path.get().indexOf('\0') >= 0) {
            return common(html(500, "<h1>Internal error</h1>"));
        }
        if (has(Defect.CRASHES_ON_NUL) && path.get().indexOf('\0') >= 0) {
            throw new IllegalArgumentException("embedded null byte");   // as Python's open() does
        }
        Reply reply;
        try {
            reply = file(request, path.get());
        } catch (java.nio.file.InvalidPathException e) {
            reply = missing();   // e.g. a NUL the mapping let through: no such file
        }
        reply.head = head;
        if (head) {
            reply.sendBody = has(Defect.BODY_ON_HEAD);
            if (has(Defect.HEAD_FIELDS_DIFFER)) {
                reply.fields.removeIf(f -> f[0].equals("ETag") || f[0].equals("Last-Modified") || f[0].equals("Content-Type"));
            }
        }
        return reply;
    }

    private Reply file(ParsedRequest request, String path) throws IOException {
        // ABSOLUTE_PATHS: Path.resolve (like os.path.join) lets an absolute remainder ("//etc/x" -> "/etc/x") replace the root.
        Path target = has(Defect.SERVES_TRAVERSAL) ? Path.of(root + "/" + path)
                : has(Defect.ABSOLUTE_PATHS) ? root.resolve(path.substring(1)) : root.resolve(path.substring(1)).normalize();
        boolean confined = !has(Defect.SERVES_TRAVERSAL) && !(has(Defect.ABSOLUTE_PATHS) && path.startsWith("//"));
        if (has(Defect.IMS_NAIVE) && request.field("If-Modified-Since").isPresent() && !Files.exists(target)) {
            return common(new Reply(304));
        }
        if (has(Defect.INM_NAIVE) && request.field("If-None-Match").isPresent()) {
            return common(new Reply(304));
        }
        if (Files.isDirectory(target)) {
            if (!path.endsWith("/")) {
                return profile == ConformanceProfile.RFC || has(Defect.COURSE_FORBIDDEN_STATUSES)
                        ? common(html(301, "moved").field("Location", path + "/")) : file(request, path + "/index.html");
            }
            Path index = target.resolve("index.html");
            if (!Files.exists(index) || has(Defect.NO_DIRECTORY_INDEX)) {
                return profile == ConformanceProfile.RFC || has(Defect.COURSE_FORBIDDEN_STATUSES) ? error(403, "no index") : missing();
            }
            target = index;
        }
        if (!Files.isRegularFile(target) || (confined && !inside(target))) {
            return missing();
        }
        byte[] bytes = Files.readAllBytes(target);
        if (has(Defect.EMPTY_IS_404) && bytes.length == 0) {
            return missing();
        }
        if (has(Defect.MANGLES_CONTENT)) {
            // Bytes round-tripped through a String, as a naive server does: ASCII and UTF-8 survive, binary does not.
            bytes = new String(bytes, StandardCharsets.UTF_8).getBytes(StandardCharsets.UTF_8);
        }
        Instant raw = Files.getLastModifiedTime(target).toInstant();
        Instant mtime = raw.truncatedTo(ChronoUnit.SECONDS);
        String etag = "\"" + Long.toHexString(bytes.length) + "-" + Long.toHexString(mtime.getEpochSecond()) + "\"";
        if (has(Defect.ETAG_UNQUOTED)) {
            etag = etag.replace("\"", "");
        }
        boolean naive = has(Defect.IMS_NAIVE) && request.field("If-Modified-Since").isPresent();
        boolean conditionalsApply = !(has(Defect.IMS_GET_ONLY) && request.method().equals("HEAD"));
        if (conditionalsApply && (naive || notModified(request, has(Defect.IMS_SUBSECOND) ? raw : mtime, etag))) {
            Reply r = validators(common(new Reply(304)), mtime, etag);
            if (has(Defect.NOT_MODIFIED_BARE)) {
                r.fields.removeIf(f -> f[0].equals("ETag") || f[0].equals("Date"));
            }
            if (has(Defect.NOT_MODIFIED_WITH_BODY)) {
                r.body = bytes;
            }
            return r;
        }
        Reply r = validators(common(new Reply(200)), mtime, etag);
        r.field("Content-Type", has(Defect.WRONG_CONTENT_TYPE) ? "application/octet-stream" : type(target.getFileName().toString()));
        if (has(Defect.DUPLICATE_CONTENT_TYPE)) {
            r.field("Content-Type", "text/plain");
        }
        r.body = bytes;
        return r;
    }

    private boolean inside(Path target) throws IOException {
        return target.toRealPath().startsWith(root.toRealPath());
    }

    private Reply missing() {
        if (has(Defect.MISSING_IS_500)) {
            return common(html(500, "<h1>Internal error</h1>"));
        }
        if (has(Defect.BARE_404)) {
            return common(new Reply(404));
        }
        return common(html(404, "<h1>404 Not Found</h1><p>No such file.</p>"));
    }

    /** RFC 9110 §13.2.2: If-None-Match first; If-Modified-Since only without it, and only for a valid date. */
    private boolean notModified(ParsedRequest request, Instant mtime, String etag) {
        Optional<String> inm = request.field("If-None-Match");
        if (inm.isPresent()) {
            if (has(Defect.IGNORES_INM)) {
                return false;
            }
            if (has(Defect.INM_STRONG_ONLY)) {
                return inm.get().trim().equals(etag);
            }
            for (String member : inm.get().split(",")) {
                String m = member.trim();
                if (m.equals("*") || weak(m).equals(weak(etag))) {
                    return true;
                }
            }
            return false;
        }
        if (has(Defect.IGNORES_IMS)) {
            return false;
        }
        return request.field("If-Modified-Since").flatMap(this::parseDate)
                .map(ims -> has(Defect.IMS_EXACT) ? ims.equals(mtime) : !mtime.isAfter(ims)).orElse(false);
    }

    private static String weak(String tag) {
        return tag.startsWith("W/") ? tag.substring(2) : tag;
    }

    private Optional<Instant> parseDate(String value) {
        Optional<Instant> fixdate = HttpDates.parseImfFixdate(value);
        if (fixdate.isPresent() || has(Defect.IMS_FIXDATE_ONLY)) {
            return fixdate;
        }
        for (DateTimeFormatter f : new DateTimeFormatter[] {RFC850, ASCTIME}) {
            try {
                return Optional.of(Instant.from(f.parse(value.trim())));
            } catch (RuntimeException e) {
                // try the next obsolete format (RFC 9110 §5.6.7)
            }
        }
        return Optional.empty();
    }

    private Reply validators(Reply r, Instant mtime, String etag) {
        if (!has(Defect.NO_LAST_MODIFIED)) {
            Instant lm = has(Defect.LAST_MODIFIED_IN_FUTURE) ? Instant.now().plus(1, ChronoUnit.DAYS) : mtime;
            r.field("Last-Modified", date(lm));
        }
        if (!has(Defect.NO_ETAG)) {
            r.field("ETag", etag);
        }
        return r;
    }

    private Reply common(Reply r) {
        if (!has(Defect.NO_DATE)) {
            r.fields.addFirst(new String[] {"Date", date(Instant.now())});
        }
        r.field("Server", "faulty-selftest");
        return r;
    }

    private String date(Instant instant) {
        return has(Defect.BAD_DATE_FORMAT) ? RFC850.format(instant) : HttpDates.imfFixdate(instant);
    }

    private static Reply html(int status, String body) {
        Reply r = new Reply(status).field("Content-Type", "text/html; charset=utf-8");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(("<!DOCTYPE html><html><body>" + body + "</body></html>\n").getBytes(StandardCharsets.UTF_8));
        r.body = out.toByteArray();
        return r;
    }

    private static String type(String path) {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? "application/octet-stream" : TYPES.getOrDefault(path.substring(dot + 1), "application/octet-stream");
    }
}
