package dev.comp2322.conformance;

import dev.comp2322.conformance.catalogue.Catalogue;
import dev.comp2322.conformance.catalogue.ConformanceCase;
import dev.comp2322.conformance.wire.Target;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The kit's programmatic entry point: {@code ConformanceRun.run(RunOptions.of("http://127.0.0.1:8080"))}
 * runs the catalogue against a live server and returns a {@link RunReport}. Other modules' tests use it
 * to run the kit in-process; the CLI and the Maven entry point are thin layers over it.
 */
public final class ConformanceRun {
    private ConformanceRun() {
    }

    /** Runs the selected cases in catalogue order; never throws for server behaviour. */
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
        CaseRunner runner = new CaseRunner(options);
        Map<String, CaseResult> done = new LinkedHashMap<>();
        List<CaseResult> results = new ArrayList<>();
        for (ConformanceCase c : selected) {
            CaseResult result = runWithPreconditions(c, runner, done, selected);
            results.add(result);
            options.listener().finished(result, results.size(), selected.size());
        }
        return new RunReport(options, started, Duration.ofNanos(System.nanoTime() - t0), results, Optional.empty());
    }

    private static CaseResult runWithPreconditions(ConformanceCase c, CaseRunner runner, Map<String, CaseResult> done,
                                                   List<ConformanceCase> selected) {
        for (String id : c.dependsOn()) {
            CaseResult dependency = done.get(id);
            if (dependency == null) {
                // A precondition later in the catalogue: run it now, silently, to decide.
                ConformanceCase d = selected.stream().filter(s -> s.id().equals(id)).findFirst()
                        .orElse(Catalogue.byId(id).orElseThrow());
                dependency = runWithPreconditions(d, runner, done, selected);
            }
            if (dependency.outcome() == Outcome.FAIL || dependency.outcome() == Outcome.SKIPPED) {
                CaseResult skipped = runner.skipped(c, "precondition " + id + " was " + dependency.outcome()
                        + ": " + dependency.reason());
                done.put(c.id(), skipped);
                return skipped;
            }
        }
        CaseResult cached = done.get(c.id());
        if (cached != null) {
            return cached;
        }
        CaseResult result = runner.run(c);
        done.put(c.id(), result);
        return result;
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
