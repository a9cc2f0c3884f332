package dev.arsenal.hashing;

/**
 * What a runtime offers of the hashing family: its selected hashers. {@link
 * dev.arsenal.ArsenalRuntime}'s {@code hasher32}, {@code hasher64} and {@code hasher128} are this
 * view's ({@code runtime.view(HashingView.class)}); {@link Hashing} calls them for users.
 */
public interface HashingView {
    /**
     * The selected 32-bit hasher for {@code algorithm} with {@code seed}.
     *
     * @throws IllegalArgumentException if the algorithm is not 32 bits wide or the seed does not fit
     * @throws dev.arsenal.ProviderUnavailableException if no provider can serve it as configured
     */
    Hasher32 hasher32(HashAlgorithm algorithm, long seed);

    /** The selected 64-bit hasher; see {@link #hasher32}. */
    Hasher64 hasher64(HashAlgorithm algorithm, long seed);

    /** The selected 128-bit hasher; see {@link #hasher32}. */
    Hasher128 hasher128(HashAlgorithm algorithm, long seed);
}
