package dev.arsenal.providers.natives.crypto;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.arsenal.crypto.CurvePrivateKey;
import dev.arsenal.crypto.CurvePublicKey;
import dev.arsenal.crypto.KeyAgreementAlgorithm;
import dev.arsenal.crypto.SignatureAlgorithm;
import dev.arsenal.crypto.Signer;
import dev.arsenal.providers.java.crypto.BouncyCastleCryptoProvider;
import dev.arsenal.providers.java.crypto.JdkCryptoProvider;
import dev.arsenal.spi.crypto.CryptoProvider;
import dev.arsenal.spi.crypto.KeyAgreementProvider;
import dev.arsenal.spi.crypto.SignatureProvider;
import java.security.InvalidKeyException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Differential fuzzing (Jazzer) of what the four Ed25519 and X25519 providers (the JDK, Bouncy
 * Castle, libsodium, OpenSSL) say about hostile input: an input's first byte picks the question.
 *
 * <ul>
 *   <li>even: a public key (32 bytes), a signature (64) and a message (the rest): every verifier
 *       gives the same verdict, and none throws;
 *   <li>odd: a private scalar (32 bytes) and a peer's u (32): every agreement gives the same secret,
 *       or every one refuses with an {@link InvalidKeyException}; nothing else is thrown.
 * </ul>
 *
 * <p>The seeds are valid signatures and agreements, so that libFuzzer's mutations start where the
 * verdicts are close. Run as the other fuzz tests are (the parent pom's {@code fuzz} execution).
 */
class CurveVerdictFuzzTest {
    private static final SignatureAlgorithm ED25519 = SignatureAlgorithm.ED25519;
    private static final KeyAgreementAlgorithm X25519 = KeyAgreementAlgorithm.X25519;
    private static final List<CryptoProvider> PROVIDERS = List.of(
            new JdkCryptoProvider(),
            new BouncyCastleCryptoProvider(),
            new SodiumCryptoProvider(),
            new OpenSslCryptoProvider());

    static Stream<Arguments> seeds() {
        SplittableRandom r = new SplittableRandom(0x25519);
        Stream.Builder<Arguments> seeds = Stream.builder();
        for (int i = 0; i < 4; i++) {
            byte[] seed = bytes(r, 32);
            byte[] message = bytes(r, 1 + i * 20);
            Signer signer = ((SignatureProvider) PROVIDERS.get(2)).signer(ED25519, CurvePrivateKey.of(ED25519, seed));
            byte[] input = cat(new byte[] {0}, signer.publicKey().raw(), signer.sign(message), message);
            seeds.add(Arguments.of(Named.of("a valid signature of " + message.length + " bytes", input)));
            seeds.add(Arguments.of(Named.of("an agreement", cat(new byte[] {1}, bytes(r, 32), bytes(r, 32)))));
        }
        byte[] small = new byte[65];
        small[0] = 1;
        small[33] = 1;
        seeds.add(Arguments.of(Named.of("a small-order peer", small)));
        return seeds.build();
    }

    // @FuzzTest must come last: Jazzer records the seeds of the argument sources before it.
    @MethodSource("seeds")
    @FuzzTest(maxDuration = "10s")
    void fuzz(byte[] input) {
        if (input.length < 1 + 64) {
            return;
        }
        if ((input[0] & 1) == 0) {
            verify(input);
        } else {
            agree(input);
        }
    }

    private static void verify(byte[] input) {
        if (input.length < 1 + 32 + 64) {
            return;
        }
        CurvePublicKey key = CurvePublicKey.of(ED25519, Arrays.copyOfRange(input, 1, 33));
        byte[] signature = Arrays.copyOfRange(input, 33, 97);
        byte[] message = Arrays.copyOfRange(input, 97, input.length);
        Boolean first = null;
        StringBuilder verdicts = new StringBuilder();
        for (CryptoProvider p : PROVIDERS) {
            boolean v = ((SignatureProvider) p).verifier(ED25519, key).verify(message, signature);
            verdicts.append(p.id()).append('=').append(v).append(' ');
            if (first != null && first != v) {
                throw new AssertionError(
                        "verdicts differ: " + verdicts + "on " + HexFormat.of().formatHex(input));
            }
            first = v;
        }
    }

    private static void agree(byte[] input) {
        CurvePrivateKey key = CurvePrivateKey.of(X25519, Arrays.copyOfRange(input, 1, 33));
        CurvePublicKey peer = CurvePublicKey.of(X25519, Arrays.copyOfRange(input, 33, 65));
        byte[] first = null;
        for (CryptoProvider p : PROVIDERS) {
            byte[] shared;
            try {
                shared = ((KeyAgreementProvider) p).agreement(X25519, key).agree(peer);
            } catch (InvalidKeyException e) {
                shared = new byte[0];
            }
            if (first != null && !Arrays.equals(first, shared)) {
                throw new AssertionError(
                        p.id() + " differs on " + HexFormat.of().formatHex(input));
            }
            first = shared;
        }
    }

    private static byte[] bytes(SplittableRandom r, int n) {
        byte[] b = new byte[n];
        r.nextBytes(b);
        return b;
    }

    private static byte[] cat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) {
            n += p.length;
        }
        byte[] all = new byte[n];
        int at = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, all, at, p.length);
            at += p.length;
        }
        return all;
    }
}
