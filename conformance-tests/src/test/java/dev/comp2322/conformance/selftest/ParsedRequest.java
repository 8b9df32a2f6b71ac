package dev.comp2322.conformance.selftest;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** A request head as the self-test server parsed it. */
record ParsedRequest(String method, String target, String version, List<String[]> fields, boolean caseSensitive) {

    ParsedRequest(String method, String target, String version, List<String[]> fields) {
        this(method, target, version, fields, false);
    }

    private boolean named(String[] field, String name) {
        return caseSensitive ? field[0].equals(name) : field[0].equalsIgnoreCase(name);
    }

    Optional<String> field(String name) {
        return fields.stream().filter(f -> named(f, name)).map(f -> f[1]).findFirst();
    }

    List<String> all(String name) {
        return fields.stream().filter(f -> named(f, name)).map(f -> f[1]).toList();
    }

    boolean connectionOption(String option) {
        return all("Connection").stream().flatMap(v -> java.util.Arrays.stream(v.split(",")))
                .anyMatch(o -> o.trim().toLowerCase(Locale.ROOT).equals(option));
    }

    boolean http10() {
        return version.equals("HTTP/1.0");
    }
}
