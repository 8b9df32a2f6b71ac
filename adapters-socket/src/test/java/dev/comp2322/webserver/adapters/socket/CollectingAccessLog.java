package dev.comp2322.webserver.adapters.socket;

import dev.comp2322.webserver.domain.model.AccessLogEntry;
import dev.comp2322.webserver.domain.port.out.AccessLog;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** An access log that keeps every entry in memory, for assertions. */
final class CollectingAccessLog implements AccessLog {

    private final List<AccessLogEntry> entries = new CopyOnWriteArrayList<>();

    @Override
    public void record(AccessLogEntry entry) {
        entries.add(entry);
    }

    List<AccessLogEntry> entries() {
        return List.copyOf(entries);
    }

    int size() {
        return entries.size();
    }
}
