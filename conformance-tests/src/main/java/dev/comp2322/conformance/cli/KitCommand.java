package dev.comp2322.conformance.cli;

import dev.comp2322.conformance.ConformanceProfile;
import dev.comp2322.conformance.ConformanceRun;
import dev.comp2322.conformance.RunOptions;
import dev.comp2322.conformance.RunReport;
import dev.comp2322.conformance.catalogue.Catalogue;
import dev.comp2322.conformance.catalogue.ConformanceCase;
import dev.comp2322.conformance.exec.ExecRun;
import dev.comp2322.conformance.exec.ExecSpec;
import dev.comp2322.conformance.fixture.Fixture;
import dev.comp2322.conformance.fixture.FixtureInstaller;
import dev.comp2322.conformance.matrix.ClassRun;
import dev.comp2322.conformance.matrix.JsonColumns;
import dev.comp2322.conformance.matrix.Matrix;
import dev.comp2322.conformance.matrix.TargetsFile;
import dev.comp2322.conformance.matrix.Submission;
import dev.comp2322.conformance.report.ConsoleReport;
import dev.comp2322.conformance.report.HtmlReport;
import dev.comp2322.conformance.report.JsonReport;
import dev.comp2322.conformance.report.JunitXmlReport;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code java -jar conformance-kit.jar}: run the catalogue against a running server ({@code --target}),
 * against a server the kit starts itself ({@code --exec}), against a whole class ({@code --targets}), or
 * build a class matrix from earlier JSON reports ({@code --from-json}); or install the fixture, or list cases.
 */
@Command(name = "conformance-kit", mixinStandardHelpOptions = true, version = "conformance-kit 1.0",
        sortOptions = false,
        description = {"Black-box HTTP/1.1 conformance kit for static-file servers (COMP2322). Runs on Java 17+.",
                "Exit codes: 0 no FAIL (or: the class matrix was written), 1 at least one FAIL,",
                "2 target unreachable, server would not start, no case ran, or bad arguments."})
public final class KitCommand implements Callable<Integer> {
    @Option(names = "--target", paramLabel = "URI", description = "A running server, e.g. http://127.0.0.1:8080")
    Optional<String> targetUri = Optional.empty();

    @Option(names = "--exec", paramLabel = "COMMAND",
            description = "Start the server with sh -c COMMAND ({port} and {root} are filled in), test it, stop it")
    Optional<String> serverCommand = Optional.empty();

    @Option(names = "--root", paramLabel = "DIR", description = "With --exec: the server's document root; the fixture is installed into it")
    Optional<Path> documentRoot = Optional.empty();

    @Option(names = "--port", paramLabel = "N", defaultValue = "0", description = "With --exec: the port for {port}; 0 picks a free one (default)")
    int serverPort;

    @Option(names = "--workdir", paramLabel = "DIR", description = "With --exec: the directory the command runs in")
    Optional<Path> workingDirectory = Optional.empty();

    @Option(names = "--startup-timeout", paramLabel = "10s", defaultValue = "10s", converter = DurationConverter.class,
            description = "With --exec/--targets: how long the server has to open its port (default: ${DEFAULT-VALUE})")
    Duration startupTimeout;

    @Option(names = "--force", description = "With --exec/--targets: overwrite files in the root that are not the kit's fixture")
    boolean overwriteOthers;

    @Option(names = "--targets", paramLabel = "FILE", description = "A class: CSV lines of name,target,root (target: a URL or a command)")
    Optional<Path> targetsFile = Optional.empty();

    @Option(names = "--jobs", paramLabel = "N", defaultValue = "1", description = "With --targets: submissions run at once (default: ${DEFAULT-VALUE})")
    int jobs;

    @Option(names = "--reports-dir", paramLabel = "DIR", description = "With --targets: where each submission's HTML and JSON report goes (default: reports/ beside the matrix)")
    Optional<Path> reportsDir = Optional.empty();

    @Option(names = "--matrix", paramLabel = "FILE", description = "With --targets/--from-json: write the class matrix (.html or .csv; repeatable)")
    List<Path> matrixFiles = new ArrayList<>();

    @Option(names = "--from-json", arity = "1..*", paramLabel = "FILE", description = "Build the matrix from earlier --json reports")
    List<Path> jsonReports = new ArrayList<>();

