package dev.comp2322.webserver.adapters.socket;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The parser's memo: the same bytes at the same position give the same value; anything else, a new one. */
class RecentTextTest {

    private final RecentText<String> recent = new RecentText<>();

    @Test
    void theSameBytesAtTheSamePositionGiveTheSameInstance() {
        String first = value(0, "Hostexample.com", 4);
        String again = value(0, "Hostexample.com", 4);

        assertThat(first).isEqualTo("Host|example.com");
        assertThat(again).isSameAs(first);
    }

    @Test
    void otherBytesAnotherSplitOrAnotherPositionMakeAFreshValue() {
        String first = value(0, "Hostexample.com", 4);

        assertThat(value(0, "Hostexample.org", 4)).isEqualTo("Host|example.org");
        assertThat(value(0, "Hostexample.org", 3)).isEqualTo("Hos|texample.org");
        assertThat(value(1, "Hostexample.com", 4)).isNotSameAs(first).isEqualTo(first);
    }

    @Test
    void longElementsAndLatePositionsAreNotRemembered() {
        String longLine = "X".repeat(RecentText.MAX_BYTES + 1);

        assertThat(value(0, longLine, 1)).isNotSameAs(value(0, longLine, 1));
        assertThat(value(RecentText.SLOTS, "ab", 1)).isNotSameAs(value(RecentText.SLOTS, "ab", 1));
    }

    /** The value for {@code text}'s bytes split at {@code split}, as the header parser asks for name and value. */
    private String value(int position, String text, int split) {
        ByteScratch scratch = new ByteScratch(4);
        for (byte b : text.getBytes(StandardCharsets.ISO_8859_1)) {
            scratch.append(b);
        }
        return recent.value(position, scratch, 0, split, scratch.length(), (a, b) -> a + "|" + b);
    }
}
