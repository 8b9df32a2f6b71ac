package dev.comp2322.conformance.exec;

import dev.comp2322.conformance.fixture.Fixture;
import dev.comp2322.conformance.fixture.FixtureFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Before the fixture goes into a submission's folder: names every existing path the installer would
 * overwrite that is not already the fixture's own (same bytes, or the kit's link), so a student's own
 * {@code index.html} is never lost without {@code --force}.
 */
public final class FixtureGuard {
    private final Fixture fixture;

    /** A guard for the given fixture. */
    public FixtureGuard(Fixture fixture) {
        this.fixture = fixture;
    }

    /** The paths that installing into {@code root} would clobber; empty if none. */
    public List<Path> conflicts(Path root) throws IOException {
        List<Path> clobbered = new ArrayList<>();
        for (FixtureFile file : fixture.files()) {
            Path path = root.resolve(file.name());
            if (differs(path, fixture.bytes(file.name()))) {
                clobbered.add(path);
            }
        }
        Path parent = root.getParent() == null ? root : root.getParent();
        Path canary = parent.resolve(Fixture.CANARY_NAME);
        if (differs(canary, fixture.canaryBytes())) {
            clobbered.add(canary);
        }
        Path link = root.resolve(Fixture.ESCAPE_LINK);
        if (Files.exists(link, LinkOption.NOFOLLOW_LINKS) && !isTheKitsLink(link)) {
            clobbered.add(link);
        }
        return clobbered;
    }

    private static boolean differs(Path path, byte[] expected) throws IOException {
        if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
            return false;
        }
        if (!Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS) || Files.size(path) != expected.length) {
            return true;
        }
        return !Arrays.equals(Files.readAllBytes(path), expected);
    }

    private static boolean isTheKitsLink(Path link) throws IOException {
        return Files.isSymbolicLink(link)
                && Files.readSymbolicLink(link).equals(Path.of("..", Fixture.CANARY_NAME));
    }
}
