package dev.comp2322.webserver.adapters.log;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The console is told about a failing log at most once per interval. */
class FaultReporterTest {

    final List<String> lines = new ArrayList<>();
    final AtomicLong now = new AtomicLong();
    final FaultReporter reporter =
            new FaultReporter(Path.of("/x/Log.csv"), Duration.ofSeconds(5), lines::add, now::get);

    @Test
    void theFirstFailureIsReportedAtOnce() {
        reporter.writeFailed("No space left on device", 3);

        assertThat(lines).containsExactly("access log /x/Log.csv: write failed (No space left on device); 3 records waiting");
    }

    @Test
    void repeatedFailuresWithinTheIntervalAreReportedOnce() {
        reporter.writeFailed("No space left on device", 3);
        now.set(Duration.ofMillis(4_999).toNanos());
        reporter.writeFailed("No space left on device", 9);

        assertThat(lines).hasSize(1);
    }

    @Test
    void aFailureAfterTheIntervalIsReportedAgain() {
        reporter.writeFailed("No space left on device", 3);
        now.set(Duration.ofSeconds(5).toNanos());
        reporter.writeFailed("No space left on device", 9);

        assertThat(lines).hasSize(2).last().asString().endsWith("9 records waiting");
    }

    @Test
    void recoveryIsReportedWithTheLostCountAfterAReportedFailure() {
        reporter.writeFailed("Permission denied", 1);

        assertThat(reporter.resumed(7)).isTrue();
        assertThat(lines).last().isEqualTo("access log /x/Log.csv: writing again; 7 records lost while it was failing");
    }

    @Test
    void recoveryFromAnUnreportedFailureStaysQuietSoTheCountIsCarriedOver() {
        reporter.writeFailed("Permission denied", 1);
        reporter.resumed(0);
        now.set(Duration.ofSeconds(1).toNanos());
        reporter.writeFailed("Permission denied", 1); // within the interval: not reported

        assertThat(reporter.resumed(4)).isFalse();
        assertThat(lines).hasSize(2);
    }
}
