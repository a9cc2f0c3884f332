package dev.arsenal.providers.java.crypto;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arsenal.crypto.Aead;
import dev.arsenal.crypto.AeadAlgorithm;
import dev.arsenal.crypto.Mac;
import dev.arsenal.crypto.MacAlgorithm;
import dev.arsenal.crypto.SecretBuffer;
import dev.arsenal.spi.crypto.AeadProvider;
import dev.arsenal.spi.crypto.Dudect;
import dev.arsenal.spi.crypto.MacProvider;
import dev.arsenal.spi.crypto.SecretBuffers;
import java.lang.foreign.MemorySegment;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Whether the Java providers' secret comparisons take a time that depends on where a forged tag
 * differs ({@link Dudect}): the two classes are a tag wrong in its last byte and one wrong in its
 * first, which an early-exit comparison tells apart at once. Checked: MAC verification and AEAD
 * decryption of the JDK and Bouncy Castle, and {@link SecretBuffer#equal}.
 *
 * <p>In {@code mvn verify} only the control runs: {@link Arrays#equals}, which exits early, must
 * be seen to leak (|t| was 150-300 in every run), so that the check is known to work. The others
 * run on demand ({@code -Darsenal.dudect=true}, with {@code -Darsenal.dudect.measurements=N}):
 * on this project's 2-vCPU test machine their verdicts are not stable enough to gate a build. In
 * most runs of 20,000 measurements every |t| stays below 5, but some runs reached 10 to 80 for
 * HMAC verification and for {@link SecretBuffer#equal}, and the JDK's own {@code
 * MessageDigest.isEqual} reached 20 on 2 KiB inputs. So timing there depends on more than the
 * inputs' classes (where the memory lies, the JIT, the neighbours). docs/crypto.md has the
 * figures.
 */
class ConstantTimeTest {
    private static final int MEASUREMENTS = Dudect.measurements(20_000);
    private static final int INPUTS = 16;

    /** Keeps the results alive, so that the calls are not compiled away. */
    private static volatile int sink;

    /** For each input: [the right value, wrong in its last byte, wrong in its first byte]. */
    private static byte[][][] forgeries(byte[][] right) {
        byte[][][] f = new byte[right.length][][];
        for (int i = 0; i < right.length; i++) {
            byte[] last = right[i].clone();
            last[last.length - 1] ^= 1;
            byte[] first = right[i].clone();
            first[0] ^= 1;
            f[i] = new byte[][] {right[i], last, first};
        }
        return f;
    }

    private static byte[][] random(int count, int length, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        byte[][] b = new byte[count][length];
        for (byte[] x : b) {
            r.nextBytes(x);
        }
        return b;
    }

    @Test
    void theCheckSeesAnEarlyExit() {
        byte[][][] f = forgeries(random(INPUTS, 2048, 1));
        double t = Dudect.maxAbsT(MEASUREMENTS, 8, INPUTS, (fixed, i) -> {
            sink += Arrays.equals(f[i][0], fixed ? f[i][1] : f[i][2]) ? 1 : 0;
        });
        report("Arrays.equals (the control)", t);
        assertTrue(t > Dudect.LEAK, "Arrays.equals exits at the first difference, yet |t| = " + t);
    }

    /** What the check found, one line on stdout (in the test's report): dudect's answer is a number. */
    private static void report(String what, double t) {
        System.out.printf("dudect: %s: |t| = %.2f (%d measurements)%n", what, t, MEASUREMENTS);
    }

    static Stream<Object> javaProviders() {
        return Stream.of(new JdkCryptoProvider(), new BouncyCastleCryptoProvider());
    }

    @ParameterizedTest
    @MethodSource("javaProviders")
    @EnabledIfSystemProperty(named = "arsenal.dudect", matches = "true")
    void macVerificationTakesTheSameTimeWhereverTheTagDiffers(MacProvider provider) {
        Mac mac = provider.mac(MacAlgorithm.HMAC_SHA_256, random(1, 32, 2)[0]);
        byte[][] messages = random(INPUTS, 64, 3);
        byte[][] tags = Arrays.stream(messages).map(mac::mac).toArray(byte[][]::new);
        byte[][][] f = forgeries(tags);
        double t = Dudect.maxAbsT(MEASUREMENTS, 4, INPUTS, (fixed, i) -> {
            sink += mac.verify(messages[i], fixed ? f[i][1] : f[i][2]) ? 1 : 0;
        });
        report(provider.id() + " hmac-sha-256 verify", t);
        assertTrue(t < Dudect.LEAK, provider.id() + ": |t| = " + t);
    }

    @ParameterizedTest
    @MethodSource("javaProviders")
    @EnabledIfSystemProperty(named = "arsenal.dudect", matches = "true")
    void aeadOpeningTakesTheSameTimeWhereverTheTagDiffers(AeadProvider provider) {
        for (AeadAlgorithm algorithm :
                new AeadAlgorithm[] {AeadAlgorithm.CHACHA20_POLY1305, AeadAlgorithm.AES_256_GCM}) {
            Aead aead = provider.aead(algorithm, random(1, 32, 4)[0]);
            double t = Dudect.aeadOpening(aead, MEASUREMENTS / 2);
            report(provider.id() + " " + algorithm.id() + " open", t);
            assertTrue(t < Dudect.LEAK, provider.id() + " " + algorithm.id() + ": |t| = " + t);
        }
    }

    @Test
    @EnabledIfSystemProperty(named = "arsenal.dudect", matches = "true")
    void secretBuffersCompareInTheSameTimeWhereverTheyDiffer() {
        // Secrets of 32 bytes (keys, tags), the three values of an input in one buffer a page apart:
        // comparisons of 2 KiB held in separate memory differ in time by where that memory lies, so
        // much that the JDK's own MessageDigest.isEqual reached |t| = 20 here as this did.
        byte[][][] f = forgeries(random(INPUTS, 32, 6));
        SecretBuffer[] buffers = new SecretBuffer[INPUTS];
        MemorySegment[][] values = new MemorySegment[INPUTS][3];
        for (int i = 0; i < INPUTS; i++) {
            buffers[i] = SecretBuffers.ofArena(3 * 4096);
            for (int k = 0; k < 3; k++) {
                // half the inputs keep the two forgeries in the other's place, so that where they lie
                // falls on both classes alike
                int place = (i & 1) == 0 || k == 0 ? k : 3 - k;
                values[i][k] = buffers[i].segment().asSlice(place * 4096L, 32);
                values[i][k].copyFrom(MemorySegment.ofArray(f[i][k]));
            }
        }
        try {
            double t = Dudect.maxAbsT(MEASUREMENTS, 32, INPUTS, (fixed, i) -> {
                sink += SecretBuffer.equal(values[i][0], values[i][1 + (fixed ? 0 : 1)]) ? 1 : 0;
            });
            report("SecretBuffer.equal", t);
            assertTrue(t < Dudect.LEAK, "SecretBuffer.equal: |t| = " + t);
        } finally {
            Arrays.stream(buffers).forEach(SecretBuffer::close);
        }
    }
}
