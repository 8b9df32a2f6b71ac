package dev.comp2322.conformance.report;

import dev.comp2322.conformance.Outcome;
import dev.comp2322.conformance.matrix.Matrix;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The class matrix as CSV (RFC 4180, written by commons-csv): a header {@code id,topic,level,reference,
 * <submission>...}, one row per case with each submission's outcome, then one row per outcome whose id is
 * {@code total:PASS} and so on, and an {@code exit-code} row.
 */
public final class MatrixCsvReport {
    private MatrixCsvReport() {
    }

    /** Writes the CSV (UTF-8, CRLF line ends as RFC 4180 says). */
    public static void write(Matrix m, Path file) throws IOException {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
             CSVPrinter csv = new CSVPrinter(out, CSVFormat.RFC4180)) {
            List<String> header = new ArrayList<>(List.of("id", "topic", "level", "reference"));
            m.columns().forEach(c -> header.add(c.name()));
            csv.printRecord(header);
            for (Matrix.Row r : m.rows()) {
                List<String> row = new ArrayList<>(List.of(r.id(), r.topic(), r.level(), r.reference()));
                for (Matrix.Column c : m.columns()) {
                    Matrix.Cell cell = c.cells().get(r.id());
                    row.add(cell == null ? "" : cell.outcome().name());
                }
                csv.printRecord(row);
            }
            for (Outcome o : Outcome.values()) {
                List<String> row = new ArrayList<>(List.of("total:" + o, "", "", ""));
                m.columns().forEach(c -> row.add(Long.toString(c.count(o))));
                csv.printRecord(row);
            }
            List<String> exit = new ArrayList<>(List.of("exit-code", "", "", ""));
            m.columns().forEach(c -> exit.add(Integer.toString(c.exitCode())));
            csv.printRecord(exit);
        }
    }
}
