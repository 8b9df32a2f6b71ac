package dev.comp2322.webserver.adapters.socket;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Idle and head timeouts, with the 300 ms settings of {@link TestServer#FAST}. */
@Timeout(20)
class TimeoutTest {

    private TestServer server;
    private ScheduledExecutorService trickler;

    @BeforeEach
    void start() throws IOException {
        server = TestServer.start(TestServer.FAST);
        trickler = Executors.newSingleThreadScheduledExecutor();
    }

    @AfterEach
    void stop() throws InterruptedException {
        trickler.shutdownNow();
        assertThat(trickler.awaitTermination(5, TimeUnit.SECONDS)).isTrue();
        server.close();
    }

    @Test
    void anIdleConnectionIsClosedSilentlyAfterTheKeepAliveTimeout() throws IOException {
        try (RawClient client = server.connect()) {
            long start = System.nanoTime();

            assertThat(client.readToEnd()).as("nothing is sent to an idle connection").isEmpty();
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(250));
        }
        server.awaitNoConnections();
        assertThat(server.log.entries()).as("an idle timeout is not an exchange").isEmpty();
    }

    @Test
    void anIdleConnectionAfterAResponseIsClosedSilentlyToo() throws IOException {
        try (RawClient client = server.connect()) {
            client.send("GET /a HTTP/1.1\r\nHost: a\r\n\r\n");
            assertThat(client.read().body()).isEqualTo("hello /a");

            assertThat(client.readToEnd()).isEmpty();
        }
        server.awaitNoConnections();
        assertThat(server.log.entries()).hasSize(1);
    }

    @Test
    void aSlowlorisIsCutOffAfterTheHeadTimeoutWhileANormalClientIsServedPromptly() throws IOException {
        server.close();
        server = TestServer.start(TestServer.FAST.toBuilder().headerTimeout(Duration.ofMillis(500)).build());
        try (RawClient slowloris = server.connect(); RawClient normal = server.connect()) {
            long start = System.nanoTime();
            slowloris.send("GET / HTTP/1.1\r\n");
            // One header byte every 20 ms: every read succeeds, so only the head deadline can stop it.
            trickler.scheduleAtFixedRate(() -> trickle(slowloris), 20, 20, TimeUnit.MILLISECONDS);

            normal.send("GET /normal HTTP/1.1\r\nHost: a\r\n\r\n");
            assertThat(normal.read().body()).isEqualTo("hello /normal");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).as("served before the slowloris timed out")
                    .isLessThan(Duration.ofMillis(500));

            RawClient.Reply reply = slowloris.read();
            Duration cutOffAfter = Duration.ofNanos(System.nanoTime() - start);
            assertThat(reply.status()).isEqualTo(400);
            assertThat(reply.header("X-Error")).isEqualTo("HEAD_TIMEOUT");
            assertThat(cutOffAfter).isBetween(Duration.ofMillis(450), Duration.ofSeconds(3));
            assertThat(slowloris.serverClosed()).isTrue();
        }
        server.awaitNoConnections();
        assertThat(server.log.entries()).extracting("status").containsExactlyInAnyOrder(200, 400);
    }

    @Test
    void aRequestHeadThatStopsArrivingTimesOut() throws IOException {
        try (RawClient client = server.connect()) {
            client.send("GET / HTTP/1.1\r\nHost: a\r\n");

            RawClient.Reply reply = client.read();

            assertThat(reply.header("X-Error")).isEqualTo("HEAD_TIMEOUT");
            assertThat(client.serverClosed()).isTrue();
        }
    }

    @Test
    void aStalledRequestBodyTimesOut() throws IOException {
        try (RawClient client = server.connect()) {
            client.send("GET / HTTP/1.1\r\nHost: a\r\nContent-Length: 10\r\n\r\nabc");

            assertThat(client.read().header("X-Error")).isEqualTo("HEAD_TIMEOUT");
            assertThat(client.serverClosed()).isTrue();
        }
    }

    private static void trickle(RawClient client) {
        try {
            client.send("X");
        } catch (IOException closedByServer) {
            throw new IllegalStateException(closedByServer); // ends the schedule
        }
    }
}
