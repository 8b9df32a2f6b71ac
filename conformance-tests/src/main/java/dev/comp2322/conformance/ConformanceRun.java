package dev.comp2322.conformance;

import dev.comp2322.conformance.catalogue.Catalogue;
import dev.comp2322.conformance.catalogue.ConformanceCase;
import dev.comp2322.conformance.wire.Patience;
import dev.comp2322.conformance.wire.Target;
import dev.comp2322.conformance.wire.WireOutcome;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The kit's programmatic entry point: {@code ConformanceRun.run(RunOptions.of("http://127.0.0.1:8080"))}
 * runs the catalogue against a live server and returns a {@link RunReport}. Other modules' tests use it
 * to run the kit in-process; the CLI and the Maven entry point are thin layers over it.
 *
 * <p>Time (issue 9 §5): a probe first ({@link ServerProbe}: does the server answer, can it serve a client
 * beside idle ones), then the cases several at a time ({@link CaseScheduler}), with waits the run's
 * {@link Patience} shortens once the server has shown it needs less, and a budget ({@link #budget}) after
 * which cases not yet started are SKIPPED. A run ends within the budget plus one timeout (at most 5 s).
 */
public final class ConformanceRun {
    private ConformanceRun() {
    }

    /**
     * The run's time budget: nine timeouts, at least 30 s and at most 150 s (45 s at the default 5 s, 108 s
     * at 12 s), so a full run stays under a minute at the default and under three at {@code --timeout 12s}
     * with room to spare (cases still running at the budget get one more timeout, at most 5 s).
     */
    public static Duration budget(Duration timeout) {
        Duration ten = timeout.multipliedBy(9);
        Duration low = Duration.ofSeconds(30);
        Duration high = Duration.ofSeconds(150);
        return ten.compareTo(low) < 0 ? low : ten.compareTo(high) > 0 ? high : ten;
    }

    /** Runs the selected cases; results in catalogue order; never throws for server behaviour. */
    public static RunReport run(RunOptions options) {
        Instant started = Instant.now();
        long t0 = System.nanoTime();
        List<ConformanceCase> selected = Catalogue.select(options.only()).stream()
                .filter(c -> c.profiles().contains(options.profile())).toList();
        if (selected.isEmpty()) {
            return new RunReport(options, started, Duration.ZERO, List.of(),
                    Optional.of("no case matches --only " + String.join(",", options.only())));
        }
        Optional<String> unreachable = probe(options.parsedTarget(), options.timeout());
        if (unreachable.isPresent()) {
            return new RunReport(options, started, Duration.ZERO, List.of(), unreachable);
        }
        Duration budget = budget(options.timeout());
        long budgetEnd = t0 + budget.toNanos();
        Duration grace = options.timeout().compareTo(Duration.ofSeconds(5)) < 0 ? options.timeout() : Duration.ofSeconds(5);
        long hardEnd = budgetEnd + grace.toNanos();
        Patience patience = Patience.forRun(options.timeout(), hardEnd);
        ServerProbe.Finding finding = ServerProbe.run(options.parsedTarget(), patience);
        CaseRunner runner = new CaseRunner(options, patience, hardEnd);
        CaseScheduler scheduler = new CaseScheduler(selected, runner, finding.parallelism(), budgetEnd,
                WireOutcome.seconds(budget), options.listener());
        List<CaseResult> results;
        try {
            results = scheduler.runAll();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new RunReport(options, started, Duration.ofNanos(System.nanoTime() - t0), List.of(),
                    Optional.of("interrupted"));
        }
        return new RunReport(options, started, Duration.ofNanos(System.nanoTime() - t0), results, Optional.empty());
    }

    /** Empty if a TCP connection can be made; otherwise why not. */
    static Optional<String> probe(Target target, Duration timeout) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(target.host(), target.port()), (int) timeout.toMillis());
            return Optional.empty();
        } catch (IOException e) {
            return Optional.of("target unreachable: " + target.baseUri() + " (" + e.getMessage() + ")");
        }
    }
}
