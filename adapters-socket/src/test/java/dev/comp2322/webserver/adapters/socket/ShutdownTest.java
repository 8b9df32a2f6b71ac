package dev.comp2322.webserver.adapters.socket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Path;
import java.time.InstantSource;
import org.junit.jupiter.api.io.TempDir;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class ShutdownTest {

    @Test
    void stopClosesIdleConnectionsAtOnceAndLetsAnInFlightResponseFinish(@TempDir Path dir) throws Exception {
        TestServer server = TestServer.start();
        // An in-flight response: a file far larger than the socket buffers, to a client that reads it only later.
        Path large = dir.resolve("large.bin");
        try (RandomAccessFile file = new RandomAccessFile(large.toFile(), "rw")) {
            file.setLength(16L << 20);
        }
        server.service.file("/large.bin", large);
        try (RawClient idle = server.connect(); RawClient busy = new RawClient(server.address, 4096)) {
            idle.send("GET /a HTTP/1.1\r\nHost: a\r\n\r\n");
            assertThat(idle.read().body()).isEqualTo("hello /a");
            busy.send("GET /large.bin HTTP/1.1\r\nHost: a\r\n\r\n");
            assertThat(busy.socket().getInputStream().readNBytes(100)).hasSize(100);

            Thread stopper = Thread.ofVirtual().start(server.server::stop);

            assertThat(idle.serverClosed()).as("the idle connection is closed without waiting").isTrue();
            assertThat(stopper.isAlive()).as("stop waits for the in-flight exchange").isTrue();
            assertThat(100L + busy.readToEnd().length).as("the whole response arrives").isGreaterThan(16L << 20);
            assertThat(stopper.join(Duration.ofSeconds(5))).as("stop returned").isTrue();
        }
        assertNoThreadsLeft(server);
        assertThat(server.log.entries()).extracting("target").containsExactly("/a", "/large.bin");
    }

    @Test
    void stopClosesAConnectionStillMidRequestWhenTheGracePeriodEnds() throws IOException {
        TestServer server = TestServer.start(WireSettings.builder().shutdownGrace(Duration.ofMillis(200)).build());
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
        SocketHttpServer never = new SocketHttpServer(new StubService(), StubService::content, new CollectingAccessLog(),
                WireSettings.defaults(), InstantSource.system());
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
                .noneMatch(name -> name.startsWith("http-loop-" + server.address.getPort() + "-"));
    }
}
