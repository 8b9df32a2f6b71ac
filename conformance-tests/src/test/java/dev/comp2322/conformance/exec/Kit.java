package dev.comp2322.conformance.exec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.comp2322.conformance.cli.KitCommand;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the kit's command line in-process and keeps what it printed (tests of --exec and --targets). */
final class Kit {
    /** The example servers shipped beside the kit (the module's directory is the tests' working directory). */
    static final Path EXAMPLES = Path.of("examples").toAbsolutePath();

    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();

    int run(String... args) {
        return KitCommand.execute(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    List<String> errLines() {
        return err.toString(StandardCharsets.UTF_8).lines().toList();
    }

    /** Skips the test when there is no python3 to run the example servers with. */
    static void assumePython() {
        boolean present;
        try {
            Process p = new ProcessBuilder("python3", "--version").redirectErrorStream(true).start();
            present = p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            present = false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            present = false;
        }
        assumeTrue(present, "python3 is not installed: the example servers cannot run");
    }

    /** Asserts (waiting a bounded time for exits to be reaped) that this JVM has no child process left. */
    static void assertNothingLeftRunning() {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        List<ProcessHandle> alive = alive();
        while (!alive.isEmpty() && System.nanoTime() < deadline) {
            alive.forEach(p -> p.onExit().completeOnTimeout(p, 100, TimeUnit.MILLISECONDS).join());
            alive = alive();
        }
        assertThat(alive).as("processes the kit left running").isEmpty();
    }

    private static List<ProcessHandle> alive() {
        return ProcessHandle.current().descendants().filter(ProcessHandle::isAlive).toList();
    }
}
