package dev.comp2322.conformance.report;

import dev.comp2322.conformance.CaseResult;
import dev.comp2322.conformance.Outcome;
import dev.comp2322.conformance.RunReport;
import dev.comp2322.conformance.ServerLog;
import dev.comp2322.conformance.wire.Transcript;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** The machine-readable report: every case with its outcome, reason and the raw exchange (as Http11Probe does). */
public final class JsonReport {
    private JsonReport() {
    }

    /** Writes the report to a file (UTF-8). */
    public static void write(RunReport report, Path file) throws IOException {
        Files.writeString(file, render(report), StandardCharsets.UTF_8);
    }

    /** The JSON document. */
    public static String render(RunReport r) {
        StringBuilder j = new StringBuilder(64 * 1024).append("{\n");
        j.append("  \"target\": ").append(Escape.json(r.options().target())).append(",\n")
                .append("  \"prefix\": ").append(Escape.json(r.options().prefix())).append(",\n")
                .append("  \"profile\": ").append(Escape.json(r.options().profile().label())).append(",\n")
                .append("  \"strict\": ").append(r.options().strict()).append(",\n")
                .append("  \"started\": ").append(Escape.json(r.started().toString())).append(",\n")
                .append("  \"elapsedMillis\": ").append(r.elapsed().toMillis()).append(",\n")
                .append("  \"problem\": ").append(r.problem().map(Escape::json).orElse("null")).append(",\n")
                .append("  \"exitCode\": ").append(r.exitCode()).append(",\n")
                .append("  \"server\": ").append(r.server().map(JsonReport::server).orElse("null")).append(",\n")
                .append("  \"summary\": {");
        Outcome[] outcomes = Outcome.values();
        for (int i = 0; i < outcomes.length; i++) {
            j.append(i == 0 ? "" : ", ").append(Escape.json(outcomes[i].name().toLowerCase())).append(": ")
                    .append(r.count(outcomes[i]));
        }
        j.append("},\n  \"cases\": [");
        for (int i = 0; i < r.results().size(); i++) {
            j.append(i == 0 ? "\n" : ",\n");
            caseObject(j, r.results().get(i));
        }
        return j.append("\n  ]\n}\n").toString();
    }

    private static String server(ServerLog log) {
        StringBuilder j = new StringBuilder("{\"command\": ").append(Escape.json(log.command()))
                .append(", \"port\": ").append(log.port())
                .append(", \"exitStatus\": ").append(log.exitStatus().isPresent() ? Integer.toString(log.exitStatus().getAsInt()) : "null")
                .append(", \"diedDuring\": ").append(log.diedDuring().map(Escape::json).orElse("null"))
                .append(", \"ending\": ").append(Escape.json(log.ending()))
                .append(", \"lastLines\": [");
        for (int i = 0; i < log.lastLines().size(); i++) {
            j.append(i == 0 ? "" : ", ").append(Escape.json(log.lastLines().get(i)));
        }
        return j.append("]}").toString();
    }

    private static void caseObject(StringBuilder j, CaseResult c) {
        j.append("    {\"id\": ").append(Escape.json(c.id()))
                .append(", \"outcome\": ").append(Escape.json(c.outcome().name()))
                .append(", \"level\": ").append(Escape.json(c.level().name()))
                .append(", \"reference\": ").append(Escape.json(c.reference()))
                .append(", \"title\": ").append(Escape.json(c.title()))
                .append(", \"reason\": ").append(Escape.json(c.reason()))
                .append(", \"accepts\": ").append(Escape.json(c.accepts()))
                .append(", \"why\": ").append(Escape.json(c.why()))
                .append(", \"elapsedMillis\": ").append(c.elapsed().toMillis())
                .append(", \"exchange\": [");
        for (int i = 0; i < c.transcript().size(); i++) {
            Transcript.Entry e = c.transcript().get(i);
            j.append(i == 0 ? "" : ", ").append("{\"label\": ").append(Escape.json(e.label()))
                    .append(", \"text\": ").append(Escape.json(e.text())).append('}');
        }
        j.append("]}");
    }
}
