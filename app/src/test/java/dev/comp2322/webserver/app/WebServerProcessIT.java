package dev.comp2322.webserver.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end: the packaged {@code webserver.jar} as a separate process on a free port, real HTTP
 * requests from {@link HttpClient}, then SIGTERM ({@link ProcessHandle#destroy()}): it must exit 0 with one
 * Log.csv record per response.
 */
@Timeout(60)
class WebServerProcessIT {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    Path dir;

    private Process process;
    private final BlockingQueue<String> stdout = new LinkedBlockingQueue<>();
    private final BlockingQueue<String> stderr = new LinkedBlockingQueue<>();
    private Thread stdoutPump;

    private Path root;
    private String java;
    private Path jar;

    @BeforeEach
    void prepareASite() throws IOException {
        jar = Path.of(System.getProperty("webserver.jar", "target/webserver.jar")).toAbsolutePath();
        assertThat(jar).as("the shaded jar, built in the package phase").exists();
        root = Files.createDirectory(dir.resolve("www"));
        Files.writeString(root.resolve("index.html"), "<h1>It works</h1>");
        Files.writeString(root.resolve("hello world.txt"), "hi");
        // The java that runs this test is the toolchain's JDK >= 21, which the jar needs.
        java = ProcessHandle.current().info().command().orElse("java");
    }

    private List<String> serverCommand(String... extra) {
        List<String> command = new ArrayList<>(List.of(java, "-jar", jar.toString(), "--port", "0",
                "--root", root.toString(), "--log", dir.resolve("Log.csv").toString()));
        command.addAll(List.of(extra));
        return command;
    }

    private void launch(List<String> command) throws IOException {
        launch(new ProcessBuilder(command).directory(dir.toFile()));
    }

    private void launch(ProcessBuilder builder) throws IOException {
        process = builder.start();
        stdoutPump = pump(new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8)), stdout::add);
        pump(new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8)), stderr::add);
    }

    @AfterEach
    void neverLeaveTheProcessRunning() throws InterruptedException {
        if (process == null) {
            return;
        }
        List<ProcessHandle> descendants = process.descendants().toList();
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        for (ProcessHandle child : descendants) {
            child.destroyForcibly();
        }
    }

    /** Drains a child's stream on a daemon thread, so a full pipe can never stall the server. */
    private static Thread pump(BufferedReader reader, java.util.function.Consumer<String> sink) {
        return Thread.ofVirtual().start(() -> {
            try (reader) {
                reader.lines().forEach(sink);
            } catch (IOException | java.io.UncheckedIOException e) {
                // the process ended; nothing more to read
            }
        });
    }

    private String banner() throws InterruptedException {
        String line = stdout.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertThat(line).as("banner line within %s (stderr: %s)", WAIT, stderr).isNotNull();
        return line;
    }

    private static int portIn(String banner) {
        int start = banner.indexOf("http://127.0.0.1:") + "http://127.0.0.1:".length();
        return Integer.parseInt(banner.substring(start, banner.indexOf('/', start)));
    }

    @Test
    void servesPagesStopsOnSigtermWithExit0AndLogsEveryResponse() throws Exception {
        launch(serverCommand());
        String banner = banner();
        assertThat(banner).startsWith("Serving ").contains(" on http://127.0.0.1:").endsWith(", profile course)");
        URI base = URI.create("http://127.0.0.1:" + portIn(banner) + "/");

        List<Integer> statuses = new ArrayList<>();
        try (HttpClient client = HttpClient.newBuilder().connectTimeout(WAIT).build()) {
            for (String target : List.of("", "hello%20world.txt", "missing.html")) {
                HttpRequest request = HttpRequest.newBuilder(base.resolve(target)).timeout(WAIT).build();
                statuses.add(client.send(request, HttpResponse.BodyHandlers.ofString()).statusCode());
            }
        }
        // SIGTERM, as Process.destroy() sends, but through the handle, which leaves our end of the child's
        // stdout open so its last lines can still be read.
        process.toHandle().destroy();

        assertThat(process.waitFor(WAIT.toSeconds(), TimeUnit.SECONDS)).as("stopped within %s", WAIT).isTrue();
        assertThat(process.exitValue()).isZero();
        assertThat(stdoutPump.join(WAIT)).as("stdout read to its end").isTrue();
        assertThat(statuses).containsExactly(200, 200, 404);
        List<String> records = Files.readAllLines(dir.resolve("Log.csv"), StandardCharsets.UTF_8);
        assertThat(records).hasSize(1 + 3);
        assertThat(records.get(1)).contains(",GET,/,HTTP/1.1,200,");
        assertThat(records.get(2)).contains(",GET,/hello%20world.txt,HTTP/1.1,200,");
        assertThat(records.get(3)).contains(",GET,/missing.html,HTTP/1.1,404,");
        // "→", or "->" when the child's console charset can't encode the arrow (e.g. LANG=C in CI).
        assertThat(stdout).anySatisfy(line -> assertThat(line).containsPattern("GET /missing\\.html (→|->) 404"));
        assertThat(stdout).last().isEqualTo("Stopped.");
    }

    @Test
    void withStopWithParent_whenTheLaunchingProcessDies_thenTheServerStopsGracefully() throws Exception {
        // sh plays Maven's part: it starts the server as its child, and a SIGTERM ends sh alone. The server
        // writes to a FIFO rather than through sh's stdout pipe, which the JDK closes on our side once sh exits.
        Path fifo = dir.resolve("server-output");
        assertThat(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor()).isZero();
        List<String> shell = new ArrayList<>(List.of("sh", "-c", "\"$@\" > \"$0\" & wait", fifo.toString()));
        shell.addAll(serverCommand("--stop-with-parent"));
        process = new ProcessBuilder(shell).directory(dir.toFile()).start();
        stdoutPump = pump(Files.newBufferedReader(fifo, StandardCharsets.UTF_8), stdout::add);
        String banner = banner();
        ProcessHandle serverProcess = process.descendants().findFirst().orElseThrow();
        URI base = URI.create("http://127.0.0.1:" + portIn(banner) + "/");
        try (HttpClient client = HttpClient.newBuilder().connectTimeout(WAIT).build()) {
            client.send(HttpRequest.newBuilder(base).timeout(WAIT).build(), HttpResponse.BodyHandlers.discarding());
        }

        process.toHandle().destroy(); // SIGTERM to sh only

        serverProcess.onExit().get(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertThat(stdoutPump.join(WAIT)).as("server output read to its end").isTrue();
        assertThat(stdout).last().isEqualTo("Stopped.");
        assertThat(Files.readAllLines(dir.resolve("Log.csv"), StandardCharsets.UTF_8)).hasSize(1 + 1);
    }

    @Test
    void underAPosixLocale_itWarnsOnStderrThatNonAsciiFileNamesWillNotBeFound() throws Exception {
        ProcessBuilder builder = new ProcessBuilder(serverCommand()).directory(dir.toFile());
        builder.environment().keySet().removeIf(name -> name.equals("LANG") || name.startsWith("LC_"));
        builder.environment().put("LC_ALL", "POSIX");
        launch(builder);

        assertThat(banner()).startsWith("Serving ");
        String warning = stderr.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertThat(warning).as("a warning on stderr").isNotNull()
                .startsWith("webserver: warning: file names are encoded as ")
                .endsWith("non-ASCII file names will not be found; run with LC_ALL=C.UTF-8");
        process.toHandle().destroy();
        assertThat(process.waitFor(WAIT.toSeconds(), TimeUnit.SECONDS)).as("stopped within %s", WAIT).isTrue();
    }
}
