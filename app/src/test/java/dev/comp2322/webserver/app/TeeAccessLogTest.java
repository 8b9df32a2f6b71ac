package dev.comp2322.webserver.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.comp2322.webserver.domain.model.AccessLogEntry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TeeAccessLogTest {

    @Test
    void givenTwoLogs_whenRecord_thenEachGetsTheEntryInOrder() {
        List<String> seen = new ArrayList<>();
        TeeAccessLog tee = new TeeAccessLog(List.of(
                entry -> seen.add("csv " + entry.target()),
                entry -> seen.add("console " + entry.target())));

        tee.record(new AccessLogEntry(Instant.EPOCH, "127.0.0.1", 5000, "GET", "/a", "HTTP/1.1", 200, 10,
                Duration.ZERO, ""));

        assertThat(seen).containsExactly("csv /a", "console /a");
    }
}
