package dev.arsenal.engine;

import dev.arsenal.Family;

/**
 * Whether the engine may split a family's calls between two providers by input size (a {@link
 * Tiered} route, small inputs to one provider, large ones to another), declared once per family
 * instead of tested by algorithm type in the planner. The switch has no default: a new family does
 * not compile until it says.
 */
final class SizeRouting {
    private SizeRouting() {}

    /** Whether {@link TierPlanner} may give {@code family}'s algorithms two tiers. */
    static boolean splitsBySize(Family family) {
        return switch (family) {
            // Every provider computes the same function bit for bit (their self-tests passed), so
            // which one hashes a given input is invisible but for speed.
            case HASHING -> true;
            // A compressor is one provider's: each writes its own (valid) frames, and the level and
            // options a request needs may be supported by one provider only. The generated classes
            // route compressors all the same (small == large today).
            case COMPRESSION -> false;
            // No providers yet; a family decides when it gets them.
            case CRYPTO, RANDOM, MEMORY -> false;
        };
    }
}
