package dev.comp2322.webserver.domain.model;

import static dev.comp2322.webserver.domain.model.Fields.fields;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** List-valued fields, RFC 9110 §5.6.1 (lists), §5.1 (case-insensitive names), §7.6.1 (Connection). */
class HeaderFieldsTest {

    @DisplayName("RFC 9110 §5.6.1, §7.6.1: connection options are case-insensitive list members")
    @ParameterizedTest(name = "Connection: \"{0}\" contains {1}? {2}")
    @CsvSource(delimiter = '|', value = {
        "close                  | close      | true",
        "CLOSE                  | close      | true",
        "keep-alive, close      | close      | true",
        "keep-alive ,\tclose    | close      | true",
        "Upgrade,Keep-Alive     | keep-alive | true",
        ", , close ,            | close      | true",
        "closed                 | close      | false",
        "not-close              | close      | false",
        "\"close\"              | close      | false",
        "keep-alive             | close      | false",
    })
    void containsToken(String value, String token, boolean expected) {
        assertThat(fields("connection", value).containsToken("Connection", token)).isEqualTo(expected);
    }
}
