package dev.arsenal.report;

import dev.arsenal.Family;
import java.util.List;
import java.util.Optional;

/**
 * The record of one choice: for an algorithm, every candidate with its status, the chosen provider
 * and what decided.
 *
 * @param algorithm the algorithm id
 * @param family its family
 * @param provider the chosen provider's id (for tiered choices, the one for the largest inputs);
 *     empty when none could be chosen
 * @param basis what decided
 * @param reason a sentence for people: "forced by arsenal.provider.xxh3=java-hashing (system
 *     property ...)", "highest rank for BALANCED (100) among 1 eligible", or the error
 * @param candidates every provider that implements the algorithm
 * @param tiers the size tiers when small and large inputs go to different providers (the last
 *     tier's provider is {@link #provider()}); a single tier otherwise, empty when none was chosen
 */
public record Decision(
        String algorithm,
        Family family,
        Optional<String> provider,
        Basis basis,
        String reason,
        List<Candidate> candidates,
        List<Tier> tiers) {
    /** What decided a choice. */
    public enum Basis {
        /** Configuration forced the provider. */
        FORCED,
        /** The strategy's ranking among eligible candidates. */
        RANKED,
        /** Measured speeds from a calibration. */
        MEASURED,
        /** No choice could be made; {@link Decision#reason()} says why. */
        NONE
    }

    /** Copies the lists. */
    public Decision {
        candidates = List.copyOf(candidates);
        tiers = List.copyOf(tiers);
    }

    /** Whether small and large inputs go to different providers. */
    public boolean tiered() {
        return tiers.size() > 1;
    }
}
