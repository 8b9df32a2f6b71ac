package dev.comp2322.webserver.adapters.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.comp2322.webserver.adapters.log.BatchingWriter.Settings;
import dev.comp2322.webserver.adapters.log.BatchingWriter.WhenFull;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The building block on its own, with an in-memory sink: order, bursts, full queues, failures, close. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class BatchingWriterTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    /** Records every call; fails while {@code failures} is positive; can be held shut. */
    private static final class Sink implements BatchingWriter.Sink<Integer> {
        final BlockingQueue<List<Integer>> batches = new LinkedBlockingQueue<>();
        final List<Long> droppedCounts = new ArrayList<>();
        final CountDownLatch open = new CountDownLatch(1);
        final CountDownLatch attempted = new CountDownLatch(1);
        volatile int failures;
        volatile boolean held;
        int attempts;

        @Override
        public void write(List<Integer> batch, long dropped) throws IOException {
            attempts++;
            attempted.countDown();
            if (held) {
                try {
                    open.await(); // a stalled terminal
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            if (failures > 0) {
                failures--;
                throw new IOException("disk full");
            }
            droppedCounts.add(dropped);
            batches.add(List.copyOf(batch));
        }

        List<Integer> nextBatch() throws InterruptedException {
            List<Integer> batch = batches.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            assertThat(batch).as("a batch within %s", WAIT).isNotNull();
            return batch;
        }
    }

    private static Settings settings(int capacity, Duration window, WhenFull whenFull) {
        return new Settings(capacity, window, Duration.ofMillis(5), whenFull);
    }

    @Test
    void itemsSubmittedInABurstReachTheSinkInOrderInOneBatch() throws InterruptedException {
        Sink sink = new Sink();
        try (BatchingWriter<Integer> writer = new BatchingWriter<>("w", settings(100, Duration.ofHours(1), WhenFull.WAIT), sink)) {
            for (int i = 0; i < 50; i++) {
                writer.submit(i);
            }
        } // the window outlasts the test: close() writes the burst
        assertThat(sink.nextBatch()).hasSize(50).isSorted();
        assertThat(sink.batches).isEmpty();
    }

    @Test
    void aLoneItemIsWrittenAfterTheWindowWithoutAnyoneAskingForIt() throws InterruptedException {
        Sink sink = new Sink();
        try (BatchingWriter<Integer> writer = new BatchingWriter<>("w", settings(100, Duration.ofMillis(5), WhenFull.WAIT), sink)) {
            writer.submit(1);
            assertThat(sink.nextBatch()).containsExactly(1);
            writer.submit(2); // and again after the writer went idle
            assertThat(sink.nextBatch()).containsExactly(2);
        }
    }

    @Test
    void aFailingSinkGetsTheSameBatchAgainUntilItWorks() throws InterruptedException {
        Sink sink = new Sink();
        sink.failures = 3;
        try (BatchingWriter<Integer> writer = new BatchingWriter<>("w", settings(100, Duration.ZERO, WhenFull.WAIT), sink)) {
            writer.submit(7);
            assertThat(sink.nextBatch()).containsExactly(7);
        }
        assertThat(sink.attempts).isEqualTo(4);
    }

    @Test
    void whileTheSinkFailsAFullQueueDropsAndCountsInsteadOfBlocking() throws InterruptedException {
        Sink sink = new Sink();
        sink.failures = Integer.MAX_VALUE;
        BatchingWriter<Integer> writer = new BatchingWriter<>("w", settings(2, Duration.ZERO, WhenFull.WAIT), sink);
        writer.submit(0);
        assertThat(sink.attempted.await(WAIT.toMillis(), TimeUnit.MILLISECONDS)).as("the writer holds item 0").isTrue();
        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
            for (int i = 1; i <= 10; i++) {
                writer.submit(i); // two fit in the queue behind the held batch; the rest are dropped
            }
        });
        sink.failures = 0;
        assertThat(sink.nextBatch()).containsExactly(0);
        writer.close();
        assertThat(sink.droppedCounts.get(0)).isEqualTo(8);
        assertThat(writer.unwritten()).isZero();
    }

    @Test
    void dropNeverBlocksTheProducerOnAStalledSinkAndTellsItHowManyWentMissing() throws InterruptedException {
        Sink sink = new Sink();
        sink.held = true;
        BatchingWriter<Integer> writer = new BatchingWriter<>("w", settings(4, Duration.ZERO, WhenFull.DROP), sink);
        writer.submit(0);
        assertThat(sink.attempted.await(WAIT.toMillis(), TimeUnit.MILLISECONDS)).as("0 is stuck in the sink").isTrue();
        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
            for (int i = 1; i <= 100; i++) {
                writer.submit(i);
            }
        });
        sink.held = false;
        sink.open.countDown();
        writer.close();
        assertThat(sink.batches.stream().flatMap(List::stream).toList()).startsWith(0).hasSizeBetween(1, 5);
        assertThat(sink.droppedCounts.stream().mapToLong(Long::longValue).sum())
                .isEqualTo(101 - sink.batches.stream().mapToInt(List::size).sum());
    }

    @Test
    void closeWritesWhatIsQueuedThenRefusesMoreAndEndsTheThread() throws InterruptedException {
        Sink sink = new Sink();
        BatchingWriter<Integer> writer = new BatchingWriter<>("writer-under-test", settings(10, Duration.ofHours(1), WhenFull.WAIT), sink);
        writer.submit(1);

        writer.close();
        writer.close();

        assertThat(sink.nextBatch()).containsExactly(1);
        assertThatThrownBy(() -> writer.submit(2)).isInstanceOf(IllegalStateException.class)
                .hasMessage("writer-under-test is closed");
        assertThat(Thread.getAllStackTraces().keySet()).noneMatch(t -> t.getName().equals("writer-under-test"));
    }

    @Test
    void closingWhileTheSinkStillFailsCountsWhatWasNeverWritten() {
        Sink sink = new Sink();
        sink.failures = Integer.MAX_VALUE;
        BatchingWriter<Integer> writer = new BatchingWriter<>("w", settings(10, Duration.ZERO, WhenFull.WAIT), sink);
        writer.submit(1);
        writer.submit(2);

        assertTimeoutPreemptively(Duration.ofSeconds(5), writer::close);

        assertThat(writer.unwritten()).isEqualTo(2);
    }
}
