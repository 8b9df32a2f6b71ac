package dev.comp2322.conformance.exec;

import dev.comp2322.conformance.ConformanceRun;
import dev.comp2322.conformance.RunOptions;
import dev.comp2322.conformance.RunReport;
import dev.comp2322.conformance.ServerLog;
import dev.comp2322.conformance.fixture.Fixture;
import dev.comp2322.conformance.fixture.FixtureInstaller;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * One submission, start to finish: install the fixture into its root (refusing to clobber its own
 * files), start its server, wait for the port, run the catalogue, stop the whole process tree, and return
 * the report with the server's record. A problem before any case could run is an {@link Unusable}.
 */
public final class ExecRun {
    /** Why the run could not happen; the CLI prints it as one line and exits 2. */
    public static final class Unusable extends Exception {
        private static final long serialVersionUID = 1L;

        Unusable(String message) {
            super(message);
        }
    }

    /** How many ports the kit picks before it gives up on finding one that stays free. */
    private static final int PICKED_PORT_ATTEMPTS = 3;

    private ExecRun() {
    }

    /**
     * Runs the catalogue against the server {@code spec} starts. {@code options} carry everything but the
     * target, which becomes {@code http://127.0.0.1:PORT}; {@code started} hears "server started" lines.
     */
    public static RunReport run(ExecSpec spec, RunOptions options, Consumer<String> started) throws Unusable {
        FixtureInstaller.Installed installed = installFixture(spec.root(), spec.force());
        started.accept("fixture: " + installed.files() + " files installed into " + installed.root()
                + ", canary at " + installed.canary());
        installed.warnings().forEach(w -> started.accept("warning: " + w));
        ServerProcess server = startAndAwaitPort(spec);
        try {
            int port = server.port();
            started.accept("server: pid " + server.pid() + ", port " + port + ": " + server.command());
            RunOptions onPort = options.withTarget("http://127.0.0.1:" + port);
            CrashWatch watch = new CrashWatch(server, options.listener());
            RunReport report = ConformanceRun.run(onPort.withListener(watch));
            OptionalInt exit = server.exitStatus(Duration.ZERO);
            List<String> lines = server.lastLines();
            return report.withServer(new ServerLog(server.command(), port, exit, watch.diedDuring(), lines),
                    watch.rewrite(report.results()));
        } finally {
            server.stop();
        }
    }

    /**
     * Starts the server and waits for its port. A port the kit picks can be taken by another process between
     * the pick and the server's bind (a marker's machine runs other things), so a picked port that already
     * answers is skipped, and a server that died while someone else took its port is started again on a new
     * one. A port the user named is the user's to free.
     */
    private static ServerProcess startAndAwaitPort(ExecSpec spec) throws Unusable {
        if (spec.port() != 0) {
            if (ServerProcess.accepts(spec.port())) {
                // Something else already answers there: the kit would test it instead of the submission.
                throw new Unusable("port " + spec.port() + " is already in use by another process; stop it or use --port 0");
            }
            return awaitPort(start(spec, spec.port()), spec, false);
        }
        for (int attempt = 1; ; attempt++) {
            ServerProcess server = start(spec, unansweredPort());
            ServerProcess ready = awaitPort(server, spec, attempt < PICKED_PORT_ATTEMPTS);
            if (ready != null) {
                return ready;
            }
        }
    }

    /**
     * The server once its port opens; {@code null} if it exited because another process took the port and
     * {@code mayRetry}; otherwise (stopping it first) an {@link Unusable} with the reason.
     */
    private static ServerProcess awaitPort(ServerProcess server, ExecSpec spec, boolean mayRetry) throws Unusable {
        Optional<String> notReady = server.awaitPort(spec.startupTimeout());
        if (notReady.isEmpty()) {
            return server;
        }
        boolean lostThePort = server.exitedLosingItsPort();
        server.stop();
        if (lostThePort && mayRetry) {
            return null;
        }
        throw new Unusable(notReady.get());
    }

    private static ServerProcess start(ExecSpec spec, int port) throws Unusable {
        try {
            return ServerProcess.start(spec, port);
        } catch (IOException e) {
            throw new Unusable("could not start the server command: " + e.getMessage());
        }
    }

    /** A free port from {@link FreePorts} that nothing answers on yet. */
    private static int unansweredPort() throws Unusable {
        for (int attempt = 0; attempt < PICKED_PORT_ATTEMPTS; attempt++) {
            int port = FreePorts.next();
            if (!ServerProcess.accepts(port)) {
                return port;
            }
        }
        throw new Unusable("every free port the system offered was taken before the server could use it ("
                + PICKED_PORT_ATTEMPTS + " tries); is something binding ports in a loop?");
    }

    /** Installs the fixture into {@code root}, refusing (unless {@code force}) to overwrite anything else. */
    public static FixtureInstaller.Installed installFixture(Path root, boolean force) throws Unusable {
        try {
            if (!force) {
                List<Path> clobbered = new FixtureGuard(Fixture.standard()).conflicts(root);
                if (!clobbered.isEmpty()) {
                    throw new Unusable("refusing to overwrite " + clobbered.size() + " file(s) that are not the kit's fixture: "
                            + clobbered.stream().map(Path::toString).collect(Collectors.joining(", "))
                            + " (use an empty --root, or --force)");
                }
            }
            if (Files.exists(root) && !Files.isDirectory(root)) {
                throw new Unusable("--root " + root + " is not a directory");
            }
            return new FixtureInstaller(Fixture.standard()).install(root);
        } catch (IOException e) {
            throw new Unusable("could not install the fixture into " + root + ": " + describe(e));
        }
    }

    private static String describe(IOException e) {
        String kind = e.getClass().getSimpleName();
        return e.getMessage() == null ? kind : kind + " " + e.getMessage();
    }
}
