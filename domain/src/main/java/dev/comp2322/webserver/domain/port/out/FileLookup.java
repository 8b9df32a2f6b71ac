package dev.comp2322.webserver.domain.port.out;

import dev.comp2322.webserver.domain.model.ResourcePath;

/** Driven port: tells what the document root holds at a normalised path. */
public interface FileLookup {

    /** What is at {@code path} below the document root; never null. */
    Resource lookup(ResourcePath path);
}
