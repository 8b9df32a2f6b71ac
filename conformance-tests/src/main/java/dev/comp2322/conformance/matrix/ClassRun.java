package dev.comp2322.conformance.matrix;

import dev.comp2322.conformance.ConformanceRun;
import dev.comp2322.conformance.KitThreads;
import dev.comp2322.conformance.ProgressListener;
import dev.comp2322.conformance.RunOptions;
import dev.comp2322.conformance.RunReport;
import dev.comp2322.conformance.exec.ExecRun;
import dev.comp2322.conformance.exec.ExecSpec;
import dev.comp2322.conformance.report.HtmlReport;
import dev.comp2322.conformance.report.JsonReport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * A whole class: every submission of a targets file, {@code jobs} at a time, each on its own port with
 * its own root (so no two servers can answer each other's requests), each with its full HTML and JSON
 * report in the reports directory. A submission that cannot run becomes a column that says why.
 */
public final class ClassRun {
    /** What every submission shares: the run options (target replaced per submission) and how to start servers. */
    public record Settings(RunOptions options, Path reportsDir, int jobs, Duration startupTimeout, boolean force) {
        /** Validates the number of jobs. */
        public Settings {
            if (jobs < 1) {
                throw new IllegalArgumentException("--jobs must be at least 1, got " + jobs);
            }
        }
    }

    /** A finished submission: its report and where its full report files are. */
    public record Finished(Submission submission, RunReport report, Path html, Path json) {
    }

    private ClassRun() {
    }

    /** Runs them all; {@code progress} hears one line per submission as it finishes. */
    public static List<Finished> run(List<Submission> submissions, Settings settings, Consumer<String> progress)
            throws IOException {
        Files.createDirectories(settings.reportsDir());
        ConcurrentLinkedQueue<Integer> queue = new ConcurrentLinkedQueue<>();
        for (int i = 0; i < submissions.size(); i++) {
            queue.add(i);
        }
        Finished[] done = new Finished[submissions.size()];
        AtomicInteger count = new AtomicInteger();
        ExecutorService pool = KitThreads.daemonPool();
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int w = 0; w < Math.min(settings.jobs(), submissions.size()); w++) {
                workers.add(pool.submit(() -> {
                    for (Integer i = queue.poll(); i != null; i = queue.poll()) {
                        Finished f = one(submissions.get(i), settings);
                        done[i] = f;
                        progress.accept(line(count.incrementAndGet(), submissions.size(), f));
                    }
                    return null;
                }));
            }
            for (Future<?> worker : workers) {
                await(worker);
            }
        } finally {
            pool.shutdownNow();
        }
        return List.of(done);
    }

    private static Finished one(Submission s, Settings settings) {
        RunOptions options = settings.options().withListener(ProgressListener.SILENT);
        RunReport report;
        try {
            if (s.isUrl()) {
                if (s.root().isPresent()) {
                    ExecRun.installFixture(s.root().get(), settings.force());
                }
                report = ConformanceRun.run(options.withTarget(s.target()));
            } else {
                ExecSpec spec = new ExecSpec(s.target(), s.root().orElseThrow(), 0, Optional.empty(),
                        settings.startupTimeout(), settings.force());
                report = ExecRun.run(spec, options, line -> { });
            }
        } catch (ExecRun.Unusable | IllegalArgumentException e) {
            report = new RunReport(options, Instant.now(), Duration.ZERO, List.of(), Optional.of(e.getMessage()));
        }
        Path html = settings.reportsDir().resolve(s.fileName() + ".html");
        Path json = settings.reportsDir().resolve(s.fileName() + ".json");
        try {
            HtmlReport.write(report, html);
            JsonReport.write(report, json);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the reports of " + s.name(), e);
        }
        return new Finished(s, report, html, json);
    }

    private static String line(int index, int total, Finished f) {
        RunReport r = f.report();
        String result = r.problem().map(p -> "not run: " + p)
                .orElse(r.summaryLine() + ", " + r.notesLine() + r.server().map(l -> "; " + l.ending()).orElse(""));
        return "[" + index + "/" + total + "] " + f.submission().name() + ": " + result;
    }

    private static void await(Future<?> worker) throws IOException {
        try {
            worker.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UncheckedIOException io) {
                throw io.getCause();
            }
            throw new IllegalStateException("kit error (please report): " + e.getCause(), e.getCause());
        }
    }
}
