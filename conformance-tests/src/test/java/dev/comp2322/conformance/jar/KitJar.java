package dev.comp2322.conformance.jar;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** The packaged kit jar (failsafe passes its path) and a Java 17 runtime to run it with. */
final class KitJar {
    private KitJar() {
    }

    static Path jar() {
        Path jar = Path.of(System.getProperty("kit.jar", "target/conformance-kit.jar")).toAbsolutePath();
        assumeTrue(Files.isRegularFile(jar), "the kit jar is not built: " + jar);
        return jar;
    }

    /** A {@code java} whose version is 17: the JDK folders first, then the one on PATH. Skips the test if none. */
    static Path java17() {
        List<Path> candidates = new ArrayList<>();
        try (Stream<Path> jvms = Files.list(Path.of("/usr/lib/jvm"))) {
            jvms.filter(p -> p.getFileName().toString().contains("17")).map(p -> p.resolve("bin/java")).sorted()
                    .forEach(candidates::add);
        } catch (IOException e) {
            // No /usr/lib/jvm (not Debian-like): try PATH only.
        }
        candidates.add(Path.of("java"));
        Optional<Path> found = candidates.stream().filter(KitJar::isJava17).findFirst();
        assumeTrue(found.isPresent(), "no Java 17 runtime found (looked in /usr/lib/jvm/*17* and PATH): "
                + "the Java 17 check of the kit jar cannot run here");
        return found.get();
    }

    /** Skips the test when there is no python3 to run the example servers with. */
    static void assumePython() {
        assumeTrue(exitsZero(List.of("python3", "--version")), "python3 is not installed: the example servers cannot run");
    }

    private static boolean isJava17(Path java) {
        try {
            Process p = new ProcessBuilder(java.toString(), "-version").redirectErrorStream(true).start();
            String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0 && text.matches("(?s).*version \"17[.\"].*");
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static boolean exitsZero(List<String> command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
