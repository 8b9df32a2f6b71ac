package dev.comp2322.webserver.archfixtures.domainleak.webserver.adapters.socket;

/** A socket adapter class; the domain fixture wrongly uses it. */
public final class FixtureWire {
    public int port() {
        return 0;
    }
}
