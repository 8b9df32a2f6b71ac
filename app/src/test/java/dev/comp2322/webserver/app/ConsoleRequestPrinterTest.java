package dev.comp2322.webserver.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.comp2322.webserver.domain.model.AccessLogEntry;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ConsoleRequestPrinterTest {

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final ConsoleRequestPrinter printer =
            new ConsoleRequestPrinter(new PrintStream(bytes, false, StandardCharsets.UTF_8), ZoneOffset.UTC);

    private static AccessLogEntry entry(String ip, String method, String target, int status) {
        return new AccessLogEntry(Instant.parse("2025-03-01T14:03:07.412Z"), ip, 53124, method, target, "HTTP/1.1",
                status, 6686, Duration.ofNanos(430_000), "curl/8.0");
    }

    @AfterEach
    void closePrinter() {
        printer.close();
    }

    private String printed() {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void givenAnExchange_whenFormatted_thenTimeClientMethodTargetAndStatusAreOnOneLine() {
        String line = printer.format(entry("127.0.0.1", "GET", "/index.html", 200));

        assertThat(line).isEqualTo("14:03:07.412 127.0.0.1:53124 GET /index.html → 200 (6686 B, 0.4 ms)"
                + System.lineSeparator());
    }

    @Test
    void givenAnUnparseableRequest_whenFormatted_thenMethodAndTargetShowAsDashes() {
        String line = printer.format(entry("127.0.0.1", "", "", 400));

        assertThat(line).startsWith("14:03:07.412 127.0.0.1:53124 - - → 400 ");
    }

    @Test
    void givenAnIpv6Client_whenFormatted_thenTheAddressIsBracketed() {
        String line = printer.format(entry("::1", "HEAD", "/", 200));

        assertThat(line).contains(" [::1]:53124 HEAD / ");
    }

    @Test
    void givenControlCharactersInTheTarget_whenFormatted_thenTheyCannotReachTheTerminal() {
        String line = printer.format(entry("127.0.0.1", "GET", "/a\u001b[2Jb\u007f", 404));

        assertThat(line).contains(" /a?[2Jb? ").doesNotContain("\u001b");
    }

    @Test
    void givenAVeryLongTarget_whenFormatted_thenItIsCut() {
        String line = printer.format(entry("127.0.0.1", "GET", "/" + "x".repeat(5000), 404));

        assertThat(line).hasSizeLessThan(ConsoleRequestPrinter.MAX_TARGET_CHARS + 100).contains("x...");
    }

    @Test
    void givenRecordedLines_whenClosed_thenTheyAppearInOrder() {
        printer.record(entry("127.0.0.1", "GET", "/first", 200));
        printer.record(entry("127.0.0.1", "GET", "/second", 404));

        printer.close();

        assertThat(printed().lines()).hasSize(2);
        assertThat(printed().lines().toList().get(0)).contains("/first → 200");
        assertThat(printed().lines().toList().get(1)).contains("/second → 404");
    }

    @Test
    void givenAStalledConsole_whenMoreThanItHoldsIsRecorded_thenNothingBlocksAndTheMissingLinesAreCounted()
            throws InterruptedException {
        CountDownLatch stalled = new CountDownLatch(1);
        OutputStream pipe = new OutputStream() {
            @Override
            public void write(int b) {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) {
                try {
                    stalled.await(); // a terminal nobody reads
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                bytes.write(b, off, len);
            }
        };
        ConsoleRequestPrinter slow = new ConsoleRequestPrinter(new PrintStream(pipe, false, StandardCharsets.UTF_8), ZoneOffset.UTC);
        int recorded = ConsoleRequestPrinter.CAPACITY * 2;

        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            for (int i = 0; i < recorded; i++) {
                slow.record(entry("127.0.0.1", "GET", "/", 200));
            }
        });
        stalled.countDown();
        slow.close();

        long shown = printed().lines().filter(line -> line.contains("GET / → 200")).count();
        assertThat(shown).isLessThan(recorded);
        assertThat(printed()).contains("(console too slow: " + (recorded - shown) + " request lines not shown; see the log file)");
    }

    @Test
    void givenAConsoleThatCannotShowArrows_whenFormatted_thenAnAsciiArrowIsUsed() {
        try (ConsoleRequestPrinter ascii = new ConsoleRequestPrinter(
                new PrintStream(new ByteArrayOutputStream(), false, StandardCharsets.US_ASCII), ZoneOffset.UTC)) {
            assertThat(ascii.format(entry("127.0.0.1", "GET", "/", 200))).contains("GET / -> 200");
        }
    }

    @Test
    void givenAStartedPrinter_whenClosed_thenEverythingRecordedIsPrinted() {
        ConsoleRequestPrinter started = ConsoleRequestPrinter.start(new PrintStream(bytes, false, StandardCharsets.UTF_8));
        started.record(entry("127.0.0.1", "GET", "/last", 200));

        started.close();

        assertThat(printed()).contains("/last → 200");
    }
}
