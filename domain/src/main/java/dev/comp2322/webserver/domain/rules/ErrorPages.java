package dev.comp2322.webserver.domain.rules;

import dev.comp2322.webserver.domain.model.Body;
import dev.comp2322.webserver.domain.model.Status;

/**
 * The small HTML documents that explain a non-200 status (RFC 9110 §15.5: a 4xx SHOULD carry an
 * explanation). Anything taken from the request is HTML-escaped before it goes in.
 */
final class ErrorPages {

    private ErrorPages() {}

    /** A page naming the status, with its standard explanation. */
    static Body.Text page(Status status) {
        return render(status, explanation(status));
    }

    /** The 404 page, naming the (decoded) path that was asked for. */
    static Body.Text notFound(String path) {
        return render(Status.NOT_FOUND, "Nothing is served at <code>" + escape(path) + "</code>.");
    }

    /** The 301 page, linking to where the resource is (RFC 9110 §15.4.2: SHOULD include a hyperlink). */
    static Body.Text movedTo(String location) {
        String escaped = escape(location);
        return render(Status.MOVED_PERMANENTLY, "It is now at <a href=\"" + escaped + "\">" + escaped + "</a>.");
    }

    /** Text made safe inside HTML element content and double-quoted attribute values. */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    private static Body.Text render(Status status, String explanationHtml) {
        String title = status.codeAndReason();
        return new Body.Text("<!DOCTYPE html>\n<html lang=\"en\">\n<head><meta charset=\"utf-8\"><title>" + title
                + "</title></head>\n<body>\n<h1>" + title + "</h1>\n<p>" + explanationHtml + "</p>\n</body>\n</html>\n");
    }

    private static String explanation(Status status) {
        return switch (status) {
            case OK, NOT_MODIFIED -> "";
            case MOVED_PERMANENTLY -> "The resource has moved.";
            case BAD_REQUEST -> "The server could not understand this request.";
            case NOT_FOUND -> "Nothing is served at this address.";
            case METHOD_NOT_ALLOWED -> "This server only answers GET and HEAD.";
            case REQUEST_TIMEOUT -> "The request did not arrive in time.";
            case CONTENT_TOO_LARGE -> "The request's content is larger than this server accepts.";
            case URI_TOO_LONG -> "The request-target is longer than this server accepts.";
            case REQUEST_HEADER_FIELDS_TOO_LARGE -> "The request's header section is larger than this server accepts.";
            case NOT_IMPLEMENTED -> "This server does not implement that method or transfer coding.";
            case HTTP_VERSION_NOT_SUPPORTED -> "This server speaks HTTP/1.1 and HTTP/1.0 only.";
        };
    }
}
