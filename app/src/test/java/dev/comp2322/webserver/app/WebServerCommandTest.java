package dev.comp2322.webserver.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.comp2322.webserver.adapters.socket.WireSettings;
import dev.comp2322.webserver.domain.rules.Profile;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@Timeout(20)
class WebServerCommandTest {

    private final ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
    private final ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(outBytes, true, StandardCharsets.UTF_8);
    private final PrintStream err = new PrintStream(errBytes, true, StandardCharsets.UTF_8);

    private ServerOptions parse(String... args) {
        WebServerCommand command = new WebServerCommand(out, err);
        WebServerCommand.commandLine(command, out, err).parseArgs(args);
        return command.options();
    }

    private int run(String... args) {
        return WebServerCommand.run(out, err, args);
    }

    private String stdout() {
        return outBytes.toString(StandardCharsets.UTF_8);
    }

    private String stderr() {
        return errBytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    @DisplayName("with no arguments it serves ./www on 127.0.0.1:2130, logs to ./Log.csv, course profile, 15 s / 10 s")
    void defaultsAreTheDesignsDefaults() throws IOException {
        ServerOptions options = parse();

        assertThat(options.bind()).isEqualTo(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 2130));
        assertThat(options.root()).isEqualTo(Path.of("www").toAbsolutePath());
        assertThat(options.log()).isEqualTo(Path.of("Log.csv").toAbsolutePath());
        assertThat(options.profile()).isEqualTo(Profile.COURSE);
        assertThat(options.wireSettings().keepAliveTimeout()).isEqualTo(Duration.ofSeconds(15));
        assertThat(options.wireSettings().headerTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(options.quiet()).isFalse();
    }

    @Test
    @DisplayName("the wire flags default to the wire's own defaults")
    void wireDefaultsComeFromTheWire() {
        assertThat(parse().wireSettings()).isEqualTo(WireSettings.defaults());
    }

    @Test
    @DisplayName("every flag is read into the options")
    void everyFlagIsRead(@TempDir Path dir) {
        ServerOptions options = parse("--bind", "0.0.0.0", "--port", "0", "--root", dir.toString(),
                "--log", dir.resolve("x.csv").toString(), "--profile", "RFC", "--keep-alive-timeout", "500ms",
                "--header-timeout", "2m", "--max-connections", "7", "--io-threads", "3", "--quiet");

        assertThat(options.bind().getAddress().isAnyLocalAddress()).isTrue();
        assertThat(options.bind().getPort()).isZero();
        assertThat(options.root()).isEqualTo(dir.toAbsolutePath());
        assertThat(options.log()).isEqualTo(dir.resolve("x.csv").toAbsolutePath());
        assertThat(options.profile()).isEqualTo(Profile.RFC);
        assertThat(options.wireSettings().keepAliveTimeout()).isEqualTo(Duration.ofMillis(500));
        assertThat(options.wireSettings().headerTimeout()).isEqualTo(Duration.ofMinutes(2));
        assertThat(options.wireSettings().maxConnections()).isEqualTo(7);
        assertThat(options.wireSettings().ioThreads()).isEqualTo(3);
        assertThat(options.quiet()).isTrue();
    }

    @Test
    @DisplayName("the options reach the domain's policy and the wire's settings")
    void optionsReachPolicyAndWire() {
        ServerOptions options = parse("--profile", "rfc", "--keep-alive-timeout", "3s", "--header-timeout", "4s",
                "--max-connections", "9");

        assertThat(options.servicePolicy().profile()).isEqualTo(Profile.RFC);
        assertThat(options.servicePolicy().keepAliveTimeout()).isEqualTo(Duration.ofSeconds(3));
        assertThat(options.wireSettings().keepAliveTimeout()).isEqualTo(Duration.ofSeconds(3));
        assertThat(options.wireSettings().headerTimeout()).isEqualTo(Duration.ofSeconds(4));
        assertThat(options.wireSettings().maxConnections()).isEqualTo(9);
        assertThat(options.wireSettings().shutdownGrace()).isEqualTo(WireSettings.defaults().shutdownGrace());
    }

    @ParameterizedTest(name = "{0} → exit 2, one line naming {1}")
    @CsvSource(delimiter = '|', value = {
        "--port abc                | --port",
        "--port 70000              | --port",
        "--port -1                 | --port",
        "--profile strict          | strict",
        "--keep-alive-timeout 5x   | 5x",
        "--header-timeout 0        | --header-timeout",
        "--max-connections 0       | --max-connections",
        "--io-threads 0            | --io-threads",
        "--frobnicate              | --frobnicate",
        "--port                    | --port",
        "surplus                   | surplus"
    })
    void badArgumentsGiveOneLineAndExitCode2(String args, String named) {
        int exit = run(args.strip().split(" +"));

        assertThat(exit).isEqualTo(WebServerCommand.EXIT_USAGE);
        assertThat(stderr().lines()).singleElement()
                .satisfies(line -> assertThat(line).startsWith("webserver: ").contains(named).contains("--help"));
        assertThat(stdout()).isEmpty();
    }

    @Test
    @DisplayName("--help prints every flag and the exit codes, exit 0")
    void helpListsFlagsAndExitCodes() {
        int exit = run("--help");

        assertThat(exit).isZero();
        assertThat(stdout()).contains("--bind", "--port", "--root", "--log", "--profile", "--keep-alive-timeout",
                "--header-timeout", "--max-connections", "--quiet", "--version", "Exit codes", "default: 2130");
        assertThat(stderr()).isEmpty();
    }

    @Test
    @DisplayName("--version prints the product, its version and the Java runtime, exit 0")
    void versionNamesProductAndRuntime() {
        int exit = run("--version");

        assertThat(exit).isZero();
        assertThat(stdout()).startsWith("comp2322-webserver ").contains("Java " + Runtime.version().feature());
        assertThat(stdout()).doesNotContain("unknown", "${");
    }

    @Test
    @DisplayName("a missing document root: one line, exit 1")
    void missingRootFailsToStart(@TempDir Path dir) {
        Path missing = dir.resolve("no-such-dir");

        int exit = run("--port", "0", "--root", missing.toString(), "--log", dir.resolve("Log.csv").toString());

        assertThat(exit).isEqualTo(WebServerCommand.EXIT_STARTUP_FAILURE);
        assertThat(stderr().lines()).containsExactly("webserver: document root " + missing.toAbsolutePath() + " does not exist");
        assertThat(dir.resolve("Log.csv")).doesNotExist();
    }

    @Test
    @DisplayName("a port already in use: one line naming the address, exit 1")
    void portInUseFailsToStart(@TempDir Path dir) throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int port = taken.getLocalPort();

            int exit = run("--port", Integer.toString(port), "--root", dir.toString(),
                    "--log", dir.resolve("Log.csv").toString());

            assertThat(exit).isEqualTo(WebServerCommand.EXIT_STARTUP_FAILURE);
            assertThat(stderr().lines()).singleElement().satisfies(line -> assertThat(line)
                    .startsWith("webserver: cannot listen on 127.0.0.1:" + port + ": ")
                    .containsIgnoringCase("in use"));
            assertThat(stdout()).doesNotContain("Serving");
        }
    }

    @Test
    @DisplayName("a log file that can't be opened: one line naming it, exit 1")
    void unopenableLogFailsToStart(@TempDir Path dir) throws IOException {
        Path logIsADirectory = Files.createDirectory(dir.resolve("Log.csv"));

        int exit = run("--port", "0", "--root", dir.toString(), "--log", logIsADirectory.toString());

        assertThat(exit).isEqualTo(WebServerCommand.EXIT_STARTUP_FAILURE);
        assertThat(stderr().lines()).singleElement().satisfies(line -> assertThat(line)
                .startsWith("webserver: cannot open access log " + logIsADirectory.toAbsolutePath()));
    }

    @ParameterizedTest(name = "file-name encoding {0}: no warning")
    @CsvSource({"UTF-8", "utf8"})
    void aUtf8FileNameEncodingNeedsNoWarning(String encoding) {
        assertThat(WebServerCommand.fileNameEncodingWarning(encoding)).isEmpty();
    }

    @Test
    @DisplayName("under a POSIX locale (ANSI_X3.4-1968 file names) it warns in one line how to fix it")
    void aNonUtf8FileNameEncodingGivesAOneLineWarning() {
        assertThat(WebServerCommand.fileNameEncodingWarning("ANSI_X3.4-1968")).hasValue(
                "webserver: warning: file names are encoded as ANSI_X3.4-1968, not UTF-8: "
                        + "non-ASCII file names will not be found; run with LC_ALL=C.UTF-8");
    }
}
