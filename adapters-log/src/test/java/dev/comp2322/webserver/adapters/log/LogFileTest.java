package dev.comp2322.webserver.adapters.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The file-level guarantees: header once, append only, and a failed append's torn tail removed. */
class LogFileTest {

    private static final ByteBuffer HEADER = ByteBuffer.wrap("h1,h2\r\n".getBytes(StandardCharsets.US_ASCII));

    @TempDir
    Path dir;

    static ByteBuffer bytes(String text) {
        return ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aTornTailLeftByAFailedAppendIsCutOffBeforeTheNextAppend() throws IOException {
        Path path = dir.resolve("Log.csv");
        LogFile file = LogFile.open(path, HEADER.duplicate());
        file.append(bytes("a,1\r\n"));
        file.close(); // the next append fails before writing anything...
        assertThatThrownBy(() -> file.append(bytes("b,\"half a quoted\r\nvalue\"\r\n"))).isInstanceOf(IOException.class);
        // ...and we put in its place what a disk-full partial write would have left: half a record.
        Files.writeString(path, "b,\"half a q", StandardOpenOption.APPEND);

        LogFile reopened = file.reopen(HEADER.duplicate());
        reopened.append(bytes("c,3\r\n"));
        reopened.close();

        assertThat(Files.readString(path)).isEqualTo("h1,h2\r\na,1\r\nc,3\r\n");
    }

    @Test
    void growthLargerThanTheFailedAppendIsSomeoneElsesAndIsKept() throws IOException {
        Path path = dir.resolve("Log.csv");
        LogFile file = LogFile.open(path, HEADER.duplicate());
        file.close();
        assertThatThrownBy(() -> file.append(bytes("x\r\n"))).isInstanceOf(IOException.class);
        Files.writeString(path, "other,writer,row", StandardOpenOption.APPEND);

        LogFile reopened = file.reopen(HEADER.duplicate());
        reopened.append(bytes("c,3\r\n"));
        reopened.close();

        assertThat(Files.readString(path)).isEqualTo("h1,h2\r\nother,writer,row\r\nc,3\r\n");
    }

    @Test
    void aReplacedFileIsNotHealthyAtItsPath() throws IOException {
        Path path = dir.resolve("Log.csv");
        LogFile file = LogFile.open(path, HEADER.duplicate());
        Files.move(path, dir.resolve("Log.csv.1"));
        Files.writeString(path, "");

        assertThat(file.isHealthyAtPath()).isFalse();
        file.close();
    }

    @Test
    void anOpenFileAtItsPathIsHealthy() throws IOException {
        LogFile file = LogFile.open(dir.resolve("Log.csv"), HEADER.duplicate());

        assertThat(file.isHealthyAtPath()).isTrue();
        file.close();
    }
}
