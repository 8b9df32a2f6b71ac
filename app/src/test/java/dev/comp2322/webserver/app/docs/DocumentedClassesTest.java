package dev.comp2322.webserver.app.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The docs can't drift from the code: every class name a README, SECURITY.md or BENCHMARKS.md names in
 * backticks (a CamelCase identifier, alone or before {@code .member}, e.g. {@code `FileSystemLookup`},
 * {@code `FileChannel.transferTo`}) is a class, interface, record or enum of the tree (main or test
 * sources, any module) or of the JDK.
 */
@DisplayName("Every class the docs name exists")
class DocumentedClassesTest {

    /** The project root: tests run in the app module's directory. */
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    /**
     * Names the docs may still use although no such class exists, each waiting for a doc fix; empty it
     * as the docs are fixed. (Empty: the engine's rebuild removed the last stale name, WriteWatchdog.)
     */
    private static final Set<String> AWAITING_DOC_FIX = Set.of();

    /** Packages a JDK class named in the docs may come from. */
    private static final List<String> JDK_PACKAGES = List.of("java.lang", "java.io", "java.net", "java.nio",
            "java.nio.channels", "java.nio.file", "java.time", "java.util", "java.util.concurrent");

    private static final Pattern NAMED_CLASS = Pattern.compile("`([A-Z][a-z0-9]+[A-Z][A-Za-z0-9]*)(?:[.#(][^`]*)?`");
    private static final Pattern DECLARATION = Pattern.compile("\\b(?:class|interface|record|enum)\\s+([A-Z]\\w*)");

    private static Set<String> declared;

    @BeforeAll
    static void collectDeclaredTypes() throws IOException {
        declared = new TreeSet<>();
        try (Stream<Path> files = Files.walk(ROOT)) {
            files.filter(f -> f.toString().endsWith(".java") && !f.toString().contains("/target/")
                            && !f.toString().contains("/.git/"))
                    .forEach(f -> {
                        Matcher m = DECLARATION.matcher(read(f));
                        while (m.find()) {
                            declared.add(m.group(1));
                        }
                    });
        }
    }

    /** The module READMEs, the root README, SECURITY.md and BENCHMARKS.md. */
    private static List<Path> docs() throws IOException {
        List<Path> docs = new ArrayList<>(List.of(ROOT.resolve("README.md"), ROOT.resolve("SECURITY.md"),
                ROOT.resolve("BENCHMARKS.md")));
        try (Stream<Path> modules = Files.list(ROOT)) {
            modules.map(module -> module.resolve("README.md")).filter(Files::isRegularFile).sorted().forEach(docs::add);
        }
        return docs;
    }

    /** Every {@code file:line: Name} whose class exists nowhere. */
    static List<String> unknownClasses(List<Path> docs, Set<String> declaredTypes) {
        List<String> unknown = new ArrayList<>();
        for (Path doc : docs) {
            List<String> lines = read(doc).lines().toList();
            for (int i = 0; i < lines.size(); i++) {
                Matcher m = NAMED_CLASS.matcher(lines.get(i));
                while (m.find()) {
                    String name = m.group(1);
                    if (!declaredTypes.contains(name) && !isJdkClass(name) && !AWAITING_DOC_FIX.contains(name)) {
                        unknown.add(ROOT.relativize(doc.toAbsolutePath().normalize()) + ":" + (i + 1) + ": " + name);
                    }
                }
            }
        }
        return unknown;
    }

    private static boolean isJdkClass(String name) {
        for (String pkg : JDK_PACKAGES) {
            try {
                Class.forName(pkg + "." + name, false, ClassLoader.getPlatformClassLoader());
                return true;
            } catch (ClassNotFoundException e) {
                // not in this package; try the next
            }
        }
        return false;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    @DisplayName("the docs name no class that does not exist")
    void everyNamedClassExists() throws IOException {
        List<Path> docs = docs();
        assertThat(docs).as("docs found under %s", ROOT).hasSizeGreaterThan(5);
        assertThat(unknownClasses(docs, declared)).as("class names in docs with no such class in the tree or the JDK")
                .isEmpty();
    }

    @Test
    @DisplayName("a doc naming a class that exists nowhere is caught, with its line")
    void aStaleNameIsCaught(@TempDir Path dir) throws IOException {
        Path doc = Files.writeString(dir.resolve("README.md"),
                "The `FileSystemLookup` resolves paths;\nthe `VanishedWatchdog.stop()` once timed writes out.\n");

        assertThat(unknownClasses(List.of(doc), declared)).singleElement().asString()
                .endsWith("README.md:2: VanishedWatchdog");
    }

    @Test
    @DisplayName("a JDK class and a test class of ours count as existing")
    void jdkAndTestClassesExist(@TempDir Path dir) throws IOException {
        Path doc = Files.writeString(dir.resolve("README.md"),
                "`FileChannel.transferTo`, `InstantSource`, `DocumentedClassesTest`, `UnsupportedClassVersionError`\n");

        assertThat(unknownClasses(List.of(doc), declared)).isEmpty();
    }
}
