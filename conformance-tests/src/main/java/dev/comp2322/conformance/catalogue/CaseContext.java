package dev.comp2322.conformance.catalogue;

import dev.comp2322.conformance.ConformanceProfile;
import dev.comp2322.conformance.fixture.Fixture;
import dev.comp2322.conformance.wire.Patience;
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
 * raw connections and REST Assured. It records the transcript (exactly the bytes on the wire, for raw
 * connections and REST Assured alike) and closes every connection it opened.
 *
 * <p>Waits: {@code read()}, {@code exchange(...)}, {@code rest()} and {@code awaitClose()} wait as the
 * run's {@link Patience} says (the timeout, shortened once the server has shown it answers nothing, leaves
 * bodies open or never closes); {@code read(head, limit)} and {@code awaitClose(wait)} wait exactly what
 * the case asks (use them when a case waits on purpose, e.g. a slow or incomplete request). Every wait
 * ends by the run's deadline; a case whose wait was cut by it is SKIPPED, never failed.
 */
public final class CaseContext implements AutoCloseable {
    private final Target target;
    private final ConformanceProfile profile;
    private final Duration timeout;
    private final Patience patience;
    private final Fixture fixture;
    private final Transcript transcript = new Transcript();
    private final AtomicInteger connections = new AtomicInteger();
    private final ReentrantLock lock = new ReentrantLock();
    private final List<WireConnection> open = new ArrayList<>();

    /** A context for one case that always waits the full timeout. */
    public CaseContext(Target target, ConformanceProfile profile, Duration timeout, Fixture fixture) {
        this(target, profile, Patience.fixed(timeout), fixture);
    }

    /** A context for one case whose waits follow the run's patience (pass {@code runPatience.forCase()}). */
    public CaseContext(Target target, ConformanceProfile profile, Patience patience, Fixture fixture) {
        this.target = target;
        this.profile = profile;
        this.timeout = patience.timeout();
        this.patience = patience;
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

    /** The waits of this case (shared learning with the rest of the run). */
    public Patience patience() {
        return patience;
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

    /** "No response in 5 s": only for a wait in which not a single byte arrived (else describe what did). */
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
        WireConnection connection = WireConnection.open(target, patience, transcript, connections.incrementAndGet());
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
        return new RestClient(target, patience, connections::incrementAndGet);
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
        return WireOutcome.seconds(d);
    }

    private static String[] with(String[] fields, String extra) {
        String[] all = java.util.Arrays.copyOf(fields, fields.length + 1);
        all[fields.length] = extra;
        return all;
    }

    // ---- Exchanges that only prepare a case (issue 9 §3: the course status rule blames the case that owns the request) ----

    private final List<Integer> excused = new ArrayList<>();

    /**
     * An exchange that only prepares the case (learns a validator or an ETag, checks a precondition, repeats a
     * request another case owns): what it gets is used, but the course profile's status rule does not judge it
     * here; the case whose own request it is does.
     */
    public WireOutcome aside(String rawRequest) throws IOException {
        int before = transcript.statuses().size();
        WireOutcome outcome = exchange(rawRequest);
        List<Integer> all = transcript.statuses();
        lock.lock();
        try {
            excused.addAll(all.subList(Math.min(before, all.size()), all.size()));
        } finally {
            lock.unlock();
        }
        return outcome;
    }

    /** The statuses of this case's own exchanges: every status received, less those of {@link #aside} exchanges. */
    public List<Integer> judgedStatuses() {
        List<Integer> judged = new ArrayList<>(transcript.statuses());
        lock.lock();
        try {
            excused.forEach(judged::remove);   // remove(Object): one occurrence per excused status
        } finally {
            lock.unlock();
        }
        return judged;
    }
}
