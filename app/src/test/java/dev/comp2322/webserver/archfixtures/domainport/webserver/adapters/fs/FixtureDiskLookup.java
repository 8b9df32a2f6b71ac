package dev.comp2322.webserver.archfixtures.domainport.webserver.adapters.fs;

import dev.comp2322.webserver.archfixtures.domainport.webserver.domain.port.out.FixtureLookup;

/** An adapter implementing the domain's port, with a nested callback interface and a sealed type of its own. */
public final class FixtureDiskLookup implements FixtureLookup {

    /** Nested: part of this class's API, not a port. */
    public interface Listener {
        void looked(String path);
    }

    /** Sealed: no one else can implement it. */
    public sealed interface Answer permits Found {}

    /** The one answer. */
    public record Found() implements Answer {}

    @Override
    public boolean exists(String path) {
        return false;
    }
}
