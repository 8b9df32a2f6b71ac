package dev.comp2322.conformance.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The run's learnt waits (issue 9 §5): full until the server shows it needs less, and always honest about it. */
class PatienceTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final long FAR = Duration.ofHours(1).toNanos();

    private static Patience run() {
        return Patience.forRun(TIMEOUT, System.nanoTime() + FAR);
    }

    @Test
    @DisplayName("the first-byte wait is the timeout until two requests got no answer at all")
    void fullWaitUntilTwoSilences() {
        Patience p = run();
        p.answered(Duration.ofMillis(3));
        p.unanswered();

        assertThat(p.firstByte()).isEqualTo(new Patience.Wait(TIMEOUT, ""));
    }

    @Test
    @DisplayName("after two silences the wait is 20 times the median answer, at least 1 s, and says why")
    void shortenedToTwentyMedians() {
        Patience p = run();
        for (int ms : new int[] {2, 3, 90, 4, 3}) {
            p.answered(Duration.ofMillis(ms));
        }
        p.unanswered();
        p.forCase().unanswered();

        Patience.Wait wait = p.firstByte();
        assertThat(wait.duration()).isEqualTo(Duration.ofSeconds(1));
        assertThat(wait.note()).isEqualTo("wait shortened from 5 s: 2 earlier requests got no response at all,"
                + " and the server's median answer took 3 ms");
    }

    @Test
    @DisplayName("a slow server keeps the full wait: 20 medians above the timeout is the timeout")
    void slowServerKeepsTheTimeout() {
        Patience p = run();
        p.answered(Duration.ofMillis(400));
        p.unanswered();
        p.unanswered();

        assertThat(p.firstByte()).isEqualTo(new Patience.Wait(TIMEOUT, ""));
    }

    @Test
    @DisplayName("a fixed patience never learns")
    void fixedNeverShortens() {
        Patience p = Patience.fixed(TIMEOUT);
        p.unanswered();
        p.unanswered();
        p.unterminated();

        assertThat(p.firstByte().duration()).isEqualTo(TIMEOUT);
        assertThat(p.quietGap(TIMEOUT).duration()).isEqualTo(TIMEOUT);
    }

    @Test
    @DisplayName("after one unterminated body, a 500 ms pause ends such bodies at the default timeout")
    void quietGapAfterAnUnterminatedBody() {
        Patience p = run();
        assertThat(p.quietGap(TIMEOUT).duration()).isEqualTo(TIMEOUT);

        p.unterminated();

        assertThat(p.quietGap(TIMEOUT).duration()).isEqualTo(Duration.ofMillis(500));
    }

    @Test
    @DisplayName("a wait that would pass the run's deadline is cut to it, and the case knows its wait was cut")
    void deadlineCutsAndIsRemembered() {
        Patience p = Patience.forRun(TIMEOUT, System.nanoTime() + Duration.ofMillis(200).toNanos());
        Patience mine = p.forCase();
        Patience other = p.forCase();

        Patience.Wait wait = mine.firstByte();

        assertThat(wait.duration()).isLessThanOrEqualTo(Duration.ofMillis(200));
        assertThat(wait.note()).isEqualTo("cut short by the run's time budget");
        assertThat(mine.cutByDeadline()).isTrue();
        assertThat(other.cutByDeadline()).isFalse();
    }
}
