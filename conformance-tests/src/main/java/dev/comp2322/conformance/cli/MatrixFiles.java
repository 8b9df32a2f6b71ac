package dev.comp2322.conformance.cli;

import dev.comp2322.conformance.matrix.Matrix;
import dev.comp2322.conformance.report.MatrixCsvReport;
import dev.comp2322.conformance.report.MatrixHtmlReport;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** {@code --matrix FILE}: HTML or CSV by the file's extension; links are relative to the HTML page. */
final class MatrixFiles {
    private MatrixFiles() {
    }

    /** Rejects a name that is neither .html nor .csv before anything runs. */
    static void check(List<Path> files) {
        for (Path f : files) {
            if (!isHtml(f) && !isCsv(f)) {
                throw new IllegalArgumentException("--matrix " + f + ": the name must end in .html or .csv");
            }
        }
    }

    /** The directory links in the page are relative to: the first HTML matrix's, else the working directory. */
    static Path linkBase(List<Path> files) {
        return files.stream().filter(MatrixFiles::isHtml).findFirst()
                .map(f -> f.toAbsolutePath().getParent()).orElse(Path.of("").toAbsolutePath());
    }

    static void write(Matrix matrix, List<Path> files, PrintStream out) throws IOException {
        for (Path f : files) {
            if (isHtml(f)) {
                MatrixHtmlReport.write(matrix, f);
            } else {
                MatrixCsvReport.write(matrix, f);
            }
            out.println("matrix: " + f.toAbsolutePath());
        }
    }

    private static boolean isHtml(Path f) {
        String n = f.getFileName().toString().toLowerCase(Locale.ROOT);
        return n.endsWith(".html") || n.endsWith(".htm");
    }

    private static boolean isCsv(Path f) {
        return f.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv");
    }
}
