package dev.arsenal.spi.hashing;

import dev.arsenal.Algorithm;
import dev.arsenal.Family;
import dev.arsenal.hashing.HashAlgorithm;
import dev.arsenal.hashing.Hasher128;
import dev.arsenal.hashing.Hasher32;
import dev.arsenal.hashing.Hasher64;
import dev.arsenal.report.SelfTest;
import dev.arsenal.spi.Provider;
import java.util.Set;

/**
 * A provider of hash functions. The engine calls the factory for the algorithm's width only, with
 * a seed already checked by {@link HashAlgorithm#checkSeed(long)}; a provider throws {@link
 * UnsupportedOperationException} for an algorithm it does not list.
 *
 * <p>The default {@link #selfTest} checks the shared {@link KnownAnswers}.
 */
public interface HashingProvider extends Provider {
    @Override
    Set<HashAlgorithm> algorithms();

    @Override
    default Family family() {
        return Family.HASHING;
    }

    /** A 32-bit hasher (XXH32, CRC32, CRC32C). */
    Hasher32 hasher32(HashAlgorithm algorithm, long seed);

    /** A 64-bit hasher (XXH64, XXH3-64). */
    Hasher64 hasher64(HashAlgorithm algorithm, long seed);

    /** A 128-bit hasher (XXH3-128). */
    Hasher128 hasher128(HashAlgorithm algorithm, long seed);

    @Override
    default SelfTest selfTest(Algorithm algorithm) {
        return KnownAnswers.check(this, (HashAlgorithm) algorithm);
    }
}
