package dev.comp2322.webserver.adapters.socket;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;

/** A {@link SocketHttpServer} on a loopback port 0 with the stub service, opener and log. */
final class TestServer implements AutoCloseable {

    /** Short timeouts so timeout tests run fast; limits as in the defaults. */
    static final WireSettings FAST = WireSettings.defaults()
            .withKeepAliveTimeout(Duration.ofMillis(300))
            .withHeaderTimeout(Duration.ofMillis(300))
            .withWriteTimeout(Duration.ofMillis(300))
            .withShutdownGrace(Duration.ofSeconds(2));

    final StubService service = new StubService();
    final CollectingAccessLog log = new CollectingAccessLog();
    final SocketHttpServer server;
    final InetSocketAddress address;

    private TestServer(WireSettings settings, ContentOpener opener) throws IOException {
        server = new SocketHttpServer(service, opener, log, settings);
        address = server.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    }

    static TestServer start() throws IOException {
        return start(WireSettings.defaults().withShutdownGrace(Duration.ofSeconds(2)));
    }

    static TestServer start(WireSettings settings) throws IOException {
        return new TestServer(settings, StubService::open);
    }

    static TestServer start(WireSettings settings, ContentOpener opener) throws IOException {
        return new TestServer(settings, opener);
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
