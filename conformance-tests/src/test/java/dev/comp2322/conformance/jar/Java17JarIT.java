package dev.comp2322.conformance.jar;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The kit jar is one file that runs on a Java 17 runtime (issue 11): students' machines have 17. */
@Timeout(120)
class Java17JarIT {
    @TempDir
    Path dir;

    @Test
    @DisplayName("the jar lists its catalogue on Java 17")
    void listsOnJava17() throws Exception {
        Result r = run(List.of(KitJar.java17().toString(), "-jar", KitJar.jar().toString(), "--list"));

        assertThat(r.code()).as(r.out()).isZero();
        assertThat(r.out()).contains("get-html").containsPattern("\\d+ cases");
    }

    @Test
    @DisplayName("on Java 17, --exec runs Python's http.server, prints the results and stops it")
    void execRunsOnJava17() throws Exception {
        KitJar.assumePython();
        Result r = run(List.of(KitJar.java17().toString(), "-jar", KitJar.jar().toString(),
                "--exec", "python3 -m http.server {port} --bind 127.0.0.1 --directory {root}",
                "--root", dir.resolve("www").toString(), "--port", "0", "--only", "get-html,get-png,head-html"));

        assertThat(r.code()).as(r.out()).isZero();
        List<String> lines = r.out().lines().toList();
        assertThat(lines.get(lines.size() - 1)).matches("\\d+ passed, 0 failed");
        assertThat(r.out()).contains("was still running after the run and was stopped by the kit");
    }

    private record Result(int code, String out) {
    }

    private static Result run(List<String> command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
    }
}
