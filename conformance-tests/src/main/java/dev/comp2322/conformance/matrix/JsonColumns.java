package dev.comp2322.conformance.matrix;

import dev.comp2322.conformance.Outcome;
import dev.comp2322.conformance.catalogue.Catalogue;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.exception.JsonPathException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads earlier {@code --json} reports back as matrix columns ({@code --from-json}): the column is named
 * after the file ({@code alice.json} is {@code alice}) and links to the HTML report beside it, if there is
 * one, else to the JSON itself.
 */
public final class JsonColumns {
    /** A JSON file that is not a kit report. */
    public static final class Unreadable extends Exception {
        private static final long serialVersionUID = 1L;

        Unreadable(String message) {
            super(message);
        }
    }

    /** A column and the rows its cases describe. */
    public record Read(Matrix.Column column, List<Matrix.Row> rows) {
    }

    private JsonColumns() {
    }

    /** Reads one report; {@code linkBase} is the directory the matrix page will be in. */
    public static Read read(Path json, Path linkBase) throws Unreadable {
        JsonPath doc;
        try {
            doc = JsonPath.from(Files.readString(json));
            if (doc.get("cases") == null) {
                throw new Unreadable(json + ": not a conformance-kit JSON report (no \"cases\")");
            }
        } catch (IOException e) {
            throw new Unreadable(json + ": cannot read it (" + e.getMessage() + ")");
        } catch (JsonPathException | IllegalArgumentException e) {
            throw new Unreadable(json + ": not valid JSON (" + firstLine(e.getMessage()) + ")");
        }
        String base = json.getFileName().toString().replaceFirst("\\.json$", "");
        Path html = json.resolveSibling(base + ".html");
        Path target = Files.exists(html) ? html : json;
        String link = linkBase.toAbsolutePath().relativize(target.toAbsolutePath()).toString().replace('\\', '/');
        Map<String, Matrix.Cell> cells = new LinkedHashMap<>();
        Map<String, Matrix.Row> rows = new LinkedHashMap<>();
        List<Map<String, Object>> cases = doc.getList("cases");
        for (Map<String, Object> c : cases) {
            String id = String.valueOf(c.get("id"));
            cells.put(id, new Matrix.Cell(outcome(json, c.get("outcome")), String.valueOf(c.get("reason"))));
            rows.put(id, new Matrix.Row(id, Catalogue.topic(id), String.valueOf(c.get("title")),
                    String.valueOf(c.get("level")), String.valueOf(c.get("reference"))));
        }
        Optional<String> server = Optional.ofNullable(doc.getString("server.ending"));
        Integer exit = doc.get("exitCode");
        Matrix.Column column = new Matrix.Column(base, String.valueOf(doc.getString("target")), Optional.of(link),
                Optional.ofNullable(doc.getString("problem")), server, exit == null ? 2 : exit, cells);
        return new Read(column, List.copyOf(rows.values()));
    }

    private static Outcome outcome(Path json, Object value) throws Unreadable {
        try {
            return Outcome.valueOf(String.valueOf(value));
        } catch (IllegalArgumentException e) {
            throw new Unreadable(json + ": unknown outcome " + value);
        }
    }

    private static String firstLine(String s) {
        return s == null ? "" : s.lines().findFirst().orElse("");
    }
}
