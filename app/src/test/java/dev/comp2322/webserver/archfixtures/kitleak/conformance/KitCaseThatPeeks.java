package dev.comp2322.webserver.archfixtures.kitleak.conformance;

import dev.comp2322.webserver.archfixtures.kitleak.webserver.domain.FixtureStatus;

/** Violation: a conformance-kit class that uses a server class instead of the wire. */
public final class KitCaseThatPeeks {
    public boolean expectsOk(int status) {
        return FixtureStatus.OK.ordinal() == status - 200;
    }
}
