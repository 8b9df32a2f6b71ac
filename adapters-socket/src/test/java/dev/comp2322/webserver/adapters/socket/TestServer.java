package dev.comp2322.webserver.adapters.socket;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.channels.FileChannel;
import java.time.Duration;
import java.time.InstantSource;
import dev.comp2322.webserver.domain.port.out.ContentSource;

/** A {@link SocketHttpServer} on a loopback port 0 with the stub service, content source and log. */
final class TestServer implements AutoCloseable {

    /** Short timeouts so timeout tests run fast; limits as in the defaults. */
    static final WireSettings FAST = WireSettings.builder()
            .keepAliveTimeout(Duration.ofMillis(300))
            .headerTimeout(Duration.ofMillis(300))
            .writeTimeout(Duration.ofMillis(300))
            .shutdownGrace(Duration.ofSeconds(2)).build();

    final StubService service = new StubService();
    final CollectingAccessLog log = new CollectingAccessLog();
    final SocketHttpServer server;
    final InetSocketAddress address;

    private TestServer(WireSettings settings, ContentSource<FileChannel> content) throws IOException {
        server = new SocketHttpServer(service, content, log, settings, InstantSource.system());
        address = server.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    }

    static TestServer start() throws IOException {
        return start(WireSettings.builder().shutdownGrace(Duration.ofSeconds(2)).build());
    }

    static TestServer start(WireSettings settings) throws IOException {
        return new TestServer(settings, StubService::content);
    }

    static TestServer start(WireSettings settings, ContentSource<FileChannel> content) throws IOException {
        return new TestServer(settings, content);
    }

    RawClient connect() throws IOException {
        return new RawClient(address);
    }

    /** Waits until the server has no open connection: every exchange is over and logged. */
    void awaitNoConnections() {
        Await.until("no connection is open", Duration.ofSeconds(5), () -> server.openConnections() == 0);
    }

    @Override
    public void close() {
        server.stop();
        assertThat(server.terminated()).as("every server thread ended").isTrue();
    }
}
