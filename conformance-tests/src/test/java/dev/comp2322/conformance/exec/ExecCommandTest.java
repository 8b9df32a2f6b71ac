package dev.comp2322.conformance.exec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.comp2322.conformance.fixture.Fixture;
import io.restassured.path.json.JsonPath;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code --exec}: the kit installs the fixture, starts the server, tests it, and stops its whole tree. */
@Timeout(60)
class ExecCommandTest {
    private static final String HTTP_SERVER = "python3 -m http.server {port} --bind 127.0.0.1 --directory {root}";

    @TempDir
    Path dir;

    private final Kit kit = new Kit();

    @BeforeAll
    static void python() {
        Kit.assumePython();
    }

    @AfterEach
    void nothingLeftRunning() {
        Kit.assertNothingLeftRunning();
    }

    @Test
    @DisplayName("--exec with --port 0 installs the fixture, runs the cases, reports the server and stops it")
    void runsPythonsHttpServer() throws Exception {
        Path root = dir.resolve("www");
        Path json = dir.resolve("report.json");

        int code = kit.run("--exec", HTTP_SERVER, "--root", root.toString(), "--port", "0",
                "--only", "get-html,get-text", "--timeout", "2s", "--json", json.toString());

        assertThat(code).isZero();
        assertThat(Files.readAllBytes(root.resolve("index.html"))).isEqualTo(Fixture.standard().bytes("index.html"));
        assertThat(kit.out()).contains("server: pid ", "was still running after the run and was stopped by the kit",
                "\"GET /index.html HTTP/1.1\" 200");
        JsonPath report = JsonPath.from(Files.readString(json));
        assertThat(report.getString("server.ending")).contains("stopped by the kit");
        assertThat(report.getString("server.exitStatus")).isNull();
    }

    @Test
    @DisplayName("a crash during a case names the exit status and traceback there, and later cases are SKIPPED")
    void crashIsNamedInTheCaseAndLaterCasesAreSkipped() throws Exception {
        Path json = dir.resolve("crash.json");

        int code = kit.run("--exec", "python3 " + Kit.EXAMPLES.resolve("crash_on_nul.py") + " {port} {root}",
                "--root", dir.resolve("www").toString(), "--only", "get-html,traversal-nul,method-post",
                "--timeout", "2s", "--json", json.toString());

        assertThat(code).isEqualTo(1);
        JsonPath report = JsonPath.from(Files.readString(json));
        assertThat(report.getString("cases.find { it.id == 'traversal-nul' }.outcome")).isEqualTo("FAIL");
        assertThat(report.getString("cases.find { it.id == 'traversal-nul' }.reason"))
                .startsWith("the server process exited with status 1 during this case").contains("ValueError: embedded null byte")
                .contains("Traceback");
        assertThat(report.getString("cases.find { it.id == 'method-post' }.outcome")).isEqualTo("SKIPPED");
        assertThat(report.getString("cases.find { it.id == 'method-post' }.reason"))
                .contains("exited with status 1 during case traversal-nul");
        assertThat(report.getInt("server.exitStatus")).isEqualTo(1);
        assertThat(report.getString("server.diedDuring")).isEqualTo("traversal-nul");
        assertThat(kit.out()).contains("server: the server process exited with status 1 during case traversal-nul",
                "    | ValueError: embedded null byte");
    }

    @Test
    @DisplayName("--workdir runs the command there: http.server without --directory serves its working directory")
    void workdirIsTheCommandsDirectory() {
        Path root = dir.resolve("www");

        int code = kit.run("--exec", "python3 -m http.server {port} --bind 127.0.0.1", "--root", root.toString(),
                "--workdir", root.toString(), "--only", "get-html");

        assertThat(code).as(kit.out()).isZero();
    }

    @Test
    @DisplayName("a command that exits at once: one line, exit 2, the submission's own files untouched")
    void commandThatExitsAtOnce() throws Exception {
        Path root = dir.resolve("www");
        Files.createDirectories(root);
        Files.writeString(root.resolve("notes.txt"), "mine");

        int code = kit.run("--exec", "echo starting; exit 3", "--root", root.toString());

        assertThat(code).isEqualTo(2);
        assertThat(kit.errLines()).singleElement().asString()
                .startsWith("error: the server command exited with status 3 before port").endsWith("(last output: starting)");
        assertThat(Files.readString(root.resolve("notes.txt"))).isEqualTo("mine");
    }

    @Test
    @DisplayName("a port that never opens: one line after --startup-timeout, exit 2, the server stopped")
    void portThatNeverOpens() {
        int code = kit.run("--exec", "sleep 60", "--root", dir.resolve("www").toString(), "--startup-timeout", "1s");

        assertThat(code).isEqualTo(2);
        assertThat(kit.errLines()).singleElement().asString().matches("error: port \\d+ did not open within 1000 ms.*");
    }