    @Option(names = "--profile", paramLabel = "course|rfc", defaultValue = "course", converter = ProfileConverter.class,
            description = "course: only 200/304/400/404 allowed; rfc: what RFC 9110 allows (default: course)")
    ConformanceProfile profile;

    @Option(names = "--strict", description = "SHOULD breaches FAIL instead of WARN")
    boolean strict;

    @Option(names = "--only", split = ",", paramLabel = "id", description = "Run only cases whose id starts with one of these (plus their preconditions)")
    List<String> onlyPrefixes = new ArrayList<>();

    @Option(names = "--prefix", paramLabel = "/sub", defaultValue = "", description = "Path under which the fixture is served")
    String fixturePrefix;

    @Option(names = "--timeout", paramLabel = "5s", defaultValue = "5s", converter = DurationConverter.class,
            description = "Per-response wait: 5s, 1500ms, 2 (seconds)")
    Duration responseTimeout;

    @Option(names = "--report", paramLabel = "FILE", description = "Write a self-contained HTML report")
    Optional<Path> htmlReport = Optional.empty();

    @Option(names = "--json", paramLabel = "FILE", description = "Write a JSON report (with the raw exchanges)")
    Optional<Path> jsonReport = Optional.empty();

    @Option(names = "--junit-xml", paramLabel = "FILE", description = "Write JUnit XML")
    Optional<Path> junitReport = Optional.empty();

    @Option(names = "--install-fixture", paramLabel = "DIR",
            description = "Write the fixture into DIR (the document root) and the canary beside it, then exit")
    Optional<Path> installDir = Optional.empty();

    @Option(names = "--list", description = "List the case catalogue and exit")
    boolean listCases;

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

    /** Parses and runs; returns the exit code. A user's mistake is one line on stderr and exit code 2. */
    public static int execute(String[] args, PrintStream out, PrintStream err) {
        CommandLine cli = new CommandLine(new KitCommand(out, err));
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        cli.setParameterExceptionHandler((e, arguments) -> {
            err.println("error: " + e.getMessage() + " (see --help)");
            return RunReport.UNUSABLE;
        });
        cli.setExecutionExceptionHandler((e, line, parsed) -> {
            err.println("error: " + e.getMessage());
            return RunReport.UNUSABLE;
        });
        return cli.execute(args);
    }

    @Override
    public Integer call() throws IOException {
        long modes = Stream.of(targetUri.isPresent(), serverCommand.isPresent(), targetsFile.isPresent(),
                !jsonReports.isEmpty(), installDir.isPresent(), listCases).filter(b -> b).count();
        if (modes != 1) {
            err.println("error: give exactly one of --target, --exec, --targets, --from-json, --install-fixture, --list; see --help");
            return RunReport.UNUSABLE;
        }
        try {
            MatrixFiles.check(matrixFiles);
            if (listCases) {
                return list();
            }
            if (installDir.isPresent()) {
                return install(installDir.get());
            }
            if (targetsFile.isPresent()) {
                return runClass(targetsFile.get());
            }
            if (!jsonReports.isEmpty()) {
                return matrixFromJson();
            }
            RunOptions options = options(targetUri.orElse("http://127.0.0.1:1"));
            return serverCommand.isPresent() ? runExec(serverCommand.get(), options) : runTarget(options);
        } catch (IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            return RunReport.UNUSABLE;
        }
    }

    private RunOptions options(String target) {
        return RunOptions.of(target).withPrefix(fixturePrefix).withProfile(profile).withStrict(strict)
                .withOnly(onlyPrefixes).withTimeout(responseTimeout);
    }

    private int runTarget(RunOptions options) throws IOException {
        ConsoleReport console = new ConsoleReport(out);
        out.println("conformance-kit: " + options.target() + options.prefix() + ", profile " + options.profile().label()
                + (strict ? ", strict" : "") + ", timeout " + options.timeout().toMillis() + " ms");
        return finish(ConformanceRun.run(options.withListener(console.progress())), console);
    }

