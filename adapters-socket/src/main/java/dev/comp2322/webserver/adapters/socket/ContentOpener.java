package dev.comp2322.webserver.adapters.socket;

import dev.comp2322.webserver.domain.port.out.ContentHandle;
import java.io.IOException;
import java.nio.channels.FileChannel;

/**
 * Opens the content a {@link dev.comp2322.webserver.domain.model.Body.FileContent} refers to, for
 * streaming. The adapter that issued the handle (e.g. the file-system lookup) implements it; the
 * wire closes the channel after each response.
 */
@FunctionalInterface
public interface ContentOpener {

    /** Opens the handle's content for reading; throws when it has gone (e.g. NoSuchFileException). */
    FileChannel open(ContentHandle handle) throws IOException;
}
