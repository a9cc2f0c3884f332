package dev.arsenal.spi.crypto;

import dev.arsenal.crypto.Aead;
import dev.arsenal.crypto.AeadAlgorithm;
import dev.arsenal.crypto.CryptoView;
import dev.arsenal.spi.Selections;
import java.util.Map;
import java.util.Objects;

/** The crypto view over a runtime's selections: each AEAD from the algorithm's chosen provider. */
final class SelectedAeads implements CryptoView {
    private final Selections selections;

    SelectedAeads(Selections selections) {
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
}
