package dev.comp2322.conformance.matrix;

import dev.comp2322.conformance.CaseResult;
import dev.comp2322.conformance.Outcome;
import dev.comp2322.conformance.RunReport;
import dev.comp2322.conformance.ServerLog;
import dev.comp2322.conformance.catalogue.Catalogue;
import dev.comp2322.conformance.catalogue.ConformanceCase;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A class at a glance: one row per case (in catalogue order, grouped by topic, with level and RFC
 * reference), one column per submission, one cell per case and submission.
 */
public record Matrix(List<Row> rows, List<Column> columns) {

    /** Copies the lists. */
    public Matrix {
        rows = List.copyOf(rows);
        columns = List.copyOf(columns);
    }

    /** A case. */
    public record Row(String id, String topic, String title, String level, String reference) {
    }

    /** One cell: the outcome and its reason (shown on hover). */
    public record Cell(Outcome outcome, String reason) {
    }

    /**
     * One submission: its name, target, link to its full report, why nothing ran (if so), how its server
     * process ended (if the kit started it), its exit code, and its cells by case id.
     */
    public record Column(String name, String target, Optional<String> link, Optional<String> problem,
                         Optional<String> server, int exitCode, Map<String, Cell> cells) {
        /** Copies the cells, keeping their order. */
        public Column {
            cells = Collections.unmodifiableMap(new LinkedHashMap<>(cells));
        }

        /** How many cells have this outcome. */
        public long count(Outcome outcome) {
            return cells.values().stream().filter(c -> c.outcome() == outcome).count();
        }

        /** A column for a finished run. */
        public static Column of(String name, String target, RunReport report, Optional<String> link) {
            Map<String, Cell> cells = new LinkedHashMap<>();
            report.results().forEach(r -> cells.put(r.id(), new Cell(r.outcome(), r.reason())));
            return new Column(name, target, link, report.problem(),
                    report.server().map(ServerLog::ending), report.exitCode(), cells);
        }
    }

    /** The matrix of these columns; rows are every case any column has, catalogue order first. */
    public static Matrix of(List<Column> columns, List<Row> knownRows) {
        Map<String, Row> rows = new LinkedHashMap<>();
        for (ConformanceCase c : Catalogue.all()) {
            if (columns.stream().anyMatch(col -> col.cells().containsKey(c.id()))) {
                rows.put(c.id(), knownRows.stream().filter(r -> r.id().equals(c.id())).findFirst()
                        .orElse(new Row(c.id(), Catalogue.topic(c.id()), c.title(), c.level().name(), c.reference())));
            }
        }
        // Cases this kit does not know (a report from another version of it) go last, as they came.
        for (Row r : knownRows) {
            rows.putIfAbsent(r.id(), r);
        }
        return new Matrix(new ArrayList<>(rows.values()), columns);
    }

    /** The rows for finished runs: the level each run used (the profile decides it). */
    public static List<Row> rowsOf(List<RunReport> reports) {
        Map<String, Row> rows = new LinkedHashMap<>();
        for (RunReport report : reports) {
            for (CaseResult r : report.results()) {
                rows.putIfAbsent(r.id(), new Row(r.id(), Catalogue.topic(r.id()), r.title(), r.level().name(), r.reference()));
            }
        }
        return List.copyOf(rows.values());
    }
}
