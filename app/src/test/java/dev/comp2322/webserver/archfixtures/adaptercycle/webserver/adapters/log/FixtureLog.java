package dev.comp2322.webserver.archfixtures.adaptercycle.webserver.adapters.log;

/** A log adapter class; the fs adapter fixture wrongly uses it. */
public final class FixtureLog {
    public void write(String line) {
        // nothing: only its type matters
    }
}
