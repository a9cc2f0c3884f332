package dev.arsenal.report;

/**
 * The outcome of a provider's known-answer self-test for one algorithm.
 *
 * @param status passed, failed or not run
 * @param detail what failed, or what was checked
 */
public record SelfTest(Status status, String detail) {
    /** Self-test outcomes. */
    public enum Status {
        /** Every known answer matched. */
        PASSED,
        /** A known answer did not match, or the test threw; the provider is never used for the algorithm. */
        FAILED,
        /** Not run: the provider was unavailable or excluded first. */
        NOT_RUN
    }

    /** The self-test that was not run. */
    public static final SelfTest NOT_RUN = new SelfTest(Status.NOT_RUN, "");

    /** Whether it passed. */
    public boolean passed() {
        return status == Status.PASSED;
    }
}
