package dev.comp2322.webserver.adapters.fs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.comp2322.webserver.domain.model.ResourcePath;
import dev.comp2322.webserver.domain.port.out.Resource;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Small files come from memory, but never a byte that is no longer what the file holds. */
class SmallFileCacheTest {

    private static final ResourcePath PAGE = new ResourcePath(List.of("page.html"), false);

    @TempDir
    Path root;

    FileSystemLookup lookup;

    @BeforeEach
    void createPageAndLookup() throws IOException {
        Files.writeString(root.resolve("page.html"), "first version");
        lookup = new FileSystemLookup(root);
    }

    private String served() {
        Resource.File file = (Resource.File) lookup.lookup(PAGE);
        ByteBuffer bytes = lookup.inMemory(file.content()).orElseThrow();
        assertThat(bytes.remaining()).isEqualTo(file.size());
        return StandardCharsets.UTF_8.decode(bytes).toString();
    }

    @Test
    void aSmallFileIsServedFromMemory() {
        assertThat(served()).isEqualTo("first version");
        assertThat(served()).isEqualTo("first version");
    }

    @Test
    void anEditOfTheSameSizeIsSeenAtOnceBecauseTheModificationTimeChanged() throws IOException {
        assertThat(served()).isEqualTo("first version");
        Files.writeString(root.resolve("page.html"), "other version");
        Files.setLastModifiedTime(root.resolve("page.html"), FileTime.from(Instant.parse("2030-01-01T00:00:00Z")));

        assertThat(served()).isEqualTo("other version");
    }

    @Test
    void aFileReplacedByRenameIsSeenAtOnceEvenWithTheSameSizeAndTime() throws IOException {
        FileTime time = Files.getLastModifiedTime(root.resolve("page.html"));
        assertThat(served()).isEqualTo("first version");
        Path replacement = Files.writeString(root.resolve("replacement.tmp"), "other version");
        Files.setLastModifiedTime(replacement, time);
        Files.move(replacement, root.resolve("page.html"), StandardCopyOption.REPLACE_EXISTING);

        assertThat(served()).isEqualTo("other version"); // a new inode: the file key differs
    }

    @Test
    void aFileLargerThanTheLimitIsStreamedInstead() throws IOException {
        Files.write(root.resolve("big.bin"), new byte[CacheLimits.SMALL_FILE_BYTES + 1]);
        Resource.File file = (Resource.File) lookup.lookup(new ResourcePath(List.of("big.bin"), false));

        assertThat(lookup.inMemory(file.content())).isEmpty();
    }

    @Test
    void aCachedFileCanStillBeOpenedForStreaming() throws IOException {
        Resource.File file = (Resource.File) lookup.lookup(PAGE);

        assertThat(FileSystemLookupTest.read(lookup, file)).isEqualTo("first version");
    }

    @Test
    void aDeletedFileIsMissingEvenThoughItsBytesWereCached() throws IOException {
        assertThat(served()).isEqualTo("first version");
        Files.delete(root.resolve("page.html"));

        assertThat(lookup.lookup(PAGE)).isEqualTo(Resource.MISSING);
    }
}
