package dev.comp2322.conformance;

import dev.comp2322.conformance.wire.Transcript;
import java.time.Duration;
import java.util.List;

/**
 * The result of one case: what was checked (id, title, RFC reference, level in this run's profile),
 * the outcome with its reason, why the requirement matters, and the bytes exchanged.
 */
public record CaseResult(String id, String title, String reference, Level level, Outcome outcome,
                         String reason, String why, String accepts, Duration elapsed,
                         List<Transcript.Entry> transcript) {
    /** Copies the transcript. */
    public CaseResult {
        transcript = List.copyOf(transcript);
    }
}
