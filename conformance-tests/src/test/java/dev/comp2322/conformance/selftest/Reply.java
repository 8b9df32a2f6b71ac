package dev.comp2322.conformance.selftest;

import java.util.ArrayList;
import java.util.List;

/** A response the self-test server is about to write. */
final class Reply {
    final int status;
    final List<String[]> fields = new ArrayList<>();
    byte[] body = new byte[0];
    boolean sendBody = true;
    /** The reply to a HEAD request (its Content-Length is GET's). */
    boolean head;
    boolean close;
    /** Close without writing anything (a server that drops malformed requests). */
    boolean silent;
    /** Written without Content-Length although the connection stays open. */
    boolean unframed;
    /** The answer to an HTTP/1.0 keep-alive request that keeps the connection. */
    boolean http10KeepAlive;

    Reply(int status) {
        this.status = status;
    }

    Reply field(String name, String value) {
        fields.add(new String[] {name, value});
        return this;
    }

    static String reason(int status) {
        return switch (status) {
            case 200 -> "OK";
            case 301 -> "Moved Permanently";
            case 304 -> "Not Modified";
            case 400 -> "Bad Request";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 414 -> "URI Too Long";
            case 431 -> "Request Header Fields Too Large";
            case 500 -> "Internal Server Error";
            case 501 -> "Not Implemented";
            case 505 -> "HTTP Version Not Supported";
            default -> "Status";
        };
    }
}
