package dev.arsenal.providers.natives.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arsenal.crypto.DigestAlgorithm;
import dev.arsenal.crypto.DigestSpec;
import dev.arsenal.crypto.DigestStream;
import dev.arsenal.providers.java.crypto.BouncyCastleCryptoProvider;
import dev.arsenal.providers.java.crypto.JavaCryptoProvider;
import dev.arsenal.providers.java.crypto.JdkCryptoProvider;
import dev.arsenal.spi.crypto.DigestProvider;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every digest provider of the Java and native modules (the JDK, Bouncy Castle, Arsenal's Java
 * BLAKE3, libsodium, OpenSSL, Conscrypt) against every other on random inputs, lengths, keys and contexts: the same
 * bytes one-shot and streamed (a hot swap may change the provider between two digests that must
 * agree). The SIMD provider is compared with these in its own module.
 */
class DigestDifferentialTest {
    private static final List<DigestProvider> PROVIDERS = List.of(
            new JdkCryptoProvider(),
            new BouncyCastleCryptoProvider(),
            new JavaCryptoProvider(),
            new SodiumCryptoProvider(),
            new OpenSslCryptoProvider(),
            new ConscryptCryptoProvider());

    @ParameterizedTest
    @EnumSource(DigestAlgorithm.class)
    void everyProviderGivesTheSameBytes(DigestAlgorithm algorithm) {
        List<DigestProvider> providers = new ArrayList<>();
        for (DigestProvider p : PROVIDERS) {
            if (p.algorithms().contains(algorithm)) {
                providers.add(p);
            }
        }
        assertTrue(providers.size() >= 2, algorithm.id() + " has fewer than two providers: " + providers);
        SplittableRandom r = new SplittableRandom(0xD16E57L + algorithm.ordinal());
        for (int round = 0; round < 300; round++) {
            DigestSpec spec = spec(algorithm, r);
            byte[] input = new byte[r.nextInt(0, round < 200 ? 3000 : 300_000)];
            r.nextBytes(input);
            byte[] expected = null;
            String first = null;
            for (DigestProvider p : providers) {
                if (!p.supports(algorithm, spec)) {
                    continue;
                }
                byte[] got = p.digest(algorithm, spec).digest(input);
                DigestStream s = p.digest(algorithm, spec).newStream();
                int cut = input.length == 0 ? 0 : r.nextInt(input.length);
                s.update(input, 0, cut);
                s.update(input, cut, input.length - cut);
                assertArrayEquals(got, s.digest(), p.id() + ": stream and one-shot differ, " + spec);
                if (expected == null) {
                    expected = got;
                    first = p.id();
                } else {
                    assertArrayEquals(
                            expected,
                            got,
                            p.id() + " and " + first + " differ: " + algorithm.id() + ", " + input.length + " bytes, "
                                    + spec);
                }
            }
        }
    }

    private static DigestSpec spec(DigestAlgorithm algorithm, SplittableRandom r) {
        return switch (algorithm) {
            case SHA_256, SHA_512 -> DigestSpec.defaults();
            case BLAKE2B -> {
                if (r.nextInt(4) == 0) {
                    yield DigestSpec.defaults(); // the one spec every provider gives, OpenSSL's too
                }
                DigestSpec s = r.nextBoolean() ? DigestSpec.keyed(bytes(r, r.nextInt(1, 65))) : DigestSpec.defaults();
                yield s.withLength(r.nextInt(1, 65));
            }
            case BLAKE3 -> {
                DigestSpec s = switch (r.nextInt(3)) {
                    case 0 -> DigestSpec.keyed(bytes(r, 32));
                    case 1 -> DigestSpec.deriving("arsenal differential test " + r.nextInt(1000));
                    default -> DigestSpec.defaults();
                };
                yield s.withLength(r.nextInt(1, 200));
            }
        };
    }

    private static byte[] bytes(SplittableRandom r, int n) {
        byte[] b = new byte[n];
        r.nextBytes(b);
        return b;
    }
}
