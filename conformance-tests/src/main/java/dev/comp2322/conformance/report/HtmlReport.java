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
import java.util.ArrayList;
import java.util.List;

/**
 * One self-contained HTML file (inline CSS, no scripts, no external assets): the summary on top, a
 * table of every case, then each FAIL and WARN with its requirement, why it matters, and the exact
 * request sent and response received (escaped).
 */
public final class HtmlReport {
    private static final String CSS = """
            body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;margin:24px;color:#1d2330;background:#fff}
            h1{font-size:22px;margin:0 0 4px}h2{font-size:18px;margin:28px 0 8px}
            .meta{color:#5a6275;margin-bottom:14px}
            .counts span{display:inline-block;padding:6px 12px;margin:0 6px 6px 0;border-radius:6px;font-weight:600}
            .PASS{background:#dff3e4;color:#1b6b33}.FAIL{background:#fbe0e0;color:#a3191b}
            .WARN{background:#fff1d6;color:#8a5300}.INFO{background:#e2ecfb;color:#1e4f9a}.SKIPPED{background:#eceef2;color:#555c6b}
            table{border-collapse:collapse;width:100%}th,td{text-align:left;padding:4px 8px;border-bottom:1px solid #e3e6ec;vertical-align:top}
            th{background:#f4f6f9;position:sticky;top:0}td.r{font-weight:700;white-space:nowrap}td:first-child{white-space:nowrap}
            code{font:12px ui-monospace,Menlo,Consolas,monospace}
            .case{border:1px solid #e3e6ec;border-radius:8px;padding:12px 16px;margin:12px 0}
            .case h3{margin:0 0 6px;font-size:15px}.case dl{margin:0}.case dt{font-weight:600;float:left;width:9em}.case dd{margin:0 0 4px 9.5em}
            pre{background:#f7f8fa;border:1px solid #e3e6ec;border-radius:6px;padding:8px;overflow-x:auto;white-space:pre-wrap;word-break:break-all;font:12px/1.35 ui-monospace,Menlo,Consolas,monospace;margin:4px 0 10px}
            .label{font-size:12px;color:#5a6275;margin-top:6px}
            """;

    private HtmlReport() {
    }

    /** Writes the report to a file (UTF-8). */
    public static void write(RunReport report, Path file) throws IOException {
        Files.writeString(file, render(report), StandardCharsets.UTF_8);
    }

    /** The whole document. */
    public static String render(RunReport report) {
        StringBuilder h = new StringBuilder(64 * 1024);
        h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>Conformance report: ").append(Escape.html(report.options().target())).append("</title>\n")
                .append("<style>\n").append(CSS).append("</style>\n</head>\n<body>\n");
        summary(h, report);
        report.server().ifPresent(log -> server(h, log));
        table(h, report);
        details(h, report);
        return h.append("</body>\n</html>\n").toString();
    }

    private static void summary(StringBuilder h, RunReport r) {
        h.append("<h1>HTTP/1.1 conformance: ").append(Escape.html(r.summaryLine())).append("</h1>\n")
                .append("<div class=\"meta\">target <code>").append(Escape.html(r.options().target()))
                .append(Escape.html(r.options().prefix())).append("</code> &middot; profile <b>").append(r.options().profile().label())
                .append("</b>").append(r.options().strict() ? " &middot; <b>strict</b>" : "")
                .append(" &middot; ").append(Escape.html(r.started().toString())).append(" &middot; ")
                .append(r.elapsed().toMillis()).append(" ms</div>\n");
        if (r.problem().isPresent()) {
            h.append("<p class=\"FAIL\">").append(Escape.html(r.problem().get())).append("</p>\n");
        }
        h.append("<div class=\"counts\">");
        for (Outcome o : Outcome.values()) {
            h.append("<span class=\"").append(o).append("\">").append(r.count(o)).append(' ').append(o).append("</span>");
        }
        h.append("</div>\n");
    }

    private static void server(StringBuilder h, ServerLog log) {
        h.append("<h2>Server process</h2>\n<p class=\"").append(log.exitedOnItsOwn() ? "FAIL" : "meta").append("\">")
                .append(Escape.html(log.ending())).append("</p>\n<div class=\"label\">command (port ").append(log.port())
                .append(")</div><pre>").append(Escape.html(log.command())).append("</pre>\n<div class=\"label\">last ")
                .append(log.lastLines().size()).append(" lines of its stdout and stderr</div><pre>")
                .append(Escape.html(String.join("\n", log.lastLines()))).append("</pre>\n");
    }

    private static void table(StringBuilder h, RunReport r) {
        h.append("<h2>All cases</h2>\n<table>\n<tr><th>id</th><th>result</th><th>level</th><th>RFC reference</th><th>reason</th></tr>\n");
        for (CaseResult c : r.results()) {
            String id = Escape.html(c.id());
            boolean detailed = c.outcome() == Outcome.FAIL || c.outcome() == Outcome.WARN;
            h.append("<tr><td><code>").append(detailed ? "<a href=\"#" + id + "\">" + id + "</a>" : id)
                    .append("</code></td><td class=\"r ").append(c.outcome()).append("\">").append(c.outcome())
                    .append("</td><td>").append(c.level()).append("</td><td>").append(Escape.html(c.reference()))
                    .append("</td><td>").append(Escape.html(c.reason())).append("</td></tr>\n");
        }
        h.append("</table>\n");
    }

    private static void details(StringBuilder h, RunReport r) {
        h.append("<h2>Failures and warnings, with the bytes exchanged</h2>\n");
        boolean any = false;
        List<CaseResult> shown = new ArrayList<>(r.with(Outcome.FAIL));
        shown.addAll(r.with(Outcome.WARN));
        for (CaseResult c : shown) {
            any = true;
            h.append("<div class=\"case\" id=\"").append(Escape.html(c.id())).append("\">\n<h3><span class=\"")
                    .append(c.outcome()).append("\">&nbsp;").append(c.outcome()).append("&nbsp;</span> <code>")
                    .append(Escape.html(c.id())).append("</code> ").append(Escape.html(c.title())).append("</h3>\n<dl>")
                    .append("<dt>requirement</dt><dd>").append(c.level()).append(", ").append(Escape.html(c.reference())).append("</dd>")
                    .append("<dt>accepts</dt><dd>").append(Escape.html(c.accepts())).append("</dd>")
                    .append("<dt>received</dt><dd>").append(Escape.html(c.reason())).append("</dd>")
                    .append("<dt>why it matters</dt><dd>").append(Escape.html(c.why())).append("</dd></dl>\n");
            for (Transcript.Entry e : c.transcript()) {
                h.append("<div class=\"label\">").append(Escape.html(e.label())).append("</div><pre>")
                        .append(Escape.html(e.text())).append("</pre>\n");
            }
            h.append("</div>\n");
        }
        if (!any) {
            h.append("<p>None.</p>\n");
        }
    }
}
