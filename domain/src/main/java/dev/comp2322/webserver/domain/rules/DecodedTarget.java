package dev.comp2322.webserver.domain.rules;

import dev.comp2322.webserver.domain.model.ResourcePath;
import java.util.Objects;

/** What {@link TargetDecoder} makes of a request-target: a normalised path, or a reason to answer 400. */
sealed interface DecodedTarget {

    /**
     * A usable target.
     *
     * @param path  the decoded, normalised path
     * @param query the raw query without its {@code ?} (ASCII, no whitespace), or empty text
     */
    record Valid(ResourcePath path, String query) implements DecodedTarget {
        public Valid {
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(query, "query");
        }
    }

    /** A target that is not acceptable; {@code reason} is for tests and logs, never echoed raw. */
    record Invalid(String reason) implements DecodedTarget {
        public Invalid {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
