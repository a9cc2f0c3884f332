package dev.arsenal.spi.crypto;

import dev.arsenal.crypto.Aead;
import dev.arsenal.crypto.AeadAlgorithm;

/**
 * A provider of AEADs. The engine checks the key's length before {@link #aead} is called. Its
 * self-test ({@link CryptoProvider#selfTest}) checks the shared {@link AeadKnownAnswers}.
 */
public interface AeadProvider extends CryptoProvider {
    /** The AEAD for {@code algorithm} under {@code key}, whose length was checked; the key is copied. */
    Aead aead(AeadAlgorithm algorithm, byte[] key);
}
