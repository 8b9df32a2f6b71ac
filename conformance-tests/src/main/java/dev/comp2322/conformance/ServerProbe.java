package dev.comp2322.conformance;

import dev.comp2322.conformance.wire.Patience;
import dev.comp2322.conformance.wire.Target;
import dev.comp2322.conformance.wire.Transcript;
import dev.comp2322.conformance.wire.WireConnection;
import dev.comp2322.conformance.wire.WireOutcome;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * What the kit learns before the first case (issue 9 §5): whether the server answers a plain GET at all
 * (the run's patience learns its latency, or that it answers nothing), and whether it serves a client
 * while others hold idle connections, which is what makes running cases side by side safe. A server that
 * cannot is tested one case at a time, so no case is failed for another case's connection.
 */
final class ServerProbe {
    /** Cases run at most this many at a time. */
    static final int PARALLELISM = 4;
    /** Idle connections held while one more client is served: more than the cases running at once can hold. */
    private static final int IDLE = PARALLELISM + 1;
    private static final Duration SERVED_WITHIN = Duration.ofSeconds(2);

    /** What the probe found: how many cases may run at once, and why. */
    record Finding(int parallelism, String why) {
    }

    private ServerProbe() {
    }

    static Finding run(Target target, Patience patience) {
        Transcript ignored = new Transcript();
        boolean answered = false;
        for (int attempt = 0; attempt < 2 && !answered; attempt++) {
            answered = answers(target, patience, ignored);
        }
        if (!answered) {
            return new Finding(1, "the server answered no probe request");
        }
        for (int attempt = 0; attempt < 2; attempt++) {
            if (servesBesideIdle(target, patience, ignored)) {
                return new Finding(PARALLELISM, "the server served a client while " + IDLE + " connections sat idle");
            }
        }
        return new Finding(1, "the server did not serve a client while " + IDLE
                + " connections sat idle, so cases run one at a time");
    }

    private static boolean answers(Target target, Patience patience, Transcript transcript) {
        try (WireConnection c = WireConnection.open(target, patience, transcript, 0)) {
            c.send(request(target));
            WireOutcome o = c.read();
            return o instanceof WireOutcome.Received || o instanceof WireOutcome.Garbled
                    || (o instanceof WireOutcome.Silent s && !s.nothing());
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean servesBesideIdle(Target target, Patience patience, Transcript transcript) {
        List<WireConnection> idle = new ArrayList<>();
        try {
            for (int i = 0; i < IDLE; i++) {
                idle.add(WireConnection.open(target, patience, transcript, 0));
            }
            try (WireConnection c = WireConnection.open(target, patience, transcript, 0)) {
                c.send(request(target));
                Duration limit = SERVED_WITHIN.compareTo(patience.timeout()) < 0 ? SERVED_WITHIN : patience.timeout();
                return c.read(false, limit) instanceof WireOutcome.Received;
            }
        } catch (IOException e) {
            return false;
        } finally {
            idle.forEach(WireConnection::close);
        }
    }

    private static String request(Target target) {
        return "GET " + target.path("index.html") + " HTTP/1.1\r\nHost: " + target.authority()
                + "\r\nConnection: close\r\n\r\n";
    }
}