    @Test
    @DisplayName("a --port another process already listens on: one line, exit 2, the other process not tested")
    void portAlreadyInUse() throws Exception {
        try (ServerSocket other = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int code = kit.run("--exec", HTTP_SERVER, "--root", dir.resolve("www").toString(),
                    "--port", Integer.toString(other.getLocalPort()));

            assertThat(code).isEqualTo(2);
            assertThat(kit.errLines()).containsExactly("error: port " + other.getLocalPort()
                    + " is already in use by another process; stop it or use --port 0");
        }
    }

    @Test
    @DisplayName("a picked port another process takes before the server binds it: the server is started again on a new port")
    void pickedPortTakenByAnotherProcess() throws Exception {
        // First start: the bind fails as it does when another process took the port after the kit picked it.
        // Second start: a real server. Both starts are the same command, told apart by a marker file.
        Path script = Files.writeString(dir.resolve("unlucky.py"), String.join("\n",
                "import os, sys",
                "port, root, mark = sys.argv[1], sys.argv[2], sys.argv[3]",
                "if not os.path.exists(mark):",
                "    open(mark, 'w').close()",
                "    print('OSError: [Errno 98] Address already in use', flush=True)",
                "    sys.exit(1)",
                "os.execvp('python3', ['python3', '-m', 'http.server', port, '--bind', '127.0.0.1', '--directory', root])",
                ""));
        Path mark = dir.resolve("started-once");

        int code = kit.run("--exec", "python3 " + script + " {port} {root} " + mark, "--root", dir.resolve("www").toString(),
                "--only", "get-html", "--timeout", "2s");

        assertThat(code).as(kit.out() + kit.errLines()).isZero();
        assertThat(mark).exists();
        assertThat(kit.out()).contains("server: pid ", "1 passed, 0 failed");
    }

    @Test
    @DisplayName("an unwritable root: one line, exit 2, nothing started")
    void unwritableRoot() throws Exception {
        Path file = Files.writeString(dir.resolve("a-file"), "not a directory");

        int code = kit.run("--exec", "sleep 60", "--root", file.resolve("www").toString());

        assertThat(code).isEqualTo(2);
        assertThat(kit.errLines()).singleElement().asString().startsWith("error: could not install the fixture into ");
    }

    @Test
    @DisplayName("a root holding the submission's own index.html is refused without --force, and nothing is written")
    void refusesToOverwriteTheSubmissionsFiles() throws Exception {
        Path root = Files.createDirectories(dir.resolve("www"));
        Files.writeString(root.resolve("index.html"), "<h1>my page</h1>");

        int code = kit.run("--exec", HTTP_SERVER, "--root", root.toString());

        assertThat(code).isEqualTo(2);
        assertThat(kit.errLines()).singleElement().asString()
                .startsWith("error: refusing to overwrite 1 file(s) that are not the kit's fixture: " + root.resolve("index.html"))
                .endsWith("(use an empty --root, or --force)");
        assertThat(Files.readString(root.resolve("index.html"))).isEqualTo("<h1>my page</h1>");
        assertThat(root.resolve("text.txt")).doesNotExist();
    }

    @Test
    @DisplayName("--force overwrites the submission's index.html with the fixture's")
    void forceOverwrites() throws Exception {
        Path root = Files.createDirectories(dir.resolve("www"));
        Files.writeString(root.resolve("index.html"), "<h1>my page</h1>");

        int code = kit.run("--exec", HTTP_SERVER, "--root", root.toString(), "--force", "--only", "get-html");

        assertThat(code).isZero();
        assertThat(Files.readAllBytes(root.resolve("index.html"))).isEqualTo(Fixture.standard().bytes("index.html"));
    }

    @Test
    @DisplayName("a second run over the same root accepts the fixture it installed the first time")
    void reinstallsOverItsOwnFixture() {
        String root = dir.resolve("www").toString();
        assertThat(kit.run("--exec", HTTP_SERVER, "--root", root, "--only", "get-html")).isZero();

        assertThat(new Kit().run("--exec", HTTP_SERVER, "--root", root, "--only", "get-html")).isZero();
    }

    @Test
    @DisplayName("--exec without --root, or with a second mode, is a one-line usage error")
    void usageErrors() throws Exception {
        assertThat(kit.run("--exec", "true")).isEqualTo(2);
        assertThat(kit.errLines()).singleElement().asString().contains("--exec needs --root DIR");

        Kit both = new Kit();
        assertThat(both.run("--exec", "true", "--target", "http://127.0.0.1:9")).isEqualTo(2);
        assertThat(both.errLines()).singleElement().asString().startsWith("error: give exactly one of");
    }

    @Test
    @DisplayName("an unreachable --target: one line, exit 2")
    void unreachableTarget() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }

        assertThat(kit.run("--target", "http://127.0.0.1:" + port, "--timeout", "1s")).isEqualTo(2);
        assertThat(kit.out().lines().filter(l -> l.startsWith("target unreachable"))).hasSize(1);
    }
}
