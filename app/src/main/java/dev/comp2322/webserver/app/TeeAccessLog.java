package dev.comp2322.webserver.app;

import dev.comp2322.webserver.domain.model.AccessLogEntry;
import dev.comp2322.webserver.domain.port.out.AccessLog;
import java.util.List;
import java.util.Objects;

/** An {@link AccessLog} that hands every entry to several logs in order, e.g. Log.csv then the console. */
public final class TeeAccessLog implements AccessLog {

    private final List<AccessLog> logs;

    /** Records to {@code logs} in this order; put the log of record (the CSV file) first. */
    public TeeAccessLog(List<AccessLog> logs) {
        this.logs = List.copyOf(Objects.requireNonNull(logs, "logs"));
    }

    @Override
    public void record(AccessLogEntry entry) {
        for (AccessLog log : logs) {
            log.record(entry);
        }
    }
}
