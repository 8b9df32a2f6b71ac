package dev.comp2322.webserver.adapters.log;

import dev.comp2322.webserver.domain.model.AccessLogEntry;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;

/** What producers hand the writer thread through its queue. */
sealed interface Job {

    /** Format and write one entry. */
    record Append(AccessLogEntry entry) implements Job {
        public Append {
            Objects.requireNonNull(entry, "entry");
        }
    }

    /** Write out everything queued before this job, then count {@code done} down. */
    record Flush(CountDownLatch done) implements Job {
        public Flush {
            Objects.requireNonNull(done, "done");
        }
    }
}
