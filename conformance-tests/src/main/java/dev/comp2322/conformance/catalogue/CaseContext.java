package dev.comp2322.conformance.catalogue;

import dev.comp2322.conformance.ConformanceProfile;
import dev.comp2322.conformance.fixture.Fixture;
import dev.comp2322.conformance.wire.RestClient;
import dev.comp2322.conformance.wire.Target;
import dev.comp2322.conformance.wire.Transcript;
import dev.comp2322.conformance.wire.WireConnection;
import dev.comp2322.conformance.wire.WireOutcome;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Everything a check may use: the target, the profile, the timeout, the fixture, request builders,
 * raw connections and REST Assured. It records the transcript and closes every connection it opened.
 */
public final class CaseContext implements AutoCloseable {
    private final Target target;
    private final ConformanceProfile profile;
    private final Duration timeout;
    private final Fixture fixture;
    private final Transcript transcript = new Transcript();
    private final AtomicInteger connections = new AtomicInteger();
    private final ReentrantLock lock = new ReentrantLock();
    private final List<WireConnection> open = new ArrayList<>();

    /** A context for one case. */
    public CaseContext(Target target, ConformanceProfile profile, Duration timeout, Fixture fixture) {
        this.target = target;
        this.profile = profile;
        this.timeout = timeout;
        this.fixture = fixture;
    }

    public Target target() {
        return target;
    }

    public ConformanceProfile profile() {
        return profile;
    }

    public boolean course() {
        return profile == ConformanceProfile.COURSE;
    }

    public Duration timeout() {
        return timeout;
    }

    public Fixture fixture() {
        return fixture;
    }

    public Transcript transcript() {
        return transcript;
    }

    /** The request-target of a fixture file, with the prefix, percent-encoded. */
    public String path(String name) {
        return target.path(name);
    }

    /** The Host field value. */
    public String host() {
        return target.authority();
    }

    /** "No response in 5 s": the phrase every timeout failure uses. */
    public String noResponse() {
        return "no response in " + seconds(timeout);
    }

    /** A well-formed HTTP/1.1 request with Host, the given fields, and {@code Connection: close}. */
    public String request(String method, String requestTarget, String... fields) {
        return keepAlive(method, requestTarget, with(fields, "Connection: close"));
    }

    /** {@link #request} for GET. */
    public String get(String requestTarget, String... fields) {
        return request("GET", requestTarget, fields);
    }

    /** A well-formed HTTP/1.1 request with Host and the given fields, leaving the connection open. */
    public String keepAlive(String method, String requestTarget, String... fields) {
        StringBuilder out = new StringBuilder(method).append(' ').append(requestTarget).append(" HTTP/1.1\r\n")
                .append("Host: ").append(host()).append("\r\n");
        for (String field : fields) {
            out.append(field).append("\r\n");
        }
        return out.append("\r\n").toString();
    }

    /** Opens a raw connection, closed automatically when the case ends. */
    public WireConnection open() throws IOException {
        WireConnection connection = WireConnection.open(target, timeout, transcript, connections.incrementAndGet());
        lock.lock();
        try {
            open.add(connection);
        } finally {
            lock.unlock();
        }
        return connection;
    }

    /** Sends one raw request on a new connection and reads one response (not to HEAD). */
    public WireOutcome exchange(String rawRequest) throws IOException {
        return exchange(rawRequest, false);
    }

    /** Sends one raw request on a new connection and reads one response. */
    public WireOutcome exchange(String rawRequest, boolean head) throws IOException {
        WireConnection connection = open();
        try {
            connection.send(rawRequest);
        } catch (IOException e) {
            // The server may answer and close before reading all we send: still read what it said.
            transcript.note("kit", "sending failed: " + e.getMessage());
        }
        return connection.read(head);
    }

    /** A REST Assured client for ordinary exchanges; they are recorded in this case's transcript. */
    public RestClient rest() {
        return new RestClient(target, timeout);
    }

    @Override
    public void close() {
        lock.lock();
        try {
            open.forEach(WireConnection::close);
            open.clear();
        } finally {
            lock.unlock();
        }
    }

    static String seconds(Duration d) {
        long ms = d.toMillis();
        return ms % 1000 == 0 ? (ms / 1000) + " s" : String.format(java.util.Locale.ROOT, "%.1f s", ms / 1000.0);
    }

    private static String[] with(String[] fields, String extra) {
        String[] all = java.util.Arrays.copyOf(fields, fields.length + 1);
        all[fields.length] = extra;
        return all;
    }
}
