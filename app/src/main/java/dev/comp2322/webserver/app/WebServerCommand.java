package dev.comp2322.webserver.app;

import dev.comp2322.webserver.adapters.socket.WireSettings;
import dev.comp2322.webserver.domain.rules.Profile;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;

/**
 * The {@code webserver} command: reads the command line, starts the server, prints which port it is
 * monitoring, and stops gracefully on SIGINT/SIGTERM.
 *
 * <p>Exit codes: {@value #EXIT_OK} after a clean stop, {@value #EXIT_STARTUP_FAILURE} when the server
 * could not start (missing root, port in use, unopenable log), {@value #EXIT_USAGE} for bad arguments.
 * Every failure is one line on stderr, never a stack trace.
 *
 * <p>The options are declared with picocli's programmatic API rather than its annotations: reading
 * annotations makes the JDK generate a proxy class per annotation type, and setting fields by
 * reflection spins method-handle classes, none of which the AOT cache can hold. That was ~70 ms of a
 * ~220 ms start on one core (BENCHMARKS.md, "Start-up"); declared this way, picocli runs on classes the
 * cache already has.
 */
public final class WebServerCommand implements Callable<Integer> {

    /** A clean stop, or --help / --version. */
    public static final int EXIT_OK = 0;
    /** The server could not start. */
    public static final int EXIT_STARTUP_FAILURE = 1;
    /** The command line was wrong. */
    public static final int EXIT_USAGE = 2;

    private static final WireSettings WIRE_DEFAULTS = WireSettings.defaults();

    private final CommandSpec spec = CommandSpec.wrapWithoutInspection(this);
    private final OptionSpec bind = option("--bind", "ADDRESS", InetAddress.class, "127.0.0.1",
            "Address to listen on (default: ${DEFAULT-VALUE}; 0.0.0.0 for every interface).");
    private final OptionSpec port = option("--port", "PORT", int.class, "2130",
            "TCP port (default: ${DEFAULT-VALUE}; 0 = any free port, printed at start).");
    private final OptionSpec root = option("--root", "DIR", Path.class, "./www",
            "Document root to serve (default: ${DEFAULT-VALUE}).");
    private final OptionSpec log = option("--log", "FILE", Path.class, "./Log.csv",
            "Access log, appended to (default: ${DEFAULT-VALUE}).");
    private final OptionSpec profile = option("--profile", "course|rfc", Profile.class, "course",
            "Status profile: course sends only 200, 304, 400, 404; rfc adds 301, 405, 408, "
                    + "413, 414, 431, 501, 505 (default: ${DEFAULT-VALUE}).");
    private final OptionSpec keepAliveTimeout = option("--keep-alive-timeout", "DURATION", Duration.class,
            DurationConverter.text(WIRE_DEFAULTS.keepAliveTimeout()),
            "Idle time before a persistent connection is closed, e.g. 15, 15s, 500ms, 2m "
                    + "(default: ${DEFAULT-VALUE}).");
    private final OptionSpec headerTimeout = option("--header-timeout", "DURATION", Duration.class,
            DurationConverter.text(WIRE_DEFAULTS.headerTimeout()),
            "Time a client has to send a whole request head (default: ${DEFAULT-VALUE}).");
    private final OptionSpec maxConnections = option("--max-connections", "N", int.class,
            Integer.toString(WIRE_DEFAULTS.maxConnections()),
            "Most connections served at once (default: ${DEFAULT-VALUE}).");
    private final OptionSpec ioThreads = option("--io-threads", "N", int.class,
            Integer.toString(WIRE_DEFAULTS.ioThreads()),
            "Event loops serving connections (default: ${DEFAULT-VALUE}, the number of processors).");
    private final OptionSpec quiet = flag("--quiet",
            "Print no line per request (the log file still gets every one).");
    private final OptionSpec stopWithParent = flag("--stop-with-parent",
            "Stop gracefully when the process that started this one ends (used by ./mvnw -Pserve).");

    private final PrintStream out;
    private final PrintStream err;

    /** A command that prints to the given streams. */
    public WebServerCommand(PrintStream out, PrintStream err) {
        this.out = Objects.requireNonNull(out, "out");
        this.err = Objects.requireNonNull(err, "err");
        spec.name("webserver").versionProvider(new VersionProvider());
        spec.usageMessage()
                .sortOptions(false)
                .autoWidth(true)
                .description(
                        "Serves the files below a directory over HTTP/1.1 and HTTP/1.0 (GET and HEAD),",
                        "logging one row per response to a CSV file. Stop it with Ctrl-C or SIGTERM:",
                        "in-flight responses finish and the log is flushed.")
                .exitCodeListHeading("%nExit codes:%n")
                .exitCodeList(exitCodes());
        for (OptionSpec option : List.of(bind, port, root, log, profile, keepAliveTimeout, headerTimeout,
                maxConnections, ioThreads, quiet, stopWithParent)) {
            spec.addOption(option);
        }
        spec.addOption(OptionSpec.builder("-h", "--help").usageHelp(true)
                .description("Show this help message and exit.").build());
        spec.addOption(OptionSpec.builder("-V", "--version").versionHelp(true)
                .description("Print version information and exit.").build());
    }

