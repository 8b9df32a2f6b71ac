package dev.comp2322.conformance.matrix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.comp2322.conformance.cli.KitCommand;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The targets file: what it accepts, and one line naming the line for everything it does not. */
class TargetsFileTest {
    @TempDir
    Path dir;

    @Test
    @DisplayName("a header, comments, quoted commas and relative roots are read")
    void readsAWellFormedFile() throws Exception {
        Path file = Files.writeString(dir.resolve("t.csv"),
                "name,target,root\n# skip me\n\nalice,\"python3 srv.py {port} {root}, quietly\",alice/www\nbob,http://127.0.0.1:8080\n");

        List<Submission> read = TargetsFile.read(file);

        assertThat(read).containsExactly(
                new Submission("alice", "python3 srv.py {port} {root}, quietly", java.util.Optional.of(dir.resolve("alice/www"))),
                new Submission("bob", "http://127.0.0.1:8080", java.util.Optional.empty()));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "one field                 | alice                                  | line 1: expected name,target,root, found 1 field(s)",
            "four fields               | a,b,c,d                                | line 1: expected name,target,root, found 4 field(s)",
            "a command without a root  | alice,python3 s.py {port}              | line 1: the command for alice needs a root",
            "a name used twice         | a,http://x:1\\na,http://x:2            | line 2: the name a is used twice",
            "an unterminated quote     | a,\"python3                            | not a readable CSV file",
            "no submissions            | # only a comment                       | no submissions"})
    void malformedFileIsOneLine(String what, String content, String message) throws Exception {
        Path file = Files.writeString(dir.resolve("t.csv"), content.replace("\\n", "\n") + "\n");

        assertThatThrownBy(() -> TargetsFile.read(file)).isInstanceOf(TargetsFile.Malformed.class).hasMessageContaining(message);
    }

    @Test
    @DisplayName("on the command line a malformed targets file is one line on stderr and exit 2")
    void malformedFileExitsTwo() throws Exception {
        Path file = Files.writeString(dir.resolve("t.csv"), "alice\n");
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int code = KitCommand.execute(new String[] {"--targets", file.toString(), "--matrix", dir.resolve("m.html").toString()},
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(code).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8).lines().toList()).containsExactly(
                "error: " + file + " line 1: expected name,target,root, found 1 field(s)");
    }
}
