package dev.comp2322.webserver.adapters.socket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class ShutdownTest {

    @Test
    void stopClosesIdleConnectionsAtOnceAndLetsAnInFlightResponseFinish() throws Exception {
        TestServer server = TestServer.start();
        CountDownLatch gate = server.service.gate("/slow");
        try (RawClient idle = server.connect(); RawClient busy = server.connect()) {
            idle.send("GET /a HTTP/1.1\r\nHost: a\r\n\r\n");
            assertThat(idle.read().body()).isEqualTo("hello /a");
            busy.send("GET /slow HTTP/1.1\r\nHost: a\r\n\r\n");
            assertThat(server.service.awaitGateReached(5)).isTrue();

            Thread stopper = Thread.ofVirtual().start(server.server::stop);

            assertThat(idle.serverClosed()).as("the idle connection is closed without waiting").isTrue();
            assertThat(stopper.isAlive()).as("stop waits for the in-flight exchange").isTrue();
            gate.countDown();
            assertThat(busy.read().body()).isEqualTo("hello /slow");
            assertThat(busy.serverClosed()).as("closed after its response").isTrue();
            assertThat(stopper.join(Duration.ofSeconds(5))).as("stop returned").isTrue();
        }
        assertNoThreadsLeft(server);
        assertThat(server.log.entries()).extracting("target").containsExactly("/a", "/slow");
    }

    @Test
    void stopClosesAConnectionStillMidRequestWhenTheGracePeriodEnds() throws IOException {
        TestServer server = TestServer.start(WireSettings.defaults().withShutdownGrace(Duration.ofMillis(200)));
        try (RawClient client = server.connect()) {
            client.send("GET /never-finished HTTP/1.1\r\n");
            Await.until("the server is reading the request", Duration.ofSeconds(5), () -> server.server.busyConnections() == 1);

            long start = System.nanoTime();
            server.server.stop();

            assertThat(Duration.ofNanos(System.nanoTime() - start)).isBetween(Duration.ofMillis(150), Duration.ofSeconds(5));
            assertThat(client.serverClosed()).isTrue();
        }
        assertNoThreadsLeft(server);
    }

    @Test
    void stopRefusesNewConnections() throws IOException {
        TestServer server = TestServer.start();
        InetSocketAddress address = server.address;

        server.close();

        assertThatThrownBy(() -> new RawClient(address).close()).isInstanceOf(ConnectException.class);
    }

    @Test
    void stopIsIdempotent() throws IOException {
        TestServer server = TestServer.start();

        server.server.stop();
        server.server.stop();

        assertNoThreadsLeft(server);
    }

    @Test
    void stopBeforeStartDoesNothingAndTheServerCanNotBeStartedTwice() throws IOException {
        SocketHttpServer never = new SocketHttpServer(new StubService(), StubService::open, new CollectingAccessLog(),
                WireSettings.defaults());
        never.stop();
        assertThat(never.terminated()).isTrue();

        TestServer server = TestServer.start();
        assertThatThrownBy(() -> server.server.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0)))
                .isInstanceOf(IllegalStateException.class);
        server.close();
    }

    private static void assertNoThreadsLeft(TestServer server) {
        server.close();
        assertThat(server.server.terminated()).isTrue();
        assertThat(Thread.getAllStackTraces().keySet())
                .extracting(Thread::getName)
                .noneMatch(name -> name.equals("http-accept-" + server.address.getPort()));
    }
}