    private static OptionSpec option(String name, String label, Class<?> type, String defaultValue, String description) {
        OptionSpec.Builder option = OptionSpec.builder(name).paramLabel(label).type(type).defaultValue(defaultValue)
                .description(description);
        // Our own converters for the types picocli would otherwise convert by reflection (Path) or can't (the rest).
        if (type == Path.class) {
            option.converters(Path::of);
        } else if (type == Duration.class) {
            option.converters(new DurationConverter());
        } else if (type == Profile.class) {
            option.converters(new ProfileConverter());
        }
        return option.build();
    }

    private static OptionSpec flag(String name, String description) {
        return OptionSpec.builder(name).arity("0").type(boolean.class).defaultValue("false").description(description).build();
    }

    private static Map<String, String> exitCodes() {
        Map<String, String> codes = new LinkedHashMap<>();
        codes.put(Integer.toString(EXIT_OK), "stopped cleanly (SIGINT/SIGTERM), or --help/--version");
        codes.put(Integer.toString(EXIT_STARTUP_FAILURE), "could not start: missing root, port in use, unopenable log");
        codes.put(Integer.toString(EXIT_USAGE), "bad command-line arguments");
        return codes;
    }

    /** Runs the command and exits the JVM with its exit code. */
    public static void main(String[] args) {
        System.exit(run(System.out, System.err, args));
    }

    /** Parses {@code args}, runs the command and returns its exit code. */
    public static int run(PrintStream out, PrintStream err, String... args) {
        return commandLine(new WebServerCommand(out, err), out, err).execute(args);
    }

    /** The picocli command line for {@code command}: usage errors become one line on {@code err} and exit 2. */
    static CommandLine commandLine(WebServerCommand command, PrintStream out, PrintStream err) {
        CommandLine commandLine = new CommandLine(command.spec);
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        commandLine.setParameterExceptionHandler((ex, args) -> {
            // One line, not picocli's message plus the whole usage: the user sees what to fix.
            ex.getCommandLine().getErr().println("webserver: " + WebServer.reason(ex) + " (see --help)");
            return EXIT_USAGE;
        });
        return commandLine;
    }

    @Override
    public Integer call() throws InterruptedException {
        ServerOptions options = options();
        fileNameEncodingWarning(System.getProperty("sun.jnu.encoding", "")).ifPresent(err::println);
        WebServer server;
        try {
            server = WebServer.start(options, out);
        } catch (StartupException e) {
            err.println("webserver: " + e.getMessage());
            return EXIT_STARTUP_FAILURE;
        }
        if (!server.watchesRoot()) {
            // Still correct, only slower: each request then checks the file on disk instead of the cache.
            err.println("webserver: warning: no file-system notifications for " + options.root()
                    + ": every request checks its file on disk (correct, but slower)");
        }
        // Registered before the banner, so a signal that arrives as soon as the port is known still stops cleanly.
        Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().name("webserver-shutdown").unstarted(() -> {
            out.println("Stopping: finishing in-flight responses, flushing " + options.log());
            server.stop();
            out.println("Stopped.");
            out.flush();
            // The JVM would report a signal as exit 128+n (143 for SIGTERM); a graceful stop is a success.
            Runtime.getRuntime().halt(EXIT_OK);
        }));
        if (stopWithParent.<Boolean>getValue()) {
            // exec-maven-plugin does not pass a SIGTERM sent to Maven on to its child; without this, killing
            // Maven would leave the server running as an orphan. System.exit runs the hook above.
            ProcessHandle.current().parent().ifPresent(parent -> parent.onExit().thenRun(() -> System.exit(EXIT_OK)));
        }
        out.println(server.banner());
        out.flush();
        server.awaitStop();
        return EXIT_OK;
    }

    /** The validated options; a value out of range is a usage error (exit 2). */
    ServerOptions options() {
        int portNumber = port.getValue();
        int connections = maxConnections.getValue();
        int threads = ioThreads.getValue();
        if (portNumber < 0 || portNumber > 65_535) {
            throw new ParameterException(spec.commandLine(), "--port must be between 0 and 65535, got " + portNumber);
        }
        if (connections < 1) {
            throw new ParameterException(spec.commandLine(), "--max-connections must be at least 1, got " + connections);
        }
        if (threads < 1) {
            throw new ParameterException(spec.commandLine(), "--io-threads must be at least 1, got " + threads);
        }
        WireSettings wire = WireSettings.builder()
                .keepAliveTimeout(keepAliveTimeout.getValue())
                .headerTimeout(headerTimeout.getValue())
                .maxConnections(connections)
                .ioThreads(threads)
                .build();
        return new ServerOptions(new InetSocketAddress((InetAddress) bind.getValue(), portNumber), root.getValue(),
                log.getValue(), profile.getValue(), wire, quiet.getValue());
    }

    /**
     * A warning when the JVM encodes file names in something other than UTF-8: the JDK takes that
     * encoding from the locale (LANG/LC_ALL), and under POSIX/C a UTF-8 name such as café.txt cannot
     * be opened, so its request would be a 404. On stderr, so stdout still starts with the banner.
     */
    static Optional<String> fileNameEncodingWarning(String fileNameEncoding) {
        if (fileNameEncoding.equalsIgnoreCase("UTF-8") || fileNameEncoding.equalsIgnoreCase("UTF8")) {
            return Optional.empty();
        }
        return Optional.of("webserver: warning: file names are encoded as "
                + (fileNameEncoding.isEmpty() ? "an unknown charset" : fileNameEncoding)
                + ", not UTF-8: non-ASCII file names will not be found; run with LC_ALL=C.UTF-8");
    }
}
