package dev.comp2322.conformance.catalogue;

import java.io.IOException;

/** The body of a case: talks to the server through the context and returns a verdict. */
@FunctionalInterface
public interface Check {
    /** Runs the check; an IOException the check did not expect is reported as a breach. */
    Verdict run(CaseContext context) throws IOException, InterruptedException;
}
