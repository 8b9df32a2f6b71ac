package dev.comp2322.webserver.adapters.socket;

import static org.assertj.core.api.Assertions.assertThat;

import dev.comp2322.webserver.domain.model.Body;
import dev.comp2322.webserver.domain.model.HeaderField;
import dev.comp2322.webserver.domain.model.Response;
import dev.comp2322.webserver.domain.model.Status;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResponseWriterTest {

    private final ResponseWriter writer = new ResponseWriter();

    private static Response response(Status status, String date, String length) {
        return new Response(status, List.of(new HeaderField("Date", date), new HeaderField("Content-Length", length)),
                Body.Empty.INSTANCE, true);
    }

    private String head(Response response) {
        return new String(writer.head(response), StandardCharsets.ISO_8859_1);
    }

    @Test
    void aHeadIsEncodedExactlyAsDecided() {
        assertThat(head(response(Status.OK, "Thu, 03 Dec 2026 07:00:00 GMT", "5")))
                .isEqualTo("HTTP/1.1 200 OK\r\nDate: Thu, 03 Dec 2026 07:00:00 GMT\r\nContent-Length: 5\r\n\r\n");
    }

    @Test
    void aRememberedHeadIsReusedOnlyWhileEveryFieldIsEqual() {
        head(response(Status.OK, "Thu, 03 Dec 2026 07:00:00 GMT", "5"));

        assertThat(head(response(Status.OK, "Thu, 03 Dec 2026 07:00:00 GMT", "5"))).endsWith("Content-Length: 5\r\n\r\n");
        assertThat(head(response(Status.OK, "Thu, 03 Dec 2026 07:00:01 GMT", "5"))).contains("07:00:01");
        assertThat(head(response(Status.OK, "Thu, 03 Dec 2026 07:00:00 GMT", "6"))).endsWith("Content-Length: 6\r\n\r\n");
        assertThat(head(response(Status.NOT_FOUND, "Thu, 03 Dec 2026 07:00:00 GMT", "5"))).startsWith("HTTP/1.1 404 ");
    }

    @Test
    void aCharacterWithoutAnIsoLatin1ByteIsSentAsAQuestionMark() {
        assertThat(head(response(Status.OK, "caf\u00e9 \u20ac", "0"))).contains("Date: caf\u00e9 ?\r\n");
    }
}
