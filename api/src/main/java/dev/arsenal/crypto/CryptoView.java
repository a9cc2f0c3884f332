package dev.arsenal.crypto;

/**
 * What a runtime offers of the crypto family ({@code runtime.view(CryptoView.class)}); {@link
 * Crypto} calls it for users.
 */
public interface CryptoView {
    /**
     * The selected AEAD for {@code algorithm} under {@code key} (copied).
     *
     * @throws IllegalArgumentException if the key has the wrong length
     * @throws dev.arsenal.ProviderUnavailableException if no provider can serve it as configured
     */
    Aead aead(AeadAlgorithm algorithm, byte[] key);
}
