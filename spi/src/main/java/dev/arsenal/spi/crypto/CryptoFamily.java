package dev.arsenal.spi.crypto;

import dev.arsenal.Algorithm;
import dev.arsenal.Family;
import dev.arsenal.crypto.AeadAlgorithm;
import dev.arsenal.crypto.CryptoView;
import dev.arsenal.crypto.DigestAlgorithm;
import dev.arsenal.crypto.KdfAlgorithm;
import dev.arsenal.crypto.KeyAgreementAlgorithm;
import dev.arsenal.crypto.MacAlgorithm;
import dev.arsenal.crypto.SecretMemoryAlgorithm;
import dev.arsenal.crypto.SignatureAlgorithm;
import dev.arsenal.spi.FamilyDescriptor;
import java.util.List;

/**
 * The crypto family: {@link AeadAlgorithm}s served by {@link AeadProvider}s, {@link
 * DigestAlgorithm}s by {@link DigestProvider}s, {@link MacAlgorithm}s by {@link MacProvider}s and
 * {@link KdfAlgorithm}s by {@link KdfProvider}s, {@link SignatureAlgorithm}s by {@link
 * SignatureProvider}s and {@link KeyAgreementAlgorithm}s by {@link KeyAgreementProvider}s, all
 * kinds of {@link CryptoProvider}; and {@link SecretMemoryAlgorithm#SECRET_MEMORY} by {@link
 * SecretMemoryProvider}s.
 */
public final class CryptoFamily implements FamilyDescriptor {
    /** The one instance. */
    public static final CryptoFamily INSTANCE = new CryptoFamily();

    private static final List<Contract> CONTRACTS = List.of(
            new Contract("AEAD algorithms", AeadProvider.class, a -> a instanceof AeadAlgorithm),
            new Contract("digest algorithms", DigestProvider.class, a -> a instanceof DigestAlgorithm),
            new Contract("MAC algorithms", MacProvider.class, a -> a instanceof MacAlgorithm),
            new Contract("KDF algorithms", KdfProvider.class, a -> a instanceof KdfAlgorithm),
            new Contract("signature algorithms", SignatureProvider.class, a -> a instanceof SignatureAlgorithm),
            new Contract(
                    "key agreement algorithms", KeyAgreementProvider.class, a -> a instanceof KeyAgreementAlgorithm),
            new Contract("secret memory", SecretMemoryProvider.class, a -> a instanceof SecretMemoryAlgorithm));

    private static final List<Algorithm> ALGORITHMS = algorithmList();

    private CryptoFamily() {}

    @Override
    public Family family() {
        return Family.CRYPTO;
    }

    @Override
    public List<? extends Algorithm> algorithms() {
        return ALGORITHMS;
    }

    @Override
    public List<Contract> contracts() {
        return CONTRACTS;
    }

    /**
     * Yes: every provider of an algorithm gives the same bytes and verdicts (the differential
     * tests), and the engine's generated classes route an AEAD by its message's length (never the
     * nonce's), a digest or MAC by its input's. libsodium's one call per message seals small ones
     * fastest, OpenSSL or the JDK large ones (docs/benchmarks.md).
     */
    @Override
    public boolean splitsBySize() {
        return true;
    }

    /**
     * Yes: in a one-command process the Vector API BLAKE3 runs mostly before C2 compiles it, and the
     * scalar one hashes a 100 MiB file 2.4x faster ({@code arsenal hash}, docs/benchmarks.md).
     */
    @Override
    public boolean shortLivedTakesSmallInputWinner() {
        return true;
    }

    /**
     * Sealing (AEADs), hashing (digests), tagging (MACs) and signing {@code byte[]} input of each
     * size, through {@link CryptoLoop}, on random bytes, with fixed keys. Key agreement (no input
     * size: a table by size would say nothing), key derivation and secret memory are not measured;
     * they keep their ranks.
     */
    @Override
    public java.util.Optional<Workload> workload(dev.arsenal.spi.Provider provider, Algorithm algorithm) {
        java.util.SplittableRandom random = new java.util.SplittableRandom(0xC0FFEE);
        byte[] key = new byte[32];
        random.nextBytes(key);
        Object subject = switch (algorithm) {
            case AeadAlgorithm a
            when provider instanceof AeadProvider p -> p.aead(a, java.util.Arrays.copyOf(key, a.keyBytes()));
            case DigestAlgorithm d
            when provider instanceof DigestProvider p -> p.digest(d, dev.arsenal.crypto.DigestSpec.defaults());
            case MacAlgorithm m when provider instanceof MacProvider p -> p.mac(m, key);
            case SignatureAlgorithm s
            when provider instanceof SignatureProvider p -> p.signer(s, dev.arsenal.crypto.CurvePrivateKey.of(s, key));
            default -> null;
        };
        if (subject == null) {
            return java.util.Optional.empty();
        }
        byte[] data = new byte[(1 << 20) + 16];
        random.nextBytes(data);
        return java.util.Optional.of(new Workload(CryptoLoop.class, subject, data));
    }

    /** The {@link CryptoView} a runtime gives ({@code runtime.view(CryptoView.class)}). */
    @Override
    public java.util.Optional<View<?>> view() {
        return java.util.Optional.of(new View<>(CryptoView.class, SelectedCrypto::new));
    }

    private static List<Algorithm> algorithmList() {
        List<Algorithm> all = new java.util.ArrayList<>(List.of(AeadAlgorithm.values()));
        all.addAll(List.of(DigestAlgorithm.values()));
        all.addAll(List.of(MacAlgorithm.values()));
        all.addAll(List.of(KdfAlgorithm.values()));
        all.addAll(List.of(SignatureAlgorithm.values()));
        all.addAll(List.of(KeyAgreementAlgorithm.values()));
        all.addAll(List.of(SecretMemoryAlgorithm.values()));
        return List.copyOf(all);
    }
}
