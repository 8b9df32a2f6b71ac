package dev.comp2322.webserver.app.conformance;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Our packaged {@code webserver.jar} running as a separate process on a free port, for black-box tests:
 * started with the running JVM's own {@code java}, its port read from the banner, stopped with SIGTERM.
 * {@link #close()} never leaves the process behind.
 */
final class PackagedServer implements AutoCloseable {

    private static final String URL_PREFIX = "http://127.0.0.1:";

    private final Process process;
    private final BlockingQueue<String> stdout = new LinkedBlockingQueue<>();
    private final BlockingQueue<String> stderr = new LinkedBlockingQueue<>();
    private final int port;

    private PackagedServer(Process process, Duration startTimeout) throws IOException, InterruptedException {
        this.process = process;
        pump(process.getInputStream(), stdout::add);
        pump(process.getErrorStream(), stderr::add);
        String banner = stdout.poll(startTimeout.toMillis(), TimeUnit.MILLISECONDS);
        if (banner == null || !banner.contains(URL_PREFIX)) {
            close();
            throw new IOException("no banner from the server within " + startTimeout + " (stdout: " + banner
                    + ", stderr: " + stderr + ")");
        }
        int start = banner.indexOf(URL_PREFIX) + URL_PREFIX.length();
        this.port = Integer.parseInt(banner.substring(start, banner.indexOf('/', start)));
    }

    /**
     * Starts {@code java -jar jar --port 0 --root root --log log --quiet} plus {@code extra}, in {@code dir},
     * and waits up to {@code startTimeout} for its banner.
     */
    static PackagedServer start(Path jar, Path dir, Path root, Path log, Duration startTimeout, String... extra)
            throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> command = new java.util.ArrayList<>(List.of(java.toString(), "-jar", jar.toString(),
                "--port", "0", "--root", root.toString(), "--log", log.toString(), "--quiet"));
        command.addAll(List.of(extra));
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile());
        // The JVM takes its file-name encoding from the locale: café.txt needs UTF-8 whatever the machine's is.
        builder.environment().put("LC_ALL", "C.UTF-8");
        return new PackagedServer(builder.start(), startTimeout);
    }

    /** {@code http://127.0.0.1:PORT}, the real port from the banner. */
    String baseUri() {
        return URL_PREFIX + port;
    }

    /** What the server wrote to stderr so far (for failure messages). */
    List<String> stderr() {
        return List.copyOf(stderr);
    }

    /**
     * SIGTERM, then waits for a graceful stop; SIGKILL if it has not stopped in 20 s.
     *
     * @return the exit code, or -1 if it had to be killed
     */
    int stop() throws InterruptedException {
        process.destroy();
        if (process.waitFor(20, TimeUnit.SECONDS)) {
            return process.exitValue();
        }
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        return -1;
    }

    /** Stops the server if it still runs; interrupted, it kills it rather than leave it behind. */
    @Override
    public void close() {
        if (!process.isAlive()) {
            return;
        }
        try {
            stop();
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    /** Drains a child's stream, so a full pipe can never stall the server. */
    private static void pump(java.io.InputStream stream, Consumer<String> sink) {
        Thread.ofVirtual().start(() -> {
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
                reader.lines().forEach(sink);
            } catch (IOException | UncheckedIOException e) {
                // the process ended; nothing more to read
            }
        });
    }
}
