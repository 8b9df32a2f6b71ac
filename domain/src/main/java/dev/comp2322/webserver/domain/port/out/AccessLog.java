package dev.comp2322.webserver.domain.port.out;

import dev.comp2322.webserver.domain.model.AccessLogEntry;

/** Driven port: receives one entry per completed exchange. */
public interface AccessLog {

    /** Records one completed exchange. May block briefly when the writer is behind; never drops. */
    void record(AccessLogEntry entry);
}
