package dev.comp2322.conformance;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What the kit saw of a server process it started itself ({@code --exec}): the command, its port, how it
 * ended (its own exit status, or stopped by the kit after the run), the case during which it died if it
 * did, and the last lines it wrote to stdout and stderr. Every report shows it.
 */
public record ServerLog(String command, int port, OptionalInt exitStatus, Optional<String> diedDuring,
                        List<String> lastLines) {

    /** Copies the lines. */
    public ServerLog {
        if (command == null || exitStatus == null || diedDuring == null) {
            throw new IllegalArgumentException("command, exit status and diedDuring are required");
        }
        lastLines = List.copyOf(lastLines);
    }

    /** True if the process ended before the kit stopped it. */
    public boolean exitedOnItsOwn() {
        return exitStatus.isPresent();
    }

    /** One sentence: "the server process exited with status 1 during case get-html" or "... stopped by the kit". */
    public String ending() {
        if (exitStatus.isEmpty()) {
            return "the server process was still running after the run and was stopped by the kit";
        }
        return "the server process exited with status " + exitStatus.getAsInt()
                + diedDuring.map(id -> " during case " + id).orElse("");
    }
}
