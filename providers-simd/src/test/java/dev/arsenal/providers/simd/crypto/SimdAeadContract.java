package dev.arsenal.providers.simd.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arsenal.crypto.Aead;
import dev.arsenal.crypto.AeadAlgorithm;
import dev.arsenal.spi.crypto.AbstractAeadProviderContractTest;
import dev.arsenal.spi.crypto.AeadProvider;
import dev.arsenal.spi.crypto.ChaCha20Poly1305;
import dev.arsenal.spi.crypto.Poly1305;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The AEAD contract (Wycheproof, every form, large messages against the JDK) for ChaCha20-Poly1305
 * and XChaCha20-Poly1305 with the keystream kernel of one vector width, forced as {@code
 * -Darsenal.simd.maxBits} would; and the kernel against the scalar code for every length around
 * its batches. A subclass per width.
 */
abstract class SimdAeadContract extends AbstractAeadProviderContractTest {
    private SimdCryptoProvider provider;

    /** The vector width under test, in bits. */
    abstract int bits();

    @Override
    protected AeadProvider provider() {
        if (provider == null) {
            provider = SimdShapes.provider(bits());
        }
        return provider;
    }

    /** Skips the class where the Vector API is absent, narrower than the width, or without C2. */
    @BeforeAll
    void needsTheVectorApi() {
        SimdShapes.assumeVectorApi(bits());
    }

    @Test
    void runsTheShapeAskedFor() {
        assertTrue(
                provider()
                        .description()
                        .contains("(" + bits() / 32 + " lanes) and Poly1305 blocks in parallel (" + bits() / 64
                                + " lanes)"),
                provider()::description);
    }

    /**
     * Every length from 0 to three batches and a half, the counter starting anywhere (past a batch
     * boundary of the 32-bit counter's low bits too): the kernel's bytes are the scalar code's.
     */
    @Test
    void theKernelXorsTheScalarKeystream() throws Exception {
        SplittableRandom random = new SplittableRandom(bits());
        byte[] key = new byte[32];
        random.nextBytes(key);
        for (AeadAlgorithm algorithm :
                new AeadAlgorithm[] {AeadAlgorithm.CHACHA20_POLY1305, AeadAlgorithm.XCHACHA20_POLY1305}) {
            Aead vector = provider().aead(algorithm, key);
            Aead scalar = new ChaCha20Poly1305(algorithm, key, null, null);
            int batch = bits() / 32 * 64;
            for (int n = 0; n <= 3 * batch + batch / 2; n += 1 + random.nextInt(7)) {
                byte[] nonce = new byte[algorithm.nonceBytes()];
                random.nextBytes(nonce);
                byte[] message = new byte[n];
                random.nextBytes(message);
                byte[] sealed = scalar.encrypt(nonce, message, null);
                assertArrayEquals(sealed, vector.encrypt(nonce, message, null), algorithm.id() + " length " + n);
                assertArrayEquals(message, vector.decrypt(nonce, sealed, null), algorithm.id() + " length " + n);
            }
        }
    }

    /**
     * The Poly1305 kernel against the scalar code where the limbs are largest: r clamped with every
     * other bit set, blocks of all ones (the accumulator near p), every run length around the
     * kernel's groups, after a prefix that leaves the accumulator anywhere.
     */
    @Test
    void thePoly1305KernelAbsorbsAsTheScalarCode() {
        Poly1305Vector kernel = Poly1305Vector.create(bits());
        SplittableRandom random = new SplittableRandom(1305);
        byte[][] keys = {new byte[32], new byte[32], new byte[32]};
        java.util.Arrays.fill(keys[0], (byte) 0xff);
        random.nextBytes(keys[1]);
        java.util.Arrays.fill(keys[2], 0, 16, (byte) 0xff);
        for (byte[] key : keys) {
            for (int fill : new int[] {0xff, -1}) {
                byte[] message = new byte[16 * kernel.degree() * 5 + 40];
                if (fill == 0xff) {
                    java.util.Arrays.fill(message, (byte) 0xff);
                } else {
                    random.nextBytes(message);
                }
                for (int prefix : new int[] {0, 1, 16, 33}) {
                    for (int n = 2 * 16 * kernel.degree() - 17;
                            n <= message.length - prefix;
                            n += 1 + random.nextInt(9)) {
                        byte[] expected = new byte[16];
                        byte[] actual = new byte[16];
                        Poly1305 scalar = new Poly1305(key, 0);
                        Poly1305 vector = new Poly1305(key, 0, kernel);
                        scalar.updatePadded(message, 0, prefix);
                        vector.updatePadded(message, 0, prefix);
                        scalar.updatePadded(message, prefix, n);
                        vector.updatePadded(message, prefix, n);
                        scalar.finish(expected, 0);
                        vector.finish(actual, 0);
                        assertArrayEquals(expected, actual, "prefix " + prefix + ", length " + n);
                    }
                }
            }
        }
    }

    /** Block counters whose low bits cross where lanes add {@code counter + lane}. */
    @Test
    void countersOfEveryLane() {
        ChaCha20Vector kernel = ChaCha20Vector.create(bits());
        SplittableRandom random = new SplittableRandom(7);
        int[] key = new int[8];
        int[] nonce = new int[3];
        for (int i = 0; i < 8; i++) {
            key[i] = random.nextInt();
        }
        for (int counter :
                new int[] {0, 1, 0xfffffff0 - kernel.degree(), Integer.MAX_VALUE - kernel.degree(), 0x7ffffff3}) {
            byte[] in = new byte[2 * kernel.degree() * 64 + 5];
            random.nextBytes(in);
            byte[] expected = new byte[in.length - 5];
            byte[] actual = new byte[in.length - 5];
            dev.arsenal.spi.crypto.ChaCha20.xor(null, key, counter, nonce, in, 5, expected.length, expected, 0);
            kernel.xorBatches(key, counter, nonce, in, 5, 2, actual, 0);
            assertArrayEquals(expected, actual, "counter " + Integer.toUnsignedString(counter));
        }
    }
}
