package dev.comp2322.conformance.exec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.comp2322.conformance.CaseResult;
import dev.comp2322.conformance.Level;
import dev.comp2322.conformance.Outcome;
import dev.comp2322.conformance.ProgressListener;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Which case a server's death is blamed on, driven by hand with real processes (no timing involved). */
@Timeout(30)
class CrashWatchTest {
    @TempDir
    Path root;

    private ServerProcess server;

    @AfterEach
    void stop() {
        server.stop();
        Kit.assertNothingLeftRunning();
    }

    @Test
    @DisplayName("a server already dead when the first case starts: that case FAILs 'before this case started', none is blamed")
    void deadBeforeTheFirstCase() throws Exception {
        server = start("echo giving up; exit 4");
        assertThat(server.exitStatus(Duration.ofSeconds(10))).hasValue(4);
        CrashWatch watch = new CrashWatch(server, ProgressListener.SILENT);

        watch.started("get-html");
        watch.started("get-text");
        watch.ran(result("get-html", Outcome.FAIL, "connection refused"));
        watch.ran(result("get-text", Outcome.FAIL, "connection refused"));

        List<CaseResult> shown = watch.rewrite(List.of(result("get-html", Outcome.FAIL, ""), result("get-text", Outcome.FAIL, "")));
        assertThat(shown.get(0).outcome()).isEqualTo(Outcome.FAIL);
        assertThat(shown.get(0).reason()).startsWith("the server process exited with status 4 before this case started: giving up");
        assertThat(shown.get(1).outcome()).isEqualTo(Outcome.SKIPPED);
        assertThat(shown.get(1).reason()).isEqualTo("the server process exited with status 4 before case get-html started;"
                + " nothing more can be tested");
        assertThat(watch.diedDuring()).isEmpty();
    }

    @Test
    @DisplayName("a server that dies while cases run: the first to end after it FAILs naming the others, later ones are SKIPPED")
    void diesDuringACase() throws Exception {
        server = start("echo up; exec sleep 60");
        CrashWatch watch = new CrashWatch(server, ProgressListener.SILENT);
        watch.started("get-html");
        watch.ran(result("get-html", Outcome.PASS, "200"));
        watch.started("traversal-nul");
        watch.started("method-post");

        server.stop();
        watch.ran(result("traversal-nul", Outcome.FAIL, "connection closed"));
        watch.ran(result("method-post", Outcome.FAIL, "connection refused"));

        List<CaseResult> shown = watch.rewrite(List.of(result("get-html", Outcome.PASS, "200"),
                result("traversal-nul", Outcome.FAIL, ""), result("method-post", Outcome.FAIL, "")));
        assertThat(shown.get(0).outcome()).isEqualTo(Outcome.PASS);
        assertThat(shown.get(1).outcome()).isEqualTo(Outcome.FAIL);
        assertThat(shown.get(1).reason()).startsWith("the server process exited with status 143 during this case"
                + " (running at the same time: method-post): up");
        assertThat(shown.get(2).outcome()).isEqualTo(Outcome.SKIPPED);
        assertThat(shown.get(2).reason()).contains("during case traversal-nul");
        assertThat(watch.diedDuring()).contains("traversal-nul");
    }

    private ServerProcess start(String command) throws Exception {
        ExecSpec spec = new ExecSpec(command, root, 0, Optional.empty(), Duration.ofSeconds(5), false);
        return ServerProcess.start(spec, FreePorts.next());
    }

    private static CaseResult result(String id, Outcome outcome, String reason) {
        return new CaseResult(id, id, "RFC 9110", Level.MUST, outcome, reason, "", "", Duration.ZERO, List.of());
    }
}
