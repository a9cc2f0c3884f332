package dev.arsenal.spi.crypto;

import dev.arsenal.ProviderUnavailableException;
import dev.arsenal.crypto.Aead;
import dev.arsenal.crypto.AeadAlgorithm;
import dev.arsenal.crypto.Agreement;
import dev.arsenal.crypto.CryptoView;
import dev.arsenal.crypto.CurveAlgorithm;
import dev.arsenal.crypto.CurveKey;
import dev.arsenal.crypto.CurveKeyPair;
import dev.arsenal.crypto.CurvePrivateKey;
import dev.arsenal.crypto.CurvePublicKey;
import dev.arsenal.crypto.Digest;
import dev.arsenal.crypto.DigestAlgorithm;
import dev.arsenal.crypto.DigestSpec;
import dev.arsenal.crypto.Kdf;
import dev.arsenal.crypto.KdfAlgorithm;
import dev.arsenal.crypto.KeyAgreementAlgorithm;
import dev.arsenal.crypto.Mac;
import dev.arsenal.crypto.MacAlgorithm;
import dev.arsenal.crypto.SecretBuffer;
import dev.arsenal.crypto.SecretMemoryAlgorithm;
import dev.arsenal.crypto.SignatureAlgorithm;
import dev.arsenal.crypto.Signer;
import dev.arsenal.crypto.Verifier;
import dev.arsenal.spi.Provider;
import dev.arsenal.spi.Selections;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;

/** The crypto family's view: each primitive from the provider selected for its algorithm. */
final class SelectedCrypto implements CryptoView {
    private final Selections selections;

    SelectedCrypto(Selections selections) {
        this.selections = selections;
    }

    @Override
    public Aead aead(AeadAlgorithm algorithm, byte[] key) {
        Objects.requireNonNull(algorithm, "algorithm");
        algorithm.checkKey(key);
        byte[] copy = key.clone();
        return selections.handOut(
                Aead.class,
                algorithm,
                "AEAD",
                () -> Map.of("algorithm", algorithm),
                s -> s.routed(Aead.class, algorithm, p -> ((AeadProvider) p).aead(algorithm, copy)));
    }

    @Override
    public Digest digest(DigestAlgorithm algorithm, DigestSpec spec) {
        Objects.requireNonNull(algorithm, "algorithm");
        Objects.requireNonNull(spec, "spec");
        algorithm.check(spec);
        return selections.handOut(
                Digest.class,
                algorithm,
                "digest",
                () -> Map.of("algorithm", algorithm, "spec", spec),
                s -> s.routed(Digest.class, algorithm, p -> digest(s, p, algorithm, spec)));
    }

    /**
     * The digest from {@code chosen}, or where it does not support {@code spec}, from the first
     * eligible provider that does (unless the algorithm's provider is forced).
     */
    private static Digest digest(Selections s, Provider chosen, DigestAlgorithm algorithm, DigestSpec spec) {
        if (((DigestProvider) chosen).supports(algorithm, spec)) {
            return ((DigestProvider) chosen).digest(algorithm, spec);
        }
        if (!s.isForced(algorithm)) {
            for (Provider p : s.eligible(algorithm)) {
                if (p instanceof DigestProvider d && d.supports(algorithm, spec)) {
                    return s.madeBy(p, d.digest(algorithm, spec));
                }
            }
        }
        throw new ProviderUnavailableException(chosen.id() + " does not give " + algorithm.id() + " as " + spec
                + (s.isForced(algorithm) ? ", and it is forced" : ", and no other eligible provider does"));
    }

    @Override
    public Mac mac(MacAlgorithm algorithm, byte[] key) {
        Objects.requireNonNull(algorithm, "algorithm");
        algorithm.checkKey(key);
        byte[] copy = key.clone();
        return selections.handOut(
                Mac.class,
                algorithm,
                "MAC",
                () -> Map.of("algorithm", algorithm),
                s -> s.routed(Mac.class, algorithm, p -> ((MacProvider) p).mac(algorithm, copy)));
    }

    @Override
    public Kdf kdf(KdfAlgorithm algorithm) {
        Objects.requireNonNull(algorithm, "algorithm");
        return selections.handOut(
                Kdf.class,
                algorithm,
                "KDF",
                () -> Map.of("algorithm", algorithm),
                s -> s.routed(Kdf.class, algorithm, p -> ((KdfProvider) p).kdf(algorithm)));
    }

    @Override
    public CurveKeyPair generateKeyPair(CurveAlgorithm algorithm) {
        Objects.requireNonNull(algorithm, "algorithm");
        byte[] raw = new byte[algorithm.privateKeyLength()];
        Random.SOURCE.nextBytes(raw);
        CurvePrivateKey key = CurvePrivateKey.of(algorithm, raw);
        Arrays.fill(raw, (byte) 0);
        return new CurveKeyPair(key, publicKey(key));
    }

    @Override
    public Signer signer(CurvePrivateKey key) {
        SignatureAlgorithm algorithm =
                live(key, "sign") instanceof SignatureAlgorithm s ? s : refuse(key, "sign (it is a key agreement key)");
        return selections.handOut(
                Signer.class,
                algorithm,
                "signer",
                () -> Map.of("algorithm", algorithm),
                s -> s.routed(Signer.class, algorithm, p -> ((SignatureProvider) p).signer(algorithm, key)));
    }

    @Override
    public Verifier verifier(CurvePublicKey key) {
        SignatureAlgorithm algorithm = Objects.requireNonNull(key, "key").algorithm() instanceof SignatureAlgorithm s
                ? s
                : refuse(key, "verify (it is a key agreement key)");
        return selections.handOut(
                Verifier.class,
                algorithm,
                "verifier",
                () -> Map.of("algorithm", algorithm),
                s -> s.routed(Verifier.class, algorithm, p -> ((SignatureProvider) p).verifier(algorithm, key)));
    }

    @Override
    public Agreement agreement(CurvePrivateKey key) {
        KeyAgreementAlgorithm algorithm = live(key, "agree") instanceof KeyAgreementAlgorithm k
                ? k
                : refuse(key, "agree on keys (it is a signature key)");
        return selections.handOut(
                Agreement.class,
                algorithm,
                "agreement",
                () -> Map.of("algorithm", algorithm),
                s -> s.routed(Agreement.class, algorithm, p -> ((KeyAgreementProvider) p).agreement(algorithm, key)));
    }

    @Override
    public SecretBuffer secretBuffer(long byteSize) {
        if (byteSize < 1) {
            throw new IllegalArgumentException("a secret buffer of " + byteSize + " bytes: at least 1");
        }
        Provider p = selections.chosen(SecretMemoryAlgorithm.SECRET_MEMORY);
        return selections.madeBy(p, ((SecretMemoryProvider) p).allocate(byteSize));
    }

    private static CurveAlgorithm live(CurvePrivateKey key, String use) {
        if (Objects.requireNonNull(key, "key").isDestroyed()) {
            throw new IllegalArgumentException("the " + key.getAlgorithm() + " key was destroyed: it cannot " + use);
        }
        return key.algorithm();
    }

    private static <A> A refuse(CurveKey key, String what) {
        throw new IllegalArgumentException("a " + key.getAlgorithm() + " key cannot " + what);
    }

    /** The default {@link SecureRandom}, made on the first key generated (it opens the OS's source). */
    private static final class Random {
        static final SecureRandom SOURCE = new SecureRandom();
    }
}
