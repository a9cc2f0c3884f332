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

    /**
     * The selected digest for {@code algorithm} as {@code spec} says (length, key, context). Where
     * the selected provider cannot give that spec (libsodium's BLAKE2b has no output shorter than
     * 16 bytes), the next eligible provider that can gives it.
     *
     * @throws IllegalArgumentException if the spec does not fit the algorithm
     * @throws dev.arsenal.ProviderUnavailableException if no provider can serve it as configured
     */
    Digest digest(DigestAlgorithm algorithm, DigestSpec spec);

    /**
     * The selected MAC for {@code algorithm} under {@code key} (copied).
     *
     * @throws IllegalArgumentException if the key is null or empty
     */
    Mac mac(MacAlgorithm algorithm, byte[] key);

    /** The selected key derivation function for {@code algorithm}. */
    Kdf kdf(KdfAlgorithm algorithm);

    /**
     * A new key pair of {@code algorithm}: the private key drawn from the JDK's default {@code
     * SecureRandom}, its public key derived by the selected provider.
     */
    CurveKeyPair generateKeyPair(CurveAlgorithm algorithm);

    /**
     * The public key of {@code key}, derived by the selected signer or agreement of its algorithm.
     *
     * @throws IllegalArgumentException if {@code key} was destroyed
     */
    default CurvePublicKey publicKey(CurvePrivateKey key) {
        return switch (key.algorithm()) {
            case SignatureAlgorithm s -> signer(key).publicKey();
            case KeyAgreementAlgorithm k -> agreement(key).publicKey();
        };
    }

    /**
     * The selected signer under {@code key}.
     *
     * @throws IllegalArgumentException if {@code key} is not a signature algorithm's, or destroyed
     */
    Signer signer(CurvePrivateKey key);

    /**
     * The selected verifier under {@code key}.
     *
     * @throws IllegalArgumentException if {@code key} is not a signature algorithm's
     */
    Verifier verifier(CurvePublicKey key);

    /**
     * The selected key agreement under {@code key}.
     *
     * @throws IllegalArgumentException if {@code key} is not a key agreement algorithm's, or destroyed
     */
    Agreement agreement(CurvePrivateKey key);

    /**
     * A new {@link SecretBuffer} of {@code byteSize} bytes, zeroed, from the selected provider of
     * {@link SecretMemoryAlgorithm#SECRET_MEMORY}.
     *
     * @throws IllegalArgumentException if {@code byteSize} is below 1
     * @throws OutOfMemoryError if the system has no memory to give
     */
    SecretBuffer secretBuffer(long byteSize);
}
