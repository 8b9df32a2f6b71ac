package dev.comp2322.conformance.selftest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.comp2322.conformance.ConformanceProfile;
import dev.comp2322.conformance.catalogue.Catalogue;
import dev.comp2322.conformance.cli.KitCommand;
import dev.comp2322.conformance.fixture.Fixture;
import dev.comp2322.conformance.fixture.FixtureInstaller;
import io.restassured.path.json.JsonPath;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The standalone command: exit codes, the summary line CI reads, the fixture installer and the three report files. */
@Timeout(60)
class KitCommandTest {
    @TempDir
    static Path dir;
    static Path root;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeAll
    static void installFixture() throws Exception {
        root = dir.resolve("www");
        new FixtureInstaller(Fixture.standard()).install(root);
    }

    private int run(String... args) {
        return KitCommand.execute(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private List<String> outLines() {
        return out.toString(StandardCharsets.UTF_8).lines().toList();
    }

    @Test
    @DisplayName("an unreachable target exits 2 with a message")
    void unreachableTargetExitsTwo() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }

        assertThat(run("--target", "http://127.0.0.1:" + port, "--timeout", "1s")).isEqualTo(2);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("target unreachable");
    }

    @Test
    @DisplayName("an --only filter that matches no case exits 2 with a message")
    void emptySelectionExitsTwo() {
        assertThat(run("--target", "http://127.0.0.1:9", "--only", "no-such-case")).isEqualTo(2);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("no case matches --only no-such-case");
    }

    @Test
    @DisplayName("an unknown profile is a usage error with exit code 2")
    void badProfileExitsTwo() {
        assertThat(run("--target", "http://127.0.0.1:9", "--profile", "strictest")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("profile must be course or rfc");
    }

    @Test
    @DisplayName("--install-fixture writes every file with the fixed mtime, the link and the canary, and exits 0")
    void installsTheFixture() throws Exception {
        Path target = dir.resolve("fresh/docroot");

        assertThat(run("--install-fixture", target.toString())).isZero();
        for (var file : Fixture.standard().files()) {
            Path p = target.resolve(file.name());
            assertThat(Files.readAllBytes(p)).as(file.name()).isEqualTo(Fixture.standard().bytes(file.name()));
            assertThat(Files.getLastModifiedTime(p).toInstant()).as(file.name()).isEqualTo(Fixture.standard().mtime(file.name()));
        }
        assertThat(Fixture.standard().mtime(Fixture.FRACTIONAL)).isEqualTo(Fixture.MTIME.plusMillis(750));
        assertThat(Files.readString(target.resolve(Fixture.CANARY_LOCATION)))
                .isEqualTo(target.resolveSibling(Fixture.CANARY_NAME).toAbsolutePath().normalize().toString());
        assertThat(Files.isSymbolicLink(target.resolve(Fixture.ESCAPE_LINK))).isTrue();
        assertThat(Files.readString(target.resolveSibling(Fixture.CANARY_NAME))).contains(Fixture.CANARY_MARK);
    }

    @Test
    @DisplayName("a clean run prints one line per case, a table, and exactly 'N passed, 0 failed' last; exit 0")
    void cleanRunEndsWithTheSummaryLine() throws Exception {
        try (FaultyServer server = new FaultyServer(root, ConformanceProfile.COURSE, EnumSet.noneOf(Defect.class))) {
            int code = run("--target", server.uri(), "--only", "get-,head-no-body", "--timeout", "1s");

            List<String> lines = outLines();
            assertThat(code).isZero();
            assertThat(lines).filteredOn(l -> l.matches("\\[\\s*\\d+/\\d+] PASS +get-png .*")).hasSize(1);
            int selected = Catalogue.select(List.of("get-", "head-no-body")).size();
            assertThat(lines.getLast()).isEqualTo(selected + " passed, 0 failed");
            assertThat(lines.get(lines.size() - 2)).isEqualTo("0 warnings, 0 info");
        }
    }

    @Test
    @DisplayName("a failing run exits 1 and writes a valid JUnit XML, JSON and an escaped HTML report")
    void failingRunWritesReports() throws Exception {
        Path html = dir.resolve("report.html");
        Path json = dir.resolve("report.json");
        Path xml = dir.resolve("report.xml");
        try (FaultyServer server = new FaultyServer(root, ConformanceProfile.COURSE, Set.of(Defect.BODY_ON_HEAD))) {
            int code = run("--target", server.uri(), "--only", "head-html,missing-has", "--timeout", "1s",
                    "--report", html.toString(), "--json", json.toString(), "--junit-xml", xml.toString());

            assertThat(code).isEqualTo(1);
            assertThat(outLines().getLast()).matches("\\d+ passed, 1 failed");
        }
        SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI)
                .newSchema(new StreamSource(getClass().getResourceAsStream("/junit-10.xsd")))
                .newValidator().validate(new StreamSource(xml.toFile()));
        assertThat(Files.readString(xml)).contains("<testcase name=\"head-html\"", "<failure message=\"MUST RFC 9110");
        JsonPath parsed = JsonPath.from(Files.readString(json));
        assertThat(parsed.getInt("summary.fail")).isEqualTo(1);
        assertThat(parsed.getString("cases.find { it.id == 'head-html' }.outcome")).isEqualTo("FAIL");
        String page = Files.readString(html);
        assertThat(page).contains("<style>", "id=\"head-html\"", "&lt;!DOCTYPE html&gt;")
                .doesNotContain("<link", "<script", "src=\"http");
    }
}
