package dev.comp2322.webserver.archfixtures.adaptercycle.webserver.adapters.fs;

import dev.comp2322.webserver.archfixtures.adaptercycle.webserver.adapters.log.FixtureLog;

/** Violation: an adapter (fs) that depends on another adapter (log). */
public final class LookupThatLogs {
    private final FixtureLog log = new FixtureLog();

    public void lookup(String path) {
        log.write(path);
    }
}
