package dev.arsenal.report;

import dev.arsenal.ProviderKind;

/**
 * One provider considered for one algorithm.
 *
 * @param providerId the provider
 * @param kind its kind
 * @param status whether it could be chosen, and if not the first reason why not
 * @param detail the cause behind the status (the unavailability cause, the configuration key that
 *     disabled it, the self-test failure), or empty
 * @param selfTest the self-test outcome
 * @param rank the provider's rank for the strategy; higher is preferred
 */
public record Candidate(
        String providerId, ProviderKind kind, Status status, String detail, SelfTest selfTest, int rank) {
    /** Why a candidate could or could not be chosen. */
    public enum Status {
        /** Available, self-test passed, not excluded. */
        ELIGIBLE,
        /** Its availability probe or requirements failed. */
        UNAVAILABLE,
        /** Excluded by configuration (provider or kind disabled). */
        DISABLED,
        /** Its known-answer self-test failed. */
        SELF_TEST_FAILED,
        /**
         * Neither probed nor self-tested: the decision was made without it (a provider it rests on
         * passed first). A program's first use checks only what it needs; a full report ({@code
         * arsenal info}, {@code selftest}) checks every candidate.
         */
        NOT_CHECKED
    }

    /** Whether it could be chosen. */
    public boolean eligible() {
        return status == Status.ELIGIBLE;
    }
}
