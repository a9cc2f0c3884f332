package dev.arsenal.providers.natives.crypto;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.arsenal.crypto.Aead;
import dev.arsenal.crypto.AeadAlgorithm;
import dev.arsenal.providers.java.crypto.BouncyCastleCryptoProvider;
import dev.arsenal.providers.java.crypto.JdkCryptoProvider;
import dev.arsenal.spi.crypto.AeadProvider;
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
 * Differential fuzzing (Jazzer) of AEAD decryption on hostile ciphertexts: an input's first byte
 * picks the algorithm, the next 24 the nonce (as many as it takes), the next 8 the associated data,
 * the rest the sealed message; the key is fixed. Every provider of the algorithm (the JDK, Bouncy
 * Castle, libsodium, OpenSSL; libsodium has no AES-128-GCM) must give the same plaintext, or refuse
 * with an {@link AEADBadTagException} (input shorter than a tag too) every one alike, and leave the
 * caller's output untouched when it refuses. The seeds are valid sealed messages of each algorithm.
 */
class AeadOpenFuzzTest {
    private static final byte[] KEY =
            HexFormat.of().parseHex("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f");
    private static final List<AeadProvider> PROVIDERS = List.of(
            new JdkCryptoProvider(),
            new BouncyCastleCryptoProvider(),
            new SodiumCryptoProvider(),
            new OpenSslCryptoProvider());

    static Stream<Arguments> seeds() {
        List<Arguments> seeds = new ArrayList<>();
        for (AeadAlgorithm a : AeadAlgorithm.values()) {
            for (int length : new int[] {0, 1, 33}) {
                byte[] nonce = new byte[24];
                Arrays.fill(nonce, (byte) length);
                byte[] ad = {1, 2, 3, 4, 5, 6, 7, 8};
                byte[] sealed = aead(PROVIDERS.getFirst(), a)
                        .encrypt(Arrays.copyOf(nonce, a.nonceBytes()), new byte[length], ad);
                byte[] input = new byte[1 + 24 + 8 + sealed.length];
                input[0] = (byte) a.ordinal();
                System.arraycopy(nonce, 0, input, 1, 24);
                System.arraycopy(ad, 0, input, 25, 8);
                System.arraycopy(sealed, 0, input, 33, sealed.length);
                seeds.add(Arguments.of(Named.of(a.id() + ", " + length + " bytes", input)));
            }
        }
        return seeds.stream();
    }

    private static Aead aead(AeadProvider p, AeadAlgorithm a) {
        return p.aead(a, Arrays.copyOf(KEY, a.keyBytes()));
    }

    // @FuzzTest must come last: Jazzer records the seeds of the argument sources before it.
    @MethodSource("seeds")
    @FuzzTest(maxDuration = "10s")
    void fuzz(byte[] input) {
        if (input.length < 33) {
            return;
        }
        AeadAlgorithm algorithm = AeadAlgorithm.values()[(input[0] & 0xff) % AeadAlgorithm.values().length];
        byte[] nonce = Arrays.copyOfRange(input, 1, 1 + algorithm.nonceBytes());
        byte[] ad = Arrays.copyOfRange(input, 25, 33);
        byte[] sealed = Arrays.copyOfRange(input, 33, input.length);
        String first = null;
        String firstId = null;
        for (AeadProvider p : PROVIDERS) {
            if (!p.algorithms().contains(algorithm)
                    || (p instanceof SodiumCryptoProvider
                            && algorithm == AeadAlgorithm.AES_256_GCM
                            && !SodiumBindings.aesGcmAvailable(SodiumBindings.handles()))) {
                continue; // libsodium's AES-GCM needs AES-NI and PCLMULQDQ
            }
            byte[] out = new byte[Math.max(0, sealed.length - 16) + 5];
            Arrays.fill(out, (byte) 0x77);
            String answer;
            try {
                int n = aead(p, algorithm).decrypt(nonce, sealed, 0, sealed.length, ad, out, 5);
                answer = "opened " + HexFormat.of().formatHex(out, 5, 5 + n);
            } catch (AEADBadTagException e) {
                answer = "refused";
                for (byte b : out) {
                    if (b != 0x77) {
                        throw new AssertionError(p.id() + " wrote to the output of a refused message");
                    }
                }
            }
            if (first != null && !first.equals(answer)) {
                throw new AssertionError(p.id() + ": " + answer + "; " + firstId + ": " + first + ", on "
                        + algorithm.id() + " " + HexFormat.of().formatHex(input));
            }
            first = answer;
            firstId = p.id();
        }
    }
}
