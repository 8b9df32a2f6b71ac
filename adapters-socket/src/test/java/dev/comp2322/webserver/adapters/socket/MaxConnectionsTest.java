package dev.comp2322.webserver.adapters.socket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(20)
class MaxConnectionsTest {

    @Test
    void aConnectionOverTheLimitWaitsInTheBacklogUntilASlotFrees() throws IOException {
        try (TestServer server = TestServer.start(WireSettings.builder().maxConnections(1)
                .shutdownGrace(Duration.ofSeconds(2)).build())) {
            RawClient first = server.connect();
            first.send("GET /first HTTP/1.1\r\nHost: a\r\n\r\n");
            assertThat(first.read().body()).isEqualTo("hello /first");

            try (RawClient second = server.connect()) {
                second.send("GET /second HTTP/1.1\r\nHost: a\r\n\r\n");
                second.socket().setSoTimeout(300);
                assertThatThrownBy(second::read).as("not served while the limit is reached")
                        .isInstanceOf(SocketTimeoutException.class);

                first.close();

                second.socket().setSoTimeout(RawClient.READ_TIMEOUT_MILLIS);
                assertThat(second.read().body()).isEqualTo("hello /second");
            }
        }
    }
}
