package dev.comp2322.webserver.app.reliability;

import dev.comp2322.webserver.adapters.fs.FileSystemContentSource;
import dev.comp2322.webserver.adapters.fs.FileSystemLookup;
import dev.comp2322.webserver.adapters.log.CsvAccessLog;
import dev.comp2322.webserver.adapters.socket.SocketHttpServer;
import dev.comp2322.webserver.adapters.socket.WireSettings;
import dev.comp2322.webserver.domain.rules.Profile;
import dev.comp2322.webserver.domain.rules.ServicePolicy;
import dev.comp2322.webserver.domain.rules.StaticFileService;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;

/**
 * The production adapters and domain wired exactly as {@code WebServer} wires them (minus the console),
 * but with any {@link WireSettings}: the tests here need a short write or head timeout, or a small
 * connection limit, that the command line does not offer. Loopback, port 0.
 */
final class RealStack implements AutoCloseable {

    final Path root;
    final Path logFile;
    final CsvAccessLog log;
    final SocketHttpServer http;
    final InetSocketAddress address;

    private RealStack(Path root, Path logFile, CsvAccessLog log, SocketHttpServer http, InetSocketAddress address) {
        this.root = root;
        this.logFile = logFile;
        this.log = log;
        this.http = http;
        this.address = address;
    }

    static RealStack start(Path root, Path logFile, WireSettings settings) throws IOException {
        return start(root, logFile, settings, Profile.COURSE);
    }

    static RealStack start(Path root, Path logFile, WireSettings settings, Profile profile) throws IOException {
        FileSystemLookup files = new FileSystemLookup(root);
        CsvAccessLog log = CsvAccessLog.open(logFile);
        StaticFileService service = new StaticFileService(files,
                new ServicePolicy(profile, ServicePolicy.defaults().serverName(), settings.keepAliveTimeout()));
        SocketHttpServer http = new SocketHttpServer(service, new FileSystemContentSource(files), log, settings,
                InstantSource.system());
        try {
            InetSocketAddress bound = http.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            return new RealStack(root, logFile, log, http, bound);
        } catch (IOException e) {
            log.close();
            throw e;
        }
    }

    static WireSettings settings() {
        return WireSettings.builder().shutdownGrace(Duration.ofSeconds(2)).build();
    }

    WireClient connect() throws IOException {
        return new WireClient(address);
    }

    @Override
    public void close() {
        http.stop();
        log.close();
    }
}
