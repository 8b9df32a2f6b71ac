package dev.comp2322.conformance.jar;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every process the kit starts is gone when it exits, whether it finishes or is stopped with Ctrl-C
 * (SIGINT), even when the server has started a child of its own ({@code examples/never_answers.py}).
 */
@Timeout(120)
class ProcessCleanupIT {
    private static final Path SERVER = Path.of("examples/never_answers.py").toAbsolutePath();

    @TempDir
    Path dir;

    private Process kit;
    private final List<ProcessHandle> tree = new ArrayList<>();

    @BeforeEach
    void python() {
        KitJar.assumePython();
    }

    @AfterEach
    void stopKit() {
        if (kit != null) {
            kit.destroyForcibly();
        }
        tree.forEach(ProcessHandle::destroyForcibly);
    }

    @Test
    @DisplayName("after a run ends, the server and its child are gone")
    void treeIsGoneAfterANormalEnd() throws Exception {
        startKit("--only", "get-html", "--timeout", "1s");
        snapshotTreeOnceTheServerIsUp();

        assertThat(kit.waitFor(60, TimeUnit.SECONDS)).isTrue();

        assertAllGone();
    }

    @Test
    @DisplayName("after Ctrl-C (SIGINT) in the middle of a run, the server and its child are gone")
    void treeIsGoneAfterCtrlC() throws Exception {
        startKit("--timeout", "30s");
        snapshotTreeOnceTheServerIsUp();

        Process interrupt = new ProcessBuilder("kill", "-INT", Long.toString(kit.pid())).start();
        assertThat(interrupt.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(kit.waitFor(30, TimeUnit.SECONDS)).as("the kit exits on SIGINT").isTrue();

        assertAllGone();
    }

    private void startKit(String... extra) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                // A JVM started with SIGINT ignored (as background jobs are) keeps ignoring it; restore the default
                // first, so the kit sees the Ctrl-C a user would send from a terminal.
                "python3", "-c", "import os,signal,sys; signal.signal(signal.SIGINT, signal.SIG_DFL); os.execvp(sys.argv[1], sys.argv[1:])",
                ProcessHandle.current().info().command().orElse("java"), "-jar", KitJar.jar().toString(),
                "--exec", "python3 " + SERVER + " {port}", "--root", dir.resolve("www").toString()));
        command.addAll(List.of(extra));
        kit = new ProcessBuilder(command).redirectErrorStream(true).start();
    }

    /** Reads the kit's output until it says the server is up (the child is started before the port opens). */
    private void snapshotTreeOnceTheServerIsUp() throws Exception {
        BufferedReader reader = new BufferedReader(new InputStreamReader(kit.getInputStream(), StandardCharsets.UTF_8));
        CompletableFuture<String> up = CompletableFuture.supplyAsync(() -> {
            try {
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    if (line.startsWith("server: pid ")) {
                        return line;
                    }
                }
                return "the kit ended without starting the server";
            } catch (IOException e) {
                return e.toString();
            }
        });
        assertThat(up.get(30, TimeUnit.SECONDS)).startsWith("server: pid ");
        kit.descendants().forEach(tree::add);
        assertThat(tree).as("sh, python3 and its sleep child")
                .anyMatch(p -> p.info().command().orElse("").endsWith("sleep"));
        // Keep draining so the kit never blocks on a full pipe.
        CompletableFuture.runAsync(() -> {
            try {
                reader.transferTo(java.io.Writer.nullWriter());
            } catch (IOException e) {
                // The kit has gone.
            }
        });
    }

    private void assertAllGone() {
        for (ProcessHandle p : tree) {
            p.onExit().completeOnTimeout(p, 10, TimeUnit.SECONDS).join();
        }
        assertThat(tree.stream().filter(ProcessHandle::isAlive).map(p -> p.pid() + " " + p.info().commandLine().orElse("")))
                .as("processes left running").isEmpty();
    }
}
