package dev.arsenal.spi.crypto;

import dev.arsenal.ProviderUnavailableException;
import dev.arsenal.crypto.Aead;
import dev.arsenal.crypto.AeadAlgorithm;
import dev.arsenal.crypto.CryptoView;
import dev.arsenal.crypto.Digest;
import dev.arsenal.crypto.DigestAlgorithm;
import dev.arsenal.crypto.DigestSpec;
import dev.arsenal.crypto.Kdf;
import dev.arsenal.crypto.KdfAlgorithm;
import dev.arsenal.crypto.Mac;
import dev.arsenal.crypto.MacAlgorithm;
import dev.arsenal.spi.Provider;
import dev.arsenal.spi.Selections;
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
}
