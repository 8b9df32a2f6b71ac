package dev.comp2322.webserver.domain.rules;

import java.time.Instant;

/** The fake site most service tests run against, and services over it. */
final class Site {

    static final Instant MODIFIED = Instant.parse("2024-01-02T03:04:05.678Z");
    static final Instant FUTURE = Requests.NOW.plusSeconds(3600);

    private Site() {}

    static InMemoryFiles files() {
        return new InMemoryFiles()
                .file("/index.html", 1024, MODIFIED)
                .file("/hello.txt", 12, MODIFIED)
                .file("/style.CSS", 50, MODIFIED)
                .file("/docs/index.html", 300, MODIFIED)
                .file("/docs/guide.md", 40, MODIFIED)
                .file("/images/logo.png", 2048, MODIFIED)
                .file("/caf\u00e9.txt", 5, MODIFIED)
                .file("/a b.txt", 5, MODIFIED)
                .file("/future.txt", 7, FUTURE)
                .file("/.env", 9, MODIFIED)
                .file("/docs/.git/config", 9, MODIFIED)
                .directory("/empty");
    }

    static StaticFileService service(Profile profile) {
        return new StaticFileService(files(), policy(profile));
    }

    /** The default policy with another profile. */
    static ServicePolicy policy(Profile profile) {
        ServicePolicy defaults = ServicePolicy.defaults();
        return new ServicePolicy(profile, defaults.serverName(), defaults.keepAliveTimeout());
    }

    static StaticFileService course() {
        return service(Profile.COURSE);
    }

    static StaticFileService rfc() {
        return service(Profile.RFC);
    }
}
