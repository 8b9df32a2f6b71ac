package dev.comp2322.conformance.matrix;

import static org.assertj.core.api.Assertions.assertThat;

import dev.comp2322.conformance.cli.KitCommand;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * {@code --targets}: five submissions (a good server, one that crashes, one without Content-Length, one
 * whose port never opens, one URL nobody answers), two at a time, into one matrix page, its CSV and a
 * report per submission; then the same matrix again from the JSON reports.
 */
@Timeout(120)
class ClassRunTest {
    private static final Path EXAMPLES = Path.of("examples").toAbsolutePath();
    private static final String ONLY = "get-html,get-text,traversal-nul,method-post,keepalive-http11-default";

    @TempDir
    static Path dir;

    private static Path html;
    private static Path csv;
    private static int code;
    private static String out;

    @BeforeAll
    static void runTheClass() throws Exception {
        assumeTrue(python(), "python3 is not installed: the example servers cannot run");
        int closed;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = s.getLocalPort();
        }
        Path targets = dir.resolve("targets.csv");
        Files.writeString(targets, String.join("\n",
                "name,target,root",
                "# a comment line",
                "good,python3 -m http.server {port} --bind 127.0.0.1 --directory {root},good/www",
                "crashy,python3 " + EXAMPLES.resolve("crash_on_nul.py") + " {port} {root},crashy/www",
                "\"no length\",python3 " + EXAMPLES.resolve("no_content_length.py") + " {port} {root},nolength/www",
                "silent,sleep 60,silent/www",
                "gone,http://127.0.0.1:" + closed + ",",
                ""));
        html = dir.resolve("class/matrix.html");
        csv = dir.resolve("class/matrix.csv");
        Files.createDirectories(html.getParent());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        code = KitCommand.execute(new String[] {"--targets", targets.toString(), "--jobs", "2", "--only", ONLY,
                "--timeout", "2s", "--startup-timeout", "2s", "--matrix", html.toString(), "--matrix", csv.toString()},
                new PrintStream(bytes, true, StandardCharsets.UTF_8), new PrintStream(bytes, true, StandardCharsets.UTF_8));
        out = bytes.toString(StandardCharsets.UTF_8);
    }

    @AfterAll
    static void nothingLeftRunning() {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (ProcessHandle.current().descendants().anyMatch(ProcessHandle::isAlive) && System.nanoTime() < deadline) {
            ProcessHandle.current().descendants().forEach(p -> p.onExit().completeOnTimeout(p, 100, TimeUnit.MILLISECONDS).join());
        }
        assertThat(ProcessHandle.current().descendants().filter(ProcessHandle::isAlive)).isEmpty();
    }

    @Test
    @DisplayName("the class run exits 0 and prints one line per submission")
    void onePrintedLinePerSubmission() {
        assertThat(code).as(out).isZero();
        assertThat(out.lines().filter(l -> l.matches("\\[\\d/5] .*"))).hasSize(5);
        assertThat(out).contains("silent: not run: port ", "gone: not run: target unreachable");
    }

    @Test
    @DisplayName("the CSV opens in commons-csv: a column per submission, a row per case, totals and exit codes")
    void csvOpensInCommonsCsv() throws IOException {
        List<CSVRecord> rows;
        try (Reader reader = Files.newBufferedReader(csv)) {
            rows = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader).getRecords();
        }
        Map<String, CSVRecord> byId = rows.stream().collect(Collectors.toMap(r -> r.get("id"), r -> r));

        assertThat(rows.get(0).getParser().getHeaderNames())
                .containsExactly("id", "topic", "level", "reference", "good", "crashy", "no length", "silent", "gone");
        assertThat(byId.get("get-html").get("good")).isEqualTo("PASS");
        assertThat(byId.get("traversal-nul").get("crashy")).isEqualTo("FAIL");
        assertThat(byId.get("method-post").get("crashy")).isEqualTo("SKIPPED");
        assertThat(byId.get("keepalive-http11-default").get("no length")).isEqualTo("FAIL");
        assertThat(byId.get("get-html").get("silent")).isEmpty();
        assertThat(byId.get("exit-code").get("silent")).isEqualTo("2");
        assertThat(byId.get("total:PASS").get("good")).isNotEqualTo("0");
    }

    @Test
    @DisplayName("the CSV opens in Python's csv module with the same shape")
    void csvOpensInPythonsCsv() throws Exception {
        Process p = new ProcessBuilder("python3", "-c", "import csv,sys\n"
                + "rows=list(csv.reader(open(sys.argv[1],newline='',encoding='utf-8')))\n"
                + "print(len(rows[0]), len({len(r) for r in rows}), rows[0][6])", csv.toString())
                .redirectErrorStream(true).start();
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();

        assertThat(new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim()).isEqualTo("9 1 no length");
    }

    @Test
    @DisplayName("the page is self-contained: coloured cells with the reason on hover, totals, links to each report")
    void htmlPage() throws IOException {
        String page = Files.readString(html);

        assertThat(page).contains("<style>", "<a href=\"reports/good.html\">good</a>",
                "<a href=\"reports/no_length.html\">no length</a>", "class=\"c FAIL\" title=\"FAIL: the server process exited with status 1",
                "<tr class=\"topic\">", "<td class=\"label\" colspan=\"3\">PASS</td>")
                .doesNotContain("<script", "<link", "src=\"http");
        assertThat(dir.resolve("class/reports/crashy.html")).content().contains("ValueError: embedded null byte");
        assertThat(dir.resolve("class/reports/crashy.json")).content().contains("\"diedDuring\": \"traversal-nul\"");
    }

    @Test
    @DisplayName("--from-json builds the same matrix from the per-submission JSON reports")
    void matrixFromJson() throws IOException {
        Path again = dir.resolve("class/again.csv");
        Path reports = dir.resolve("class/reports");
        String[] args = {"--from-json", reports.resolve("good.json").toString(), reports.resolve("crashy.json").toString(),
                reports.resolve("no_length.json").toString(), reports.resolve("silent.json").toString(),
                reports.resolve("gone.json").toString(), "--matrix", again.toString()};

        int exit = KitCommand.execute(args, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));

        assertThat(exit).isZero();
        List<String> original = Files.readAllLines(csv);
        List<String> rebuilt = Files.readAllLines(again);
        // Columns are named after the files there: "no length" became no_length.
        assertThat(rebuilt.subList(1, rebuilt.size())).isEqualTo(original.subList(1, original.size()));
        assertThat(rebuilt.get(0)).isEqualTo(original.get(0).replace("no length", "no_length"));
    }

    private static boolean python() {
        try {
            Process p = new ProcessBuilder("python3", "--version").start();
            return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
