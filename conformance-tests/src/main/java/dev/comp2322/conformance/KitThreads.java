package dev.comp2322.conformance;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The kit's threads: daemon platform threads, because the kit runs on Java 17 (no virtual threads)
 * and a thread stuck on a dead server must never keep the JVM alive after the report is printed.
 */
public final class KitThreads {

    private static final AtomicInteger COUNT = new AtomicInteger();

    private KitThreads() {
    }

    /** An executor of daemon threads; the caller shuts it down with {@code shutdownNow()}. */
    public static ExecutorService daemonPool() {
        return Executors.newCachedThreadPool(KitThreads::daemon);
    }

    /** A started daemon thread. */
    public static Thread start(Runnable task) {
        Thread thread = daemon(task);
        thread.start();
        return thread;
    }

    private static Thread daemon(Runnable task) {
        Thread thread = new Thread(task, "kit-" + COUNT.incrementAndGet());
        thread.setDaemon(true);
        return thread;
    }
}
