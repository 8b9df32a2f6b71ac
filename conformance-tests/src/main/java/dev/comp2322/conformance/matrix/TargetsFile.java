package dev.comp2322.conformance.matrix;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a targets file: CSV, one submission per line as {@code name,target,root}; an optional header line
 * {@code name,target,root}; blank lines and lines starting with {@code #} are ignored. Relative roots are
 * resolved against the file's directory. Any mistake is one {@link Malformed} naming the line.
 */
public final class TargetsFile {
    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setCommentMarker('#')
            .setIgnoreEmptyLines(true).setIgnoreSurroundingSpaces(true).get();

    /** A targets file that cannot be used, with the line and the reason. */
    public static final class Malformed extends Exception {
        private static final long serialVersionUID = 1L;

        Malformed(String message) {
            super(message);
        }
    }

    private TargetsFile() {
    }

    /** The submissions in file order. */
    public static List<Submission> read(Path file) throws Malformed {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             CSVParser parser = CSVParser.parse(reader, FORMAT)) {
            return submissions(file, parser);
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            // commons-csv reports a broken quote as an unchecked exception; both are the file's fault here.
            throw new Malformed(file + ": not a readable CSV file (" + e.getMessage() + ")");
        }
    }

    private static List<Submission> submissions(Path file, CSVParser parser) throws Malformed {
        List<Submission> all = new ArrayList<>();
        Set<String> names = new HashSet<>();
        Set<String> fileNames = new HashSet<>();
        Path base = file.toAbsolutePath().getParent();
        for (CSVRecord record : parser) {
            String where = file + " line " + record.getParser().getCurrentLineNumber() + ": ";
            if (all.isEmpty() && names.isEmpty() && isHeader(record)) {
                continue;
            }
            if (record.size() < 2 || record.size() > 3) {
                throw new Malformed(where + "expected name,target,root, found " + record.size() + " field(s)");
            }
            Optional<Path> root = record.size() == 3 && !record.get(2).isBlank()
                    ? Optional.of(base.resolve(record.get(2).trim()).normalize()) : Optional.empty();
            Submission submission;
            try {
                submission = new Submission(record.get(0), record.get(1), root);
            } catch (IllegalArgumentException e) {
                throw new Malformed(where + e.getMessage());
            }
            if (!names.add(submission.name()) || !fileNames.add(submission.fileName())) {
                throw new Malformed(where + "the name " + submission.name() + " is used twice");
            }
            all.add(submission);
        }
        if (all.isEmpty()) {
            throw new Malformed(file + ": no submissions (expected lines of name,target,root)");
        }
        return all;
    }

    private static boolean isHeader(CSVRecord record) {
        return record.size() >= 2 && record.get(0).equalsIgnoreCase("name") && record.get(1).equalsIgnoreCase("target");
    }
}
