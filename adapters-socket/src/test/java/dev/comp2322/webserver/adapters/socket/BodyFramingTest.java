package dev.comp2322.webserver.adapters.socket;

import static dev.comp2322.webserver.domain.model.RequestError.Kind.BAD_FRAMING;
import static dev.comp2322.webserver.domain.model.RequestError.Kind.CONTENT_TOO_LARGE;
import static dev.comp2322.webserver.domain.model.RequestError.Kind.UNSUPPORTED_TRANSFER_CODING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.comp2322.webserver.domain.model.HeaderField;
import dev.comp2322.webserver.domain.model.HeaderFields;
import dev.comp2322.webserver.domain.model.HttpVersion;
import dev.comp2322.webserver.domain.model.RequestError;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class BodyFramingTest {

    private static final long MAX = 1000;

    @Test
    void noLengthAndNoTransferCodingMeansNoBody() throws WireException {
        assertThat(BodyFraming.of(HttpVersion.HTTP_1_1, fields("Host", "a"), MAX)).isEqualTo(BodyFraming.NONE);
    }

    @Test
    void aDecimalContentLengthFramesThatManyBytes() throws WireException {
        assertThat(BodyFraming.of(HttpVersion.HTTP_1_1, fields("content-length", "0042"), MAX))
                .isEqualTo(new BodyFraming.Length(42));
    }

    @Test
    void contentLengthZeroMeansNoBody() throws WireException {
        assertThat(BodyFraming.of(HttpVersion.HTTP_1_0, fields("Content-Length", "0"), MAX))
                .isEqualTo(BodyFraming.NONE);
    }

    @ParameterizedTest(name = "Content-Length: \"{0}\"")
    @ValueSource(strings = {"", "+5", "-1", "0x5", "5, 6", "5,5", "5 5", "abc", "1e3", "99999999999999999999"})
    void invalidContentLengthValuesAreBadFraming(String value) {
        assertRejected(HttpVersion.HTTP_1_1, fields("Content-Length", value), BAD_FRAMING);
    }

    @Test
    void twoContentLengthLinesAreBadFramingEvenWhenEqual() {
        assertRejected(HttpVersion.HTTP_1_1, fields("Content-Length", "5", "Content-Length", "5"), BAD_FRAMING);
    }

    @Test
    void aContentLengthAboveTheDiscardLimitIsContentTooLarge() {
        assertRejected(HttpVersion.HTTP_1_1, fields("Content-Length", "1001"), CONTENT_TOO_LARGE);
    }

    @Test
    void chunkedAloneIsChunkedWhateverItsCase() throws WireException {
        assertThat(BodyFraming.of(HttpVersion.HTTP_1_1, fields("Transfer-Encoding", "Chunked"), MAX))
                .isEqualTo(BodyFraming.CHUNKED);
    }

    @Test
    void contentLengthWithTransferEncodingIsRejectedAsASmugglingAttempt() {
        assertRejected(HttpVersion.HTTP_1_1,
                fields("Content-Length", "5", "Transfer-Encoding", "chunked"), BAD_FRAMING);
    }

    @Test
    void transferEncodingInHttp10IsBadFraming() {
        assertRejected(HttpVersion.HTTP_1_0, fields("Transfer-Encoding", "chunked"), BAD_FRAMING);
    }

    static Stream<Arguments> transferCodings() {
        return Stream.of(
                Arguments.of("gzip", UNSUPPORTED_TRANSFER_CODING),
                Arguments.of("identity", UNSUPPORTED_TRANSFER_CODING),
                Arguments.of("gzip, chunked", UNSUPPORTED_TRANSFER_CODING),
                Arguments.of("chunked, gzip", BAD_FRAMING),
                Arguments.of("chunked, chunked", BAD_FRAMING),
                Arguments.of("", BAD_FRAMING),
                Arguments.of("chunked,", BAD_FRAMING));
    }

    @ParameterizedTest(name = "Transfer-Encoding: \"{0}\" -> {1}")
    @MethodSource("transferCodings")
    void transferCodingsOtherThanAFinalChunkedAreRejected(String value, RequestError.Kind kind) {
        assertRejected(HttpVersion.HTTP_1_1, fields("Transfer-Encoding", value), kind);
    }

    @Test
    void chunkedSplitOverTwoLinesCountsAsAppliedTwice() {
        assertRejected(HttpVersion.HTTP_1_1,
                fields("Transfer-Encoding", "chunked", "Transfer-Encoding", "chunked"), BAD_FRAMING);
    }

    private static void assertRejected(HttpVersion version, HeaderFields headers, RequestError.Kind kind) {
        assertThatThrownBy(() -> BodyFraming.of(version, headers, MAX))
                .isInstanceOfSatisfying(WireException.class, e -> assertThat(e.kind()).isEqualTo(kind));
    }

    /** A header section from alternating names and values. */
    private static HeaderFields fields(String... namesAndValues) {
        List<HeaderField> list = new ArrayList<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            list.add(new HeaderField(namesAndValues[i], namesAndValues[i + 1]));
        }
        return new HeaderFields(list);
    }
}
