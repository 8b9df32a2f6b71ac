package dev.comp2322.webserver.domain.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Only a field that can go on the wire is built: RFC 9110 §5.1 (name), §5.5 (value), RFC 9112 §11.1 (splitting). */
class HeaderFieldTest {

    @DisplayName("RFC 9110 §5.5, RFC 9112 §11.1: a value with CR, LF, NUL or another control is refused")
    @ParameterizedTest(name = "value {0}")
    @ValueSource(strings = {"a\r\nSet-Cookie: x=1", "a\rb", "a\nb", "a\u0000b", "a\u0001b", "a\u001fb", "a\u007fb"})
    void controlInValueIsRefused(String value) {
        assertThatIllegalArgumentException().isThrownBy(() -> new HeaderField("Location", value))
                .withMessageContaining("control character");
    }

    @DisplayName("RFC 9110 §5.1: a name that is not a token (control, space, colon) is refused, and never echoed raw")
    @ParameterizedTest(name = "name {0}")
    @ValueSource(strings = {"X-A\r\nB", "X-A\u0000", "X A", "X:A", "X\tA"})
    void nameThatIsNotATokenIsRefused(String name) {
        assertThatIllegalArgumentException().isThrownBy(() -> new HeaderField(name, "v"))
                .withMessageContaining("is not a token")
                .withMessageNotContaining("\r").withMessageNotContaining("\n").withMessageNotContaining("\u0000");
    }

    @Test
    @DisplayName("RFC 9110 §5.5: HTAB, visible ASCII and obs-text are valid value characters")
    void tabAndObsTextAreAccepted() {
        assertThat(new HeaderField("X-A", "a\tb ~\u00e9\u00ff").value()).isEqualTo("a\tb ~\u00e9\u00ff");
    }

    @Test
    @DisplayName("a generated page is encoded once: its length is the UTF-8 byte count, its bytes a fresh copy")
    void textBodyIsEncodedOnce() {
        Body.Text text = new Body.Text("caf\u00e9");
        assertThat(text.length()).isEqualTo(5);
        text.utf8()[0] = 'X';
        assertThat(text.utf8()).containsExactly('c', 'a', 'f', 0xC3, 0xA9);
    }
}
