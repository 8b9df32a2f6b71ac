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
        int port = spec.port() == 0 ? FreePorts.next() : spec.port();
        if (ServerProcess.accepts(port)) {
            // Something else already answers there: the kit would test it instead of the submission.
            throw new Unusable("port " + port + " is already in use by another process; stop it or use --port 0");
        }
        ServerProcess server;
        try {
            server = ServerProcess.start(spec, port);
        } catch (IOException e) {
            throw new Unusable("could not start the server command: " + e.getMessage());
        }
        try {
            String notReady = server.awaitPort(spec.startupTimeout()).orElse(null);
            if (notReady != null) {
                throw new Unusable(notReady);
            }
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
