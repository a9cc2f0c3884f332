package dev.arsenal.spi.hashing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.arsenal.hashing.Hash128;
import dev.arsenal.hashing.HashAlgorithm;
import java.lang.foreign.MemorySegment;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The committed reference files ({@link ReferenceHashes}) are whole, and equal what the live
 * reference libraries compute today, every length and seed; and they agree with the published check
 * values and {@link KnownAnswers}. The live check is skipped without the library, and fails instead
 * under {@code -Darsenal.test.requireNative=true}.
 */
class ReferenceHashesTest {
    private static final MemorySegment POOL = MemorySegment.ofArray(ReferenceHashes.pool());

    @ParameterizedTest
    @EnumSource(HashAlgorithm.class)
    void filesHoldEveryLengthAndSeed(HashAlgorithm algorithm) {
        for (long seed : ReferenceHashes.seeds(algorithm)) {
            for (int length : ReferenceHashes.lengths()) {
                ReferenceHashes.expected(algorithm, seed, length); // throws if absent
            }
        }
    }

    @ParameterizedTest
    @EnumSource(HashAlgorithm.class)
    void filesAgreeWithTheKnownAnswers(HashAlgorithm algorithm) {
        // The known answers hash another input (KnownAnswers.pattern): the check values tie the
        // files' algorithm to the published one through the CRC check strings, and every file's
        // length 0 to the empty-input hash the self-test knows.
        for (KnownAnswers.Vector v : KnownAnswers.vectors(algorithm)) {
            if (v.length() == 0 && ReferenceHashes.seeds(algorithm).contains(v.seed())) {
                assertEquals(
                        v.hex(),
                        ReferenceHashes.hex(algorithm, ReferenceHashes.expected(algorithm, v.seed(), 0)),
                        () -> "the reference file's empty input disagrees with " + v);
            }
        }
        if (algorithm == HashAlgorithm.CRC32C) {
            byte[] check = "123456789".getBytes(StandardCharsets.US_ASCII);
            assertEquals(0xE3069283, XxHashReference.crc32c(MemorySegment.ofArray(check)), "CRC-32C check value");
        }
    }

    @ParameterizedTest
    @EnumSource(HashAlgorithm.class)
    void filesAgreeWithTheLiveReferenceLibrary(HashAlgorithm algorithm) {
        if (!XxHashReference.isAvailable(algorithm)) {
            String message =
                    "no live reference for " + algorithm.id() + ": " + XxHashReference.unavailabilityCause(algorithm);
            if (Boolean.getBoolean("arsenal.test.requireNative")) {
                fail(message + " (arsenal.test.requireNative=true)");
            }
            assumeTrue(false, message);
        }
        for (long seed : ReferenceHashes.seeds(algorithm)) {
            for (int length : ReferenceHashes.lengths()) {
                Hash128 live = XxHashReference.hash(algorithm, seed, POOL.asSlice(ReferenceHashes.OFFSET, length));
                Hash128 file = ReferenceHashes.expected(algorithm, seed, length);
                if (!live.equals(file)) {
                    fail(algorithm.id() + " seed 0x" + Long.toHexString(seed) + " length " + length + ": the file says "
                            + ReferenceHashes.hex(algorithm, file) + ", the library "
                            + ReferenceHashes.hex(algorithm, live));
                }
            }
        }
    }
}
