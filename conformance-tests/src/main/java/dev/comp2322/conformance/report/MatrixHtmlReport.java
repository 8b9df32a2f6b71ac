package dev.comp2322.conformance.report;

import dev.comp2322.conformance.Outcome;
import dev.comp2322.conformance.matrix.Matrix;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * The class matrix as one self-contained HTML page (inline CSS, no scripts): a column per submission
 * with its totals and a link to its full report, a row per case grouped by topic with level and RFC
 * reference, each cell coloured by outcome with the reason in its {@code title} (shown on hover).
 */
public final class MatrixHtmlReport {
    private static final String CSS = """
            body{font:13px/1.4 system-ui,-apple-system,"Segoe UI",sans-serif;margin:20px;color:#1d2330;background:#fff}
            h1{font-size:20px;margin:0 0 4px}.meta{color:#5a6275;margin-bottom:12px}
            table{border-collapse:separate;border-spacing:0}th,td{padding:3px 7px;border-bottom:1px solid #e3e6ec;border-right:1px solid #f0f2f5;text-align:left;vertical-align:top;white-space:nowrap}
            thead th{background:#f4f6f9;position:sticky;top:0;z-index:2;vertical-align:bottom}
            th.sub{max-width:12em;overflow:hidden;text-overflow:ellipsis}th.sub a{color:#1e4f9a;text-decoration:none}
            td.id{position:sticky;left:0;background:#fff;z-index:1}td.id code{font:12px ui-monospace,Menlo,Consolas,monospace}
            tr.topic td{background:#eef1f6;font-weight:700;padding-top:8px}
            td.ref,td.lvl{color:#5a6275}
            td.c{text-align:center;font-weight:700;font-size:11px;cursor:help}
            .PASS{background:#dff3e4;color:#1b6b33}.FAIL{background:#fbe0e0;color:#a3191b}
            .WARN{background:#fff1d6;color:#8a5300}.INFO{background:#e2ecfb;color:#1e4f9a}.SKIPPED{background:#eceef2;color:#555c6b}
            .none{background:#fff;color:#b0b5c0}
            tr.total td{font-size:11px;text-align:center}tr.total td.label{text-align:right;color:#5a6275}
            .problem{color:#a3191b;font-weight:400;font-size:11px;white-space:normal;max-width:12em}
            .legend span{display:inline-block;padding:2px 8px;margin-right:6px;border-radius:4px;font-weight:700;font-size:11px}
            """;

    private MatrixHtmlReport() {
    }

    /** Writes the page (UTF-8). */
    public static void write(Matrix matrix, Path file) throws IOException {
        Files.writeString(file, render(matrix), StandardCharsets.UTF_8);
    }

    /** The whole document. */
    public static String render(Matrix m) {
        StringBuilder h = new StringBuilder(256 * 1024);
        h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<title>Conformance matrix: ").append(m.columns().size()).append(" submissions</title>\n")
                .append("<style>\n").append(CSS).append("</style>\n</head>\n<body>\n")
                .append("<h1>HTTP/1.1 conformance: ").append(m.columns().size()).append(" submissions, ")
                .append(m.rows().size()).append(" cases</h1>\n")
                .append("<div class=\"meta\">Hover over a cell for the reason; a submission's name links to its full report.</div>\n")
                .append("<div class=\"legend\">");
        for (Outcome o : Outcome.values()) {
            h.append("<span class=\"").append(o).append("\">").append(o).append("</span>");
        }
        h.append("</div>\n<table>\n<thead>\n");
        header(h, m);
        h.append("</thead>\n<tbody>\n");
        body(h, m);
        h.append("</tbody>\n</table>\n</body>\n</html>\n");
        return h.toString();
    }

    private static void header(StringBuilder h, Matrix m) {
        h.append("<tr><th>case</th><th>level</th><th>RFC reference</th>");
        for (Matrix.Column c : m.columns()) {
            String name = Escape.html(c.name());
            h.append("<th class=\"sub\" title=\"").append(Escape.html(c.target())).append("\">")
                    .append(c.link().map(l -> "<a href=\"" + Escape.html(l) + "\">" + name + "</a>").orElse(name));
            c.problem().ifPresent(p -> h.append("<div class=\"problem\" title=\"").append(Escape.html(p))
                    .append("\">not run</div>"));
            c.server().filter(s -> !s.contains("stopped by the kit")).ifPresent(s -> h.append("<div class=\"problem\" title=\"")
                    .append(Escape.html(s)).append("\">server died</div>"));
            h.append("</th>");
        }
        h.append("</tr>\n");
        for (Outcome o : Outcome.values()) {
            h.append("<tr class=\"total\"><td class=\"label\" colspan=\"3\">").append(o).append("</td>");
            for (Matrix.Column c : m.columns()) {
                h.append("<td class=\"").append(o).append("\">").append(c.count(o)).append("</td>");
            }
            h.append("</tr>\n");
        }
    }

    private static void body(StringBuilder h, Matrix m) {
        String topic = null;
        int span = 3 + m.columns().size();
        for (Matrix.Row r : m.rows()) {
            if (!Objects.equals(topic, r.topic())) {
                topic = r.topic();
                h.append("<tr class=\"topic\"><td colspan=\"").append(span).append("\">").append(Escape.html(topic))
                        .append("</td></tr>\n");
            }
            h.append("<tr><td class=\"id\" title=\"").append(Escape.html(r.title())).append("\"><code>")
                    .append(Escape.html(r.id())).append("</code></td><td class=\"lvl\">").append(Escape.html(r.level()))
                    .append("</td><td class=\"ref\">").append(Escape.html(r.reference())).append("</td>");
            for (Matrix.Column c : m.columns()) {
                Matrix.Cell cell = c.cells().get(r.id());
                if (cell == null) {
                    h.append("<td class=\"c none\" title=\"not run\">&ndash;</td>");
                } else {
                    h.append("<td class=\"c ").append(cell.outcome()).append("\" title=\"")
                            .append(Escape.html(cell.outcome() + ": " + cell.reason())).append("\">")
                            .append(cell.outcome() == Outcome.SKIPPED ? "SKIP" : cell.outcome()).append("</td>");
                }
            }
            h.append("</tr>\n");
        }
    }
}
