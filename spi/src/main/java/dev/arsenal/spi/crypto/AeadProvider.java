package dev.arsenal.spi.crypto;

import dev.arsenal.Algorithm;
import dev.arsenal.Family;
import dev.arsenal.crypto.Aead;
import dev.arsenal.crypto.AeadAlgorithm;
import dev.arsenal.report.SelfTest;
import dev.arsenal.spi.Provider;
import java.util.Set;

/**
 * A provider of AEADs. The engine checks the key's length before {@link #aead} is called.
 *
 * <p>The default {@link #selfTest} checks the shared {@link AeadKnownAnswers}.
 */
public interface AeadProvider extends Provider {
    @Override
    Set<AeadAlgorithm> algorithms();

    @Override
    default Family family() {
        return Family.CRYPTO;
    }

    /** The AEAD for {@code algorithm} under {@code key}, whose length was checked; the key is copied. */
    Aead aead(AeadAlgorithm algorithm, byte[] key);

    @Override
    default SelfTest selfTest(Algorithm algorithm) {
        return algorithm instanceof AeadAlgorithm a
                ? AeadKnownAnswers.check(this, a)
                : new SelfTest(SelfTest.Status.FAILED, algorithm.id() + " is not an AEAD");
    }
}
