package dev.comp2322.webserver.domain.model;

import java.util.Objects;

/** The peer of a connection: its IP address as text and its TCP port. */
public record ClientAddress(String ip, int port) {

    public ClientAddress {
        Objects.requireNonNull(ip, "ip");
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
    }

    @Override
    public String toString() {
        return ip.indexOf(':') >= 0 ? "[" + ip + "]:" + port : ip + ":" + port;
    }
}
