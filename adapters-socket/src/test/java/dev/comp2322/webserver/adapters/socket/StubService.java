package dev.comp2322.webserver.adapters.socket;

import dev.comp2322.webserver.domain.model.Body;
import dev.comp2322.webserver.domain.model.HeaderField;
import dev.comp2322.webserver.domain.model.Request;
import dev.comp2322.webserver.domain.model.RequestError;
import dev.comp2322.webserver.domain.model.Response;
import dev.comp2322.webserver.domain.model.Status;
import dev.comp2322.webserver.domain.port.in.ServeRequest;
import dev.comp2322.webserver.domain.port.out.ContentHandle;
import dev.comp2322.webserver.domain.port.out.ContentSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A stand-in for the domain: answers 200 with {@code hello <target>}, or a registered file's
 * content, keeps the connection open by the HTTP/1.x defaults, and answers request errors with 400
 * naming the error kind in {@code X-Error}.
 */
final class StubService implements ServeRequest {

    /** A file handle the stub opener understands. */
    record FileHandle(Path path) implements ContentHandle {}

    private final Map<String, Path> files = new ConcurrentHashMap<>();
    private final Map<String, Long> promisedLengths = new ConcurrentHashMap<>();
    private final Map<String, CountDownLatch> gates = new ConcurrentHashMap<>();
    private final CountDownLatch gateReached = new CountDownLatch(1);
    final AtomicInteger serveCalls = new AtomicInteger();

    /** Serves {@code path}'s content at {@code target}. */
    void file(String target, Path path) {
        files.put(target, path);
    }

    /** Serves {@code path} at {@code target} but promises {@code length} bytes, as if it shrank after the lookup. */
    void lyingFile(String target, Path path, long length) {
        files.put(target, path);
        promisedLengths.put(target, length);
    }

    /** Makes requests for {@code target} wait until the returned latch is released. */
    CountDownLatch gate(String target) {
        CountDownLatch gate = new CountDownLatch(1);
        gates.put(target, gate);
        return gate;
    }

    /** Waits until a request reached a gate. */
    boolean awaitGateReached(long seconds) throws InterruptedException {
        return gateReached.await(seconds, TimeUnit.SECONDS);
    }

    @Override
    public Response serve(Request request) {
        serveCalls.incrementAndGet();
        awaitGate(request.target());
        boolean keepOpen = request.version().atLeastHttp11()
                ? !request.headers().containsToken("Connection", "close")
                : request.headers().containsToken("Connection", "keep-alive");
        Path path = files.get(request.target());
        Body body;
        Status status = Status.OK;
        if (path == null) {
            body = new Body.Text("hello " + request.target());
        } else if (Files.exists(path)) {
            body = new Body.FileContent(new FileHandle(path), promisedLengths.getOrDefault(request.target(), size(path)));
        } else {
            status = Status.NOT_FOUND;
            body = new Body.Text("missing");
        }
        List<HeaderField> headers = new ArrayList<>();
        headers.add(new HeaderField("Content-Length", Long.toString(body.length())));
        if (!keepOpen) {
            headers.add(new HeaderField("Connection", "close"));
        } else if (!request.version().atLeastHttp11()) {
            headers.add(new HeaderField("Connection", "keep-alive"));
        }
        return new Response(status, headers, request.isHead() ? Body.Empty.INSTANCE : body, keepOpen);
    }

    @Override
    public Response reject(RequestError error) {
        Body body = new Body.Text("bad request: " + error.detail());
        return new Response(Status.BAD_REQUEST, List.of(
                new HeaderField("Content-Length", Long.toString(body.length())),
                new HeaderField("X-Error", error.kind().name()),
                new HeaderField("Connection", "close")), body, false);
    }

    /** Opens a {@link FileHandle} for streaming, as the file-system adapter would. */
    static ContentSource.Content<FileChannel> content(ContentHandle handle) {
        try {
            return new ContentSource.Streamed<>(FileChannel.open(((FileHandle) handle).path()));
        } catch (IOException gone) {
            return new ContentSource.Gone<>();
        }
    }

    private void awaitGate(String target) {
        CountDownLatch gate = gates.get(target);
        if (gate == null) {
            return;
        }
        gateReached.countDown();
        try {
            if (!gate.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("gate never opened");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static long size(Path path) {
        try {
            return Files.size(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
