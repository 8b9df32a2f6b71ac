package dev.comp2322.webserver.domain.rules;

import dev.comp2322.webserver.domain.model.ResourcePath;
import dev.comp2322.webserver.domain.port.out.ContentHandle;
import dev.comp2322.webserver.domain.port.out.FileLookup;
import dev.comp2322.webserver.domain.port.out.Resource;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/** A fake document root: a map from {@code /a/b} to what is there. Directories are implied by files. */
final class InMemoryFiles implements FileLookup {

    /** A content handle that names its file, so tests can tell which one was chosen. */
    record Handle(String path) implements ContentHandle {}

    private final Map<String, Resource> entries = new HashMap<>();

    InMemoryFiles() {
        entries.put("/", Resource.DIRECTORY);
    }

    /** Adds a file and every directory above it. */
    InMemoryFiles file(String path, long size, Instant lastModified) {
        entries.put(path, new Resource.File(size, lastModified, new Handle(path)));
        for (int slash = path.lastIndexOf('/'); slash > 0; slash = path.lastIndexOf('/', slash - 1)) {
            entries.put(path.substring(0, slash), Resource.DIRECTORY);
        }
        return this;
    }

    /** Adds an empty directory. */
    InMemoryFiles directory(String path) {
        entries.put(path, Resource.DIRECTORY);
        return this;
    }

    @Override
    public Resource lookup(ResourcePath path) {
        return entries.getOrDefault("/" + String.join("/", path.segments()), Resource.MISSING);
    }
}
