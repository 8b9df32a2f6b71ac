package dev.comp2322.conformance.cli;

import dev.comp2322.conformance.ConformanceProfile;
import dev.comp2322.conformance.ConformanceRun;
import dev.comp2322.conformance.RunOptions;
import dev.comp2322.conformance.RunReport;
import dev.comp2322.conformance.catalogue.Catalogue;
import dev.comp2322.conformance.catalogue.ConformanceCase;
import dev.comp2322.conformance.fixture.Fixture;
import dev.comp2322.conformance.fixture.FixtureInstaller;
import dev.comp2322.conformance.report.ConsoleReport;
import dev.comp2322.conformance.report.HtmlReport;
import dev.comp2322.conformance.report.JsonReport;
import dev.comp2322.conformance.report.JunitXmlReport;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code java -jar conformance-kit.jar}: run the catalogue against a server, or install the fixture. */
@Command(name = "conformance-kit", mixinStandardHelpOptions = true, version = "conformance-kit 1.0",
        sortOptions = false,
        description = {"Black-box HTTP/1.1 conformance kit for static-file servers (COMP2322).",
                "Exit codes: 0 no FAIL, 1 at least one FAIL, 2 target unreachable, no case ran, or bad arguments."})
public final class KitCommand implements Callable<Integer> {
    @Option(names = "--target", paramLabel = "URI", description = "The server, e.g. http://127.0.0.1:8080")
    Optional<String> target = Optional.empty();

    @Option(names = "--profile", paramLabel = "course|rfc", defaultValue = "course",
            description = "course: only 200/304/400/404 allowed; rfc: what RFC 9110 allows (default: ${DEFAULT-VALUE})")
    String profile;

    @Option(names = "--strict", description = "SHOULD breaches FAIL instead of WARN")
    boolean strict;

    @Option(names = "--only", split = ",", paramLabel = "id", description = "Run only cases whose id starts with one of these (plus their preconditions)")
    List<String> only = List.of();

    @Option(names = "--prefix", paramLabel = "/sub", defaultValue = "", description = "Path under which the fixture is served")
    String prefix;

    @Option(names = "--timeout", paramLabel = "5s", defaultValue = "5s", description = "Per-response wait: 5s, 1500ms, 2 (seconds)")
    String timeout;

    @Option(names = "--report", paramLabel = "FILE", description = "Write a self-contained HTML report")
    Optional<Path> html = Optional.empty();

    @Option(names = "--json", paramLabel = "FILE", description = "Write a JSON report (with the raw exchanges)")
    Optional<Path> json = Optional.empty();

    @Option(names = "--junit-xml", paramLabel = "FILE", description = "Write JUnit XML")
    Optional<Path> junit = Optional.empty();

    @Option(names = "--install-fixture", paramLabel = "DIR",
            description = "Write the fixture into DIR (the document root) and the canary beside it, then exit")
    Optional<Path> installDir = Optional.empty();

    @Option(names = "--list", description = "List the case catalogue and exit")
    boolean list;

    private final PrintStream out;
    private final PrintStream err;

    /** A command printing to System.out / System.err. */
    public KitCommand() {
        this(System.out, System.err);
    }

    /** A command printing to the given streams (tests). */
    public KitCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    /** The jar's entry point. */
    public static void main(String[] args) {
        System.exit(execute(args, System.out, System.err));
    }

    /** Parses and runs; returns the exit code (picocli reports bad arguments with exit code 2). */
    public static int execute(String[] args, PrintStream out, PrintStream err) {
        CommandLine cli = new CommandLine(new KitCommand(out, err));
        cli.setOut(new java.io.PrintWriter(out, true));
        cli.setErr(new java.io.PrintWriter(err, true));
        cli.setExecutionExceptionHandler((e, line, parsed) -> {
            err.println("error: " + e.getMessage());
            return RunReport.UNUSABLE;
        });
        return cli.execute(args);
    }

    @Override
    public Integer call() throws IOException {
        if (list) {
            listCases();
            return 0;
        }
        if (installDir.isPresent()) {
            return install(installDir.get());
        }
        if (target.isEmpty()) {
            err.println("error: --target is required (or use --install-fixture DIR or --list); see --help");
            return RunReport.UNUSABLE;
        }
        RunOptions options;
        try {
            options = RunOptions.of(target.get()).withPrefix(prefix).withProfile(ConformanceProfile.parse(profile))
                    .withStrict(strict).withOnly(only).withTimeout(parseDuration(timeout));
        } catch (IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            return RunReport.UNUSABLE;
        }
        ConsoleReport console = new ConsoleReport(out);
        out.println("conformance-kit: " + options.target() + options.prefix() + ", profile " + options.profile().label()
                + (strict ? ", strict" : "") + ", timeout " + options.timeout().toMillis() + " ms");
        RunReport report = ConformanceRun.run(options.withListener(console.progress()));
        writeFiles(report);
        console.summary(report);
        return report.exitCode();
    }

    private void writeFiles(RunReport report) throws IOException {
        if (html.isPresent()) {
            HtmlReport.write(report, html.get());
            out.println("HTML report: " + html.get().toAbsolutePath());
        }
        if (json.isPresent()) {
            JsonReport.write(report, json.get());
            out.println("JSON report: " + json.get().toAbsolutePath());
        }
        if (junit.isPresent()) {
            JunitXmlReport.write(report, junit.get());
            out.println("JUnit XML: " + junit.get().toAbsolutePath());
        }
    }

    private int install(Path dir) {
        try {
            FixtureInstaller.Installed installed = new FixtureInstaller(Fixture.standard()).install(dir);
            out.println("Installed " + installed.files() + " fixture files into " + installed.root()
                    + " (mtime " + Fixture.MTIME + ")");
            out.println("Canary (must never be served): " + installed.canary());
            installed.warnings().forEach(w -> err.println("warning: " + w));
            return 0;
        } catch (IOException e) {
            err.println("error: could not install the fixture into " + dir + ": " + e.getMessage());
            return RunReport.UNUSABLE;
        }
    }

    private void listCases() {
        for (ConformanceCase c : Catalogue.all()) {
            out.printf(Locale.ROOT, "%-30s %-6s %-34s %s%n", c.id(), c.level()
                    + c.courseLevel().map(l -> "/" + l).orElse(""), c.reference(), c.title());
        }
        out.println(Catalogue.all().size() + " cases");
    }

    /** "5s", "1500ms", "2" (seconds), "1.5s". */
    static Duration parseDuration(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        try {
            if (t.endsWith("ms")) {
                return Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2).trim()));
            }
            String seconds = t.endsWith("s") ? t.substring(0, t.length() - 1).trim() : t;
            return Duration.ofMillis(Math.round(Double.parseDouble(seconds) * 1000));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--timeout must look like 5s, 1500ms or 2, got " + text);
        }
    }
}
