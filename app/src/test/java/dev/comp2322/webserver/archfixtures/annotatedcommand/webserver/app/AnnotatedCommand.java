package dev.comp2322.webserver.archfixtures.annotatedcommand.webserver.app;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Violation: options read from picocli annotations (runtime proxies at every start). */
@Command(name = "annotated")
public final class AnnotatedCommand {
    @Option(names = "--port")
    int port;
}
