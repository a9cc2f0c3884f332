package dev.arsenal.spi.crypto;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.arsenal.crypto.Aead;
import dev.arsenal.crypto.AeadAlgorithm;
import java.security.Security;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import javax.crypto.AEADBadTagException;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Differential fuzzing (Jazzer) of the Java ChaCha20-Poly1305 and XChaCha20-Poly1305 ({@link
 * ChaCha20Poly1305}, the SIMD provider's AEAD without its kernels) against the JDK's cipher on
 * hostile sealed messages: an input's first byte picks the algorithm, the next 24 the nonce, the
 * next 8 the associated data, the rest the sealed message. Both give the same plaintext or both
 * refuse, and a refusal leaves the output untouched. The seeds are valid sealed messages.
 */
class ChaCha20Poly1305OpenFuzzTest {
    private static final byte[] KEY =
            HexFormat.of().parseHex("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f");
    private static final AeadAlgorithm[] ALGORITHMS = {AeadAlgorithm.CHACHA20_POLY1305, AeadAlgorithm.XCHACHA20_POLY1305
    };

    private static Aead java(AeadAlgorithm a) {
        return new ChaCha20Poly1305(a, KEY, null, null);
    }

    private static Aead jdk(AeadAlgorithm a) {
        return new JcaAead(a, KEY, Security.getProvider("SunJCE"), "ChaCha20-Poly1305");
    }

    static Stream<Arguments> seeds() {
        List<Arguments> seeds = new ArrayList<>();
        for (int i = 0; i < ALGORITHMS.length; i++) {
            AeadAlgorithm a = ALGORITHMS[i];
            for (int length : new int[] {0, 1, 33, 300}) {
                byte[] nonce = new byte[24];
                Arrays.fill(nonce, (byte) length);
                byte[] ad = {1, 2, 3, 4, 5, 6, 7, 8};
                byte[] sealed = jdk(a).encrypt(Arrays.copyOf(nonce, a.nonceBytes()), new byte[length], ad);
                byte[] input = new byte[1 + 24 + 8 + sealed.length];
                input[0] = (byte) i;
                System.arraycopy(nonce, 0, input, 1, 24);
                System.arraycopy(ad, 0, input, 25, 8);
                System.arraycopy(sealed, 0, input, 33, sealed.length);
                seeds.add(Arguments.of(Named.of(a.id() + ", " + length + " bytes", input)));
            }
        }
        return seeds.stream();
    }

    private static String open(Aead aead, byte[] nonce, byte[] sealed, byte[] ad) {
        byte[] out = new byte[Math.max(0, sealed.length - 16) + 5];
        Arrays.fill(out, (byte) 0x77);
        try {
            int n = aead.decrypt(nonce, sealed, 0, sealed.length, ad, out, 5);
            return "opened " + HexFormat.of().formatHex(out, 5, 5 + n);
        } catch (AEADBadTagException e) {
            for (byte b : out) {
                if (b != 0x77) {
                    throw new AssertionError(aead + " wrote to the output of a refused message");
                }
            }
            return "refused";
        }
    }

    // @FuzzTest must come last: Jazzer records the seeds of the argument sources before it.
    @MethodSource("seeds")
    @FuzzTest(maxDuration = "10s")
    void fuzz(byte[] input) {
        if (input.length < 33) {
            return;
        }
        AeadAlgorithm algorithm = ALGORITHMS[(input[0] & 0xff) % ALGORITHMS.length];
        byte[] nonce = Arrays.copyOfRange(input, 1, 1 + algorithm.nonceBytes());
        byte[] ad = Arrays.copyOfRange(input, 25, 33);
        byte[] sealed = Arrays.copyOfRange(input, 33, input.length);
        String expected = open(jdk(algorithm), nonce, sealed, ad);
        String actual = open(java(algorithm), nonce, sealed, ad);
        if (!expected.equals(actual)) {
            throw new AssertionError("Java: " + actual + "; the JDK: " + expected + ", on " + algorithm.id() + " "
                    + HexFormat.of().formatHex(input));
        }
    }
}
