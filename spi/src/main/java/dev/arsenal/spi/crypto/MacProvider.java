package dev.arsenal.spi.crypto;

import dev.arsenal.crypto.Mac;
import dev.arsenal.crypto.MacAlgorithm;

/**
 * A provider of MACs. The engine checks the key before {@link #mac} is called. Its self-test
 * ({@link CryptoProvider#selfTest}) checks the shared {@link MacKnownAnswers}.
 */
public interface MacProvider extends CryptoProvider {
    /** The MAC for {@code algorithm} under {@code key}, which was checked; the key is copied. */
    Mac mac(MacAlgorithm algorithm, byte[] key);
}
