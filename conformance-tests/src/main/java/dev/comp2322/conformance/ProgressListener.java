package dev.comp2322.conformance;

/** Told about each case as soon as it has a result (the CLI prints one line per case). */
@FunctionalInterface
public interface ProgressListener {
    /** Ignores progress. */
    ProgressListener SILENT = (result, index, total) -> { };

    /** Called once per case, in run order; {@code index} counts from 1. */
    void finished(CaseResult result, int index, int total);

    /** Called as a case starts running (cases run several at a time; --exec watches its server by them). */
    default void started(String caseId) {
    }

    /** Called as soon as a case that ran has its result, before results are put in catalogue order. */
    default void ran(CaseResult result) {
    }
}
