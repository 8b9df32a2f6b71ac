package dev.comp2322.webserver.archfixtures.domainleak.webserver.domain;

import dev.comp2322.webserver.archfixtures.domainleak.webserver.adapters.socket.FixtureWire;

/** Violation: the domain depends on an adapter. */
public final class DeciderThatKnowsTheWire {
    public int decide(FixtureWire wire) {
        return wire.port();
    }
}
