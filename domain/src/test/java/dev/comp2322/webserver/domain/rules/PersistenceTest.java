package dev.comp2322.webserver.domain.rules;

import static dev.comp2322.webserver.domain.model.Fields.header;
import static org.assertj.core.api.Assertions.assertThat;

import dev.comp2322.webserver.domain.model.HttpVersion;
import dev.comp2322.webserver.domain.model.Response;
import java.util.Objects;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Persistent connections: RFC 9112 §9.3, §9.6, Appendix C.2.2. */
class PersistenceTest {

    @DisplayName("RFC 9112 §9.3: who keeps the connection, and what the response says")
    @ParameterizedTest(name = "HTTP/1.{0} Connection: {1} → {2} → open {3}, Connection: {4}, Keep-Alive: {5}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
        "1 | -                 | /hello.txt | true  |            |",
        "1 | close             | /hello.txt | false | close      |",
        "1 | Close             | /hello.txt | false | close      |",
        "1 | keep-alive        | /hello.txt | true  |            |",
        "1 | keep-alive, close | /hello.txt | false | close      |",
        "1 | -                 | /nothing   | true  |            |",
        "1 | -                 | /../x      | false | close      |",
        "0 | -                 | /hello.txt | false | close      |",
        "0 | keep-alive        | /hello.txt | true  | keep-alive | timeout=15",
        "0 | Keep-Alive        | /hello.txt | true  | keep-alive | timeout=15",
        "0 | keep-alive        | /nothing   | true  | keep-alive | timeout=15",
        "0 | keep-alive        | /../x      | false | close      |",
        "0 | close             | /hello.txt | false | close      |",
        "0 | keep-alive, close | /hello.txt | false | close      |",
        "0 | upgrade           | /hello.txt | false | close      |",
    })
    void persistenceMatrix(int minor, String connection, String target, boolean open, String said, String keepAlive) {
        String[] fields = connection == null
                ? new String[] {"Host", "h"}
                : new String[] {"Host", "h", "Connection", connection};
        Response res = Site.course().serve(Requests.request("GET", target, new HttpVersion(1, minor), fields));
        assertThat(res.keepOpen()).isEqualTo(open);
        // An empty CSV column arrives as null; Response.header gives "" for an absent field.
        assertThat(header(res, "Connection")).isEqualTo(Objects.requireNonNullElse(said, ""));
        assertThat(header(res, "Keep-Alive")).isEqualTo(Objects.requireNonNullElse(keepAlive, ""));
    }
}
