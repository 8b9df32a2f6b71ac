package dev.comp2322.conformance.exec;

import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.ExecutionException;

/**
 * A submission's server, started by {@code sh -c COMMAND} in its own session and process group
 * ({@code setsid}, where there is one) so the whole tree can be stopped: SIGTERM to the group and to every
 * process the kit has seen in the tree, then SIGKILL after {@link #GRACE}.
 */
public final class ServerProcess implements AutoCloseable {
    /** How long a server has to exit after SIGTERM before it gets SIGKILL. */
    static final Duration GRACE = Duration.ofSeconds(3);
    private static final int TAIL_LINES = 20;
    private static final Optional<Path> SETSID = List.of(Path.of("/usr/bin/setsid"), Path.of("/bin/setsid")).stream()
            .filter(Files::isExecutable).findFirst();

    private final Process process;
    private final String command;
    private final int port;
    private final OutputTail output;
    /** Every process ever seen in the tree: a child whose parent died is no longer a descendant, but still ours. */
    private final Set<ProcessHandle> seen = new LinkedHashSet<>();
    private boolean stopped;

    private ServerProcess(Process process, String command, int port) {
        this.process = process;
        this.command = command;
        this.port = port;
        this.output = OutputTail.of(process.getInputStream(), TAIL_LINES);
        ProcessReaper.register(this);
        observeTree();
    }

    /** Starts the command; stdin is empty, stdout and stderr are merged and drained. */
    public static ServerProcess start(ExecSpec spec, int port) throws IOException {
        String command = spec.commandFor(port);
        List<String> argv = SETSID.map(s -> List.of(s.toString(), "sh", "-c", command))
                .orElse(List.of("sh", "-c", command));
        ProcessBuilder builder = new ProcessBuilder(argv).redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        spec.workdir().ifPresent(dir -> builder.directory(dir.toFile()));
        // Python buffers stdout when it is a pipe: ask for lines as they are written, so a crash's last words arrive.
        builder.environment().put("PYTHONUNBUFFERED", "1");
        return new ServerProcess(builder.start(), command, port);
    }

    /** The pid of {@code sh} (the group leader under setsid). */
    public long pid() {
        return process.pid();
    }

    /** The command as run, placeholders filled in. */
    public String command() {
        return command;
    }

    /** The port the server was told to use. */
    public int port() {
        return port;
    }

    /**
     * Waits until 127.0.0.1:port accepts a connection, the process exits, or the timeout passes.
     * Returns empty when the port is open; otherwise the one-line reason.
     */
    public Optional<String> awaitPort(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            observeTree();
            if (!process.isAlive()) {
                return Optional.of("the server command exited with status " + process.exitValue()
                        + " before port " + port + " opened" + lastWords());
            }
            // Alive after the port answered, too: a server that died as another process took its port is not ready.
            if (accepts(port) && process.isAlive()) {
                return Optional.empty();
            }
            waitForExit(Duration.ofMillis(100));
        }
        return Optional.of("port " + port + " did not open within " + timeout.toMillis() + " ms of starting the server"
                + lastWords());
    }

    /**
     * True if the server has exited and its port is another process's: something answers there now, or the
     * server's last words say its bind failed (the strerror text glibc, musl, Java and Python print, or Node's
     * error code).
     */
    public boolean exitedLosingItsPort() {
        if (exitStatus(Duration.ZERO).isEmpty()) {
            return false;
        }
        return accepts(port) || lastLines().stream().anyMatch(l -> l.contains("Address already in use") || l.contains("EADDRINUSE"));
    }

    /** The exit status if the process has ended, waiting at most {@code patience} for it to end. */
    public OptionalInt exitStatus(Duration patience) {
        observeTree();
        return waitForExit(patience) ? OptionalInt.of(process.exitValue()) : OptionalInt.empty();
    }

    /** The last lines of output; after an exit, waits briefly for the pipe to drain first. */
    public List<String> lastLines() {
        return process.isAlive() ? output.lines() : output.linesAfterExit(1000);
    }

    /** Stops the whole tree: SIGTERM, then SIGKILL to whatever is left after the grace period. Idempotent. */
    public void stop() {
        synchronized (this) {
            if (stopped) {
                return;
            }
            stopped = true;
        }
        observeTree();
        signalGroup("TERM");
        seen.forEach(ProcessHandle::destroy);
        if (!allExit(GRACE)) {
            observeTree();
            signalGroup("KILL");
            seen.forEach(ProcessHandle::destroyForcibly);
            allExit(GRACE);
        }
        ProcessReaper.unregister(this);
    }

    @Override
    public void close() {
        stop();
    }

    private synchronized void observeTree() {
        seen.add(process.toHandle());
        process.descendants().forEach(seen::add);
    }

    /** True if something accepts TCP connections on 127.0.0.1:port. */
    static boolean accepts(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private boolean waitForExit(Duration patience) {
        try {
            return process.waitFor(patience.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !process.isAlive();
        }
    }

    private boolean allExit(Duration within) {
        List<ProcessHandle> alive;
        synchronized (this) {
            alive = seen.stream().filter(ProcessHandle::isAlive).toList();
        }
        CompletableFuture<?> all = CompletableFuture.allOf(alive.stream().map(ProcessHandle::onExit)
                .toArray(CompletableFuture[]::new));
        try {
            all.get(within.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException | ExecutionException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Signals the process group (setsid made sh its leader): catches children that left the tree. */
    private void signalGroup(String signal) {
        if (SETSID.isEmpty()) {
            return;
        }
        try {
            Process kill = new ProcessBuilder("kill", "-" + signal, "--", "-" + process.pid())
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            kill.waitFor(2, TimeUnit.SECONDS);
        } catch (IOException e) {
            // No kill(1): the per-process signals below still reach every process the kit has seen.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private String lastWords() {
        List<String> lines = lastLines();
        return lines.isEmpty() ? " (it printed nothing)" : " (last output: " + lines.get(lines.size() - 1).trim() + ")";
    }
}
