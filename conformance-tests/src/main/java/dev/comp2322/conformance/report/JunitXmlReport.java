package dev.comp2322.conformance.report;

import dev.comp2322.conformance.CaseResult;
import dev.comp2322.conformance.Outcome;
import dev.comp2322.conformance.RunReport;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * JUnit XML in the widely used Jenkins/Ant shape: one {@code testsuite}; every {@code testcase} has a
 * name (the case id) and a classname; FAILs carry a {@code failure} with a message, SKIPPED a
 * {@code skipped}, WARN and INFO pass with the reason in {@code system-out}.
 */
public final class JunitXmlReport {
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private JunitXmlReport() {
    }

    /** Writes the report to a file (UTF-8). */
    public static void write(RunReport report, Path file) throws IOException {
        Files.writeString(file, render(report), StandardCharsets.UTF_8);
    }

    /** The XML document. */
    public static String render(RunReport r) {
        String suite = "conformance-kit." + r.options().profile().label();
        StringBuilder x = new StringBuilder(32 * 1024).append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        x.append("<testsuite name=\"").append(suite).append("\" tests=\"").append(r.results().size())
                .append("\" failures=\"").append(r.failed()).append("\" errors=\"").append(r.problem().isPresent() ? 1 : 0)
                .append("\" skipped=\"").append(r.count(Outcome.SKIPPED)).append("\" time=\"").append(seconds(r.elapsed().toMillis()))
                .append("\" timestamp=\"").append(TIMESTAMP.format(r.started())).append("\" hostname=\"").append(Escape.xml(host()))
                .append("\">\n  <properties>\n");
        property(x, "target", r.options().target() + r.options().prefix());
        property(x, "profile", r.options().profile().label());
        property(x, "strict", Boolean.toString(r.options().strict()));
        r.server().ifPresent(log -> {
            property(x, "server.command", log.command());
            property(x, "server.ending", log.ending());
            property(x, "server.output", String.join("\n", log.lastLines()));
        });
        x.append("  </properties>\n");
        if (r.problem().isPresent()) {
            x.append("  <testcase name=\"run\" classname=\"").append(suite).append("\" time=\"0\">\n    <error message=\"")
                    .append(Escape.xml(r.problem().get())).append("\" type=\"unusable\"/>\n  </testcase>\n");
        }
        for (CaseResult c : r.results()) {
            testcase(x, suite, c);
        }
        x.append("  <system-out>").append(Escape.xml(r.notesLine() + "; " + r.summaryLine())).append("</system-out>\n")
                .append("  <system-err/>\n</testsuite>\n");
        return x.toString();
    }

    private static void testcase(StringBuilder x, String suite, CaseResult c) {
        x.append("  <testcase name=\"").append(Escape.xml(c.id())).append("\" classname=\"").append(suite)
                .append("\" time=\"").append(seconds(c.elapsed().toMillis())).append("\">\n");
        String message = c.level() + " " + c.reference() + ": " + c.reason();
        switch (c.outcome()) {
            case FAIL -> x.append("    <failure message=\"").append(Escape.xml(message)).append("\" type=\"")
                    .append(c.level()).append("\">").append(Escape.xml("accepts: " + c.accepts() + "\nwhy it matters: " + c.why()))
                    .append("</failure>\n");
            case SKIPPED -> x.append("    <skipped message=\"").append(Escape.xml(c.reason())).append("\"/>\n");
            case WARN, INFO -> x.append("    <system-out>").append(c.outcome()).append(": ").append(Escape.xml(message))
                    .append("</system-out>\n");
            case PASS -> { }
        }
        x.append("  </testcase>\n");
    }

    private static void property(StringBuilder x, String name, String value) {
        x.append("    <property name=\"").append(name).append("\" value=\"").append(Escape.xml(value)).append("\"/>\n");
    }

    private static String seconds(long millis) {
        return String.format(Locale.ROOT, "%.3f", millis / 1000.0);
    }

    private static String host() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "localhost";
        }
    }
}
