package dev.comp2322.webserver.domain.rules;

import dev.comp2322.webserver.domain.model.HeaderField;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The media type of a file by its name's extension, case-insensitive (RFC 9110 §8.3). Text types
 * carry {@code charset=utf-8}, because the files of a modern site are UTF-8 and a browser would
 * otherwise guess; unknown extensions are {@code application/octet-stream} (§8.3: the recipient may
 * then treat it as opaque data).
 */
public final class MediaTypes {

    /** The type of anything whose extension is not in the table. */
    private static final String FALLBACK = "application/octet-stream";

    private static final String UTF8 = "; charset=utf-8";
    private static final Map<String, HeaderField> BY_EXTENSION = new HashMap<>();
    private static final HeaderField FALLBACK_FIELD = field(FALLBACK);

    static {
        text("text/html", "html", "htm");
        text("text/plain", "txt");
        text("text/css", "css");
        text("text/javascript", "js", "mjs"); // RFC 9239 §6
        text("application/json", "json", "map");
        text("application/xml", "xml"); // RFC 7303
        text("image/svg+xml", "svg");
        text("text/csv", "csv"); // RFC 4180
        text("text/markdown", "md", "markdown"); // RFC 7763
        binary("image/png", "png");
        binary("image/jpeg", "jpg", "jpeg");
        binary("image/gif", "gif");
        binary("image/webp", "webp");
        binary("image/avif", "avif");
        binary("image/x-icon", "ico"); // what browsers and nginx use; the IANA name is image/vnd.microsoft.icon
        binary("image/bmp", "bmp");
        binary("application/pdf", "pdf");
        binary("application/wasm", "wasm");
        binary("video/mp4", "mp4");
        binary("video/webm", "webm");
        binary("audio/mpeg", "mp3");
        binary("audio/ogg", "ogg");
        binary("audio/wav", "wav");
        binary("font/woff", "woff"); // RFC 8081
        binary("font/woff2", "woff2");
        binary("application/zip", "zip");
    }

    private MediaTypes() {}

    /** The {@code Content-Type} field for a file name; shared instances, no allocation per hit. */
    static HeaderField contentTypeField(String fileName) {
        int dot = fileName.lastIndexOf('.');
        if (dot < 0 || dot == fileName.length() - 1) {
            return FALLBACK_FIELD;
        }
        String extension = fileName.substring(dot + 1);
        HeaderField exact = BY_EXTENSION.get(extension);
        if (exact != null) {
            return exact;
        }
        return BY_EXTENSION.getOrDefault(extension.toLowerCase(Locale.ROOT), FALLBACK_FIELD);
    }

    private static void text(String type, String... extensions) {
        binary(type + UTF8, extensions);
    }

    private static void binary(String type, String... extensions) {
        HeaderField field = field(type);
        for (String extension : extensions) {
            BY_EXTENSION.put(extension, field);
        }
    }

    private static HeaderField field(String type) {
        return new HeaderField("Content-Type", type);
    }
}
