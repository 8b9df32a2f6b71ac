package dev.comp2322.webserver.app;

import dev.comp2322.webserver.adapters.fs.FileSystemContentSource;
import dev.comp2322.webserver.adapters.fs.FileSystemLookup;
import dev.comp2322.webserver.adapters.log.CsvAccessLog;
import dev.comp2322.webserver.adapters.socket.SocketHttpServer;
import dev.comp2322.webserver.domain.port.out.AccessLog;
import dev.comp2322.webserver.domain.rules.StaticFileService;
import java.io.IOException;
import java.io.PrintStream;
import java.net.Inet6Address;
import java.net.InetSocketAddress;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The running server, wired by hand: {@link FileSystemLookup} → {@link StaticFileService} →
 * {@link SocketHttpServer}, whose access log is Log.csv teed to the console. Owns the lifecycle: start
 * opens everything in order and undoes it on failure; {@link #stop()} closes in the reverse order.
 */
public final class WebServer implements AutoCloseable {

    private final ServerOptions options;
    private final FileSystemLookup files;
    private final SocketHttpServer http;
    private final CsvAccessLog csvLog;
    private final Optional<ConsoleRequestPrinter> console;
    private final InetSocketAddress address;
    private final ReentrantLock stopLock = new ReentrantLock();
    private final CountDownLatch stopped = new CountDownLatch(1);

    private WebServer(ServerOptions options, FileSystemLookup files, SocketHttpServer http, CsvAccessLog csvLog,
            Optional<ConsoleRequestPrinter> console, InetSocketAddress address) {
        this.options = options;
        this.files = files;
        this.http = http;
        this.csvLog = csvLog;
        this.console = console;
        this.address = address;
    }

    /**
     * Opens the root and the log, binds the listener and starts serving.
     *
     * @param options     what to serve, and how
     * @param consoleOut  where request lines go unless {@link ServerOptions#quiet()}
     * @throws StartupException with a one-line reason: a missing root, an unopenable log, a port in use
     */
    public static WebServer start(ServerOptions options, PrintStream consoleOut) throws StartupException {
        FileSystemLookup files = openRoot(options);
        CsvAccessLog csvLog;
        try {
            csvLog = openLog(options);
        } catch (StartupException e) {
            files.close();
            throw e;
        }
        Optional<ConsoleRequestPrinter> console =
                options.quiet() ? Optional.empty() : Optional.of(ConsoleRequestPrinter.start(consoleOut));
        // Log.csv first: it is the record; the console only shows it.
        AccessLog log = console.<AccessLog>map(printer -> new TeeAccessLog(List.of(csvLog, printer))).orElse(csvLog);
        StaticFileService service = new StaticFileService(files, options.servicePolicy());
        SocketHttpServer http = new SocketHttpServer(service, new FileSystemContentSource(files), log,
                options.wireSettings(), InstantSource.system());
        try {
            InetSocketAddress bound = http.start(options.bind());
            return new WebServer(options, files, http, csvLog, console, bound);
        } catch (IOException e) {
            http.stop();
            files.close();
            csvLog.close();
            console.ifPresent(ConsoleRequestPrinter::close);
            throw new StartupException("cannot listen on " + hostAndPort(options.bind()) + ": " + reason(e));
        }
    }

    private static FileSystemLookup openRoot(ServerOptions options) throws StartupException {
        try {
            // Watching: hot files cost no system call, and changes show within adapters-fs/README.md's window.
            return FileSystemLookup.watching(options.root());
        } catch (IllegalArgumentException e) {
            throw new StartupException(reason(e)); // e.g. "document root /x does not exist"
        }
    }

    private static CsvAccessLog openLog(ServerOptions options) throws StartupException {
        try {
            return CsvAccessLog.open(options.log());
        } catch (IOException e) {
            throw new StartupException(reason(e)); // e.g. "cannot open access log /x/Log.csv: Is a directory"
        }
    }

    /** The address actually listened on: with {@code --port 0}, the port the system picked. */
    public InetSocketAddress address() {
        return address;
    }

    /** Whether the root is watched for changes (a hot file then costs no file-system call). */
    public boolean watchesRoot() {
        return files.isWatching();
    }

    /** The base URL clients use, e.g. {@code http://127.0.0.1:2130/}. */
    public String url() {
        return "http://" + hostAndPort(address) + "/";
    }

    /** The start-up line: which directory, on which port, logging where, in which profile. */
    public String banner() {
        return "Serving " + options.root() + " on " + url()
                + " (log " + options.log() + ", profile " + ProfileConverter.nameOf(options.profile()) + ")";
    }

    /**
     * Stops gracefully, in this order: stop accepting and let in-flight exchanges finish (they still
     * log), stop watching the root, then drain and close Log.csv, then flush the console. Idempotent.
     */
    public void stop() {
        stopLock.lock();
        try {
            if (stopped.getCount() == 0) {
                return;
            }
            http.stop();
            files.close();
            csvLog.close();
            console.ifPresent(ConsoleRequestPrinter::close);
            stopped.countDown();
        } finally {
            stopLock.unlock();
        }
    }

    /** Same as {@link #stop()}. */
    @Override
    public void close() {
        stop();
    }

    /** Blocks until {@link #stop()} has finished. */
    public void awaitStop() throws InterruptedException {
        stopped.await();
    }

    static String hostAndPort(InetSocketAddress address) {
        String host = address.getAddress() == null ? address.getHostString() : address.getAddress().getHostAddress();
        if (address.getAddress() instanceof Inet6Address) {
            int zone = host.indexOf('%');
            host = "[" + (zone >= 0 ? host.substring(0, zone) : host) + "]";
        }
        return host + ":" + address.getPort();
    }

    /** An exception's message as one line, or its type when it has none. */
    static String reason(Exception e) {
        String message = e.getMessage();
        if (message == null || message.isBlank()) {
            return e.getClass().getSimpleName();
        }
        int newline = message.indexOf('\n');
        return (newline >= 0 ? message.substring(0, newline) : message).strip();
    }
}
