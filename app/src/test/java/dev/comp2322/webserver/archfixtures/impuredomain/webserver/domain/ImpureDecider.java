package dev.comp2322.webserver.archfixtures.impuredomain.webserver.domain;

import java.io.File;
import java.time.Instant;
import picocli.CommandLine;

/** Violations: a domain class that reads files, reads the clock and uses a library. */
public final class ImpureDecider {
    public boolean fresh(File file) {
        return file.lastModified() > System.currentTimeMillis() - 1000;
    }

    public Instant stamp() {
        return Instant.now();
    }

    public String usage(CommandLine commandLine) {
        return commandLine.getUsageMessage();
    }
}
