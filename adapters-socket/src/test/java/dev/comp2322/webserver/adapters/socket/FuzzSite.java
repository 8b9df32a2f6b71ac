package dev.comp2322.webserver.adapters.socket;

import dev.comp2322.webserver.domain.model.ResourcePath;
import dev.comp2322.webserver.domain.port.out.ContentHandle;
import dev.comp2322.webserver.domain.port.out.FileLookup;
import dev.comp2322.webserver.domain.port.out.Resource;
import java.time.Instant;
import java.util.Map;

/**
 * A small in-memory document root for the hostile-input fuzz test: a few files, a directory with an
 * index and one without, so fuzzed targets reach 200, 304, 301 and 404 decisions as well as errors.
 * It also records the longest path it was asked for, to show the domain only ever asks for safe paths.
 */
final class FuzzSite implements FileLookup {

    /** The handle of an in-memory file. */
    record Handle(String path) implements ContentHandle {}

    private static final Instant MTIME = Instant.parse("2025-01-01T10:00:00Z");
    private static final Map<String, Long> FILES = Map.of(
            "/index.html", 1200L,
            "/a", 5L,
            "/docs/index.html", 64L,
            "/caf\u00e9.txt", 3L,
            "/big.bin", 1L << 40);
    private static final Map<String, Boolean> DIRECTORIES = Map.of("/", true, "/docs", true, "/empty", true);

    @Override
    public Resource lookup(ResourcePath path) {
        String key = "/" + String.join("/", path.segments());
        Long size = FILES.get(key);
        if (size != null) {
            return new Resource.File(size, MTIME, new Handle(key));
        }
        return DIRECTORIES.containsKey(key) ? Resource.DIRECTORY : Resource.MISSING;
    }
}
