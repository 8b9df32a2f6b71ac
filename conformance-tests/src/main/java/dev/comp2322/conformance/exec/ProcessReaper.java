package dev.comp2322.conformance.exec;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The servers the kit has started and not yet stopped. One JVM shutdown hook (Ctrl-C, SIGTERM, or
 * {@code System.exit}) stops every one of them, so the kit never leaves a submission's server behind.
 */
final class ProcessReaper {
    private static final Set<ServerProcess> LIVE = new LinkedHashSet<>();
    private static boolean hooked;

    private ProcessReaper() {
    }

    static synchronized void register(ServerProcess server) {
        if (!hooked) {
            Runtime.getRuntime().addShutdownHook(new Thread(ProcessReaper::stopAll, "kit-reaper"));
            hooked = true;
        }
        LIVE.add(server);
    }

    static synchronized void unregister(ServerProcess server) {
        LIVE.remove(server);
    }

    private static void stopAll() {
        List<ServerProcess> servers;
        synchronized (ProcessReaper.class) {
            servers = List.copyOf(LIVE);
        }
        // In parallel: each stop may wait its grace period, and a JVM being shut down should not linger.
        List<Thread> stoppers = servers.stream().map(s -> new Thread(s::stop, "kit-reaper-" + s.pid())).toList();
        stoppers.forEach(Thread::start);
        for (Thread t : stoppers) {
            try {
                t.join(ServerProcess.GRACE.multipliedBy(3).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