    private int runExec(String command, RunOptions options) throws IOException {
        ExecSpec spec = new ExecSpec(command, documentRoot.orElse(null), serverPort, workingDirectory,
                startupTimeout, overwriteOthers);
        ConsoleReport console = new ConsoleReport(out);
        out.println("conformance-kit: --exec in " + spec.root() + ", profile " + options.profile().label()
                + (strict ? ", strict" : "") + ", timeout " + options.timeout().toMillis() + " ms");
        try {
            return finish(ExecRun.run(spec, options.withListener(console.progress()), out::println), console);
        } catch (ExecRun.Unusable e) {
            err.println("error: " + e.getMessage());
            return RunReport.UNUSABLE;
        }
    }

    private int finish(RunReport report, ConsoleReport console) throws IOException {
        if (htmlReport.isPresent()) {
            HtmlReport.write(report, htmlReport.get());
            out.println("HTML report: " + htmlReport.get().toAbsolutePath());
        }
        if (jsonReport.isPresent()) {
            JsonReport.write(report, jsonReport.get());
            out.println("JSON report: " + jsonReport.get().toAbsolutePath());
        }
        if (junitReport.isPresent()) {
            JunitXmlReport.write(report, junitReport.get());
            out.println("JUnit XML: " + junitReport.get().toAbsolutePath());
        }
        console.summary(report);
        return report.exitCode();
    }

    private int runClass(Path file) throws IOException {
        if (matrixFiles.isEmpty() && reportsDir.isEmpty()) {
            err.println("error: --targets needs --matrix FILE.html (or .csv), --reports-dir DIR, or both");
            return RunReport.UNUSABLE;
        }
        List<Submission> submissions;
        try {
            submissions = TargetsFile.read(file);
        } catch (TargetsFile.Malformed e) {
            err.println("error: " + e.getMessage());
            return RunReport.UNUSABLE;
        }
        Path linkBase = MatrixFiles.linkBase(matrixFiles);
        Path reports = reportsDir.orElse(linkBase.resolve("reports"));
        out.println("conformance-kit: " + submissions.size() + " submissions from " + file + ", " + jobs
                + " at a time, profile " + profile.label() + "; reports in " + reports.toAbsolutePath());
        ClassRun.Settings settings = new ClassRun.Settings(options("http://127.0.0.1:1"), reports, jobs,
                startupTimeout, overwriteOthers);
        List<ClassRun.Finished> finished = ClassRun.run(submissions, settings, out::println);
        List<Matrix.Column> columns = finished.stream().map(f -> Matrix.Column.of(f.submission().name(),
                f.submission().target(), f.report(), Optional.of(link(linkBase, f.html())))).toList();
        MatrixFiles.write(Matrix.of(columns, Matrix.rowsOf(finished.stream().map(ClassRun.Finished::report).toList())),
                matrixFiles, out);
        return 0;
    }

    private int matrixFromJson() throws IOException {
        if (matrixFiles.isEmpty()) {
            err.println("error: --from-json needs --matrix FILE.html (or .csv)");
            return RunReport.UNUSABLE;
        }
        Path linkBase = MatrixFiles.linkBase(matrixFiles);
        List<Matrix.Column> columns = new ArrayList<>();
        List<Matrix.Row> rows = new ArrayList<>();
        for (Path json : jsonReports) {
            try {
                JsonColumns.Read read = JsonColumns.read(json, linkBase);
                columns.add(read.column());
                read.rows().stream().filter(r -> rows.stream().noneMatch(k -> k.id().equals(r.id()))).forEach(rows::add);
            } catch (JsonColumns.Unreadable e) {
                err.println("error: " + e.getMessage());
                return RunReport.UNUSABLE;
            }
        }
        MatrixFiles.write(Matrix.of(columns, rows), matrixFiles, out);
        return 0;
    }

    private static String link(Path base, Path target) {
        return base.relativize(target.toAbsolutePath()).toString().replace('\\', '/');
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

    private int list() {
        for (ConformanceCase kase : Catalogue.all()) {
            out.printf(Locale.ROOT, "%-30s %-6s %-34s %s%n", kase.id(), kase.level()
                    + kase.courseLevel().map(l -> "/" + l).orElse(""), kase.reference(), kase.title());
        }
        out.println(Catalogue.all().size() + " cases");
        return 0;
    }
}
