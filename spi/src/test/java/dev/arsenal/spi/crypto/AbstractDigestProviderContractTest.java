package dev.arsenal.spi.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arsenal.crypto.Digest;
import dev.arsenal.crypto.DigestAlgorithm;
import dev.arsenal.crypto.DigestSpec;
import dev.arsenal.crypto.DigestStream;
import dev.arsenal.report.SelfTest;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The contract every {@link DigestProvider} meets; a provider's test extends this class and
 * supplies the provider. For every digest algorithm it lists:
 *
 * <ul>
 *   <li>the self-test passes, and the reference answers it supports match: BLAKE3's official
 *       vectors (every length, hash, keyed, derive_key, the 131-byte extended output and its
 *       32-byte prefix), BLAKE2b's 256 keyed reference answers, and NIST's SHA-2
 *       examples (FIPS 180-4: one block, two blocks, a million 'a's) and SHA-2 against the JDK's
 *       {@link MessageDigest} for lengths 0 to 2,100;
 *   <li>one-shot, ranges, heap, direct and read-only buffers, and streams fed in parts split
 *       anywhere give the same bytes; a stream starts over after each digest and after reset;
 *   <li>misuse refused: a range outside the array, an output array too short (and the stream then
 *       keeps its input).
 * </ul>
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class AbstractDigestProviderContractTest {
    /** The provider under test. */
    protected abstract DigestProvider provider();

    /** The digest algorithms the provider lists. */
    protected Stream<DigestAlgorithm> algorithms() {
        return provider().algorithms().stream()
                .filter(DigestAlgorithm.class::isInstance)
                .map(DigestAlgorithm.class::cast)
                .sorted();
    }

    /** The provider's digest for {@code spec}, or null if it does not support it. */
    private Digest digest(DigestAlgorithm algorithm, DigestSpec spec) {
        algorithm.check(spec);
        return provider().supports(algorithm, spec) ? provider().digest(algorithm, spec) : null;
    }

    @ParameterizedTest
    @MethodSource("algorithms")
    void theSelfTestPasses(DigestAlgorithm algorithm) {
        SelfTest test = provider().selfTest(algorithm);
        assertTrue(test.passed(), test::detail);
    }

    /**
     * NIST's example messages of FIPS 180-4 (CSRC, "Examples with intermediate values": one block,
     * two blocks, a million 'a's) and their digests: algorithm, message, digest.
     */
    private static final String[][] NIST_EXAMPLES = {
        {"sha-256", "abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"},
        {
            "sha-256",
            "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
            "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"
        },
        {"sha-256", "million a", "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0"},
        {
            "sha-512",
            "abc",
            "ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a"
                    + "2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f"
        },
        {
            "sha-512",
            "abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrs"
                    + "mnopqrstnopqrstu",
            "8e959b75dae313da8cf4f72814fc143f8f7779c6eb9f7fa17299aeadb6889018"
                    + "501d289e4900f7e4331b99dec4b5433ac7d329eeb6dd26545e96e55b874be909"
        },
        {
            "sha-512",
            "million a",
            "e718483d0ce769644e2e42c7bc15b4638e1f98b13b2044285632a803afa973eb"
                    + "de0ff244877ea60a4cb0432ce577c31beb009c5c2c49aa2e4eadb217ad8cc09b"
        },
    };

    @ParameterizedTest
    @MethodSource("algorithms")
    void theReferenceAnswersMatch(DigestAlgorithm algorithm) throws Exception {
        int checked = 0;
        switch (algorithm) {
            case SHA_256, SHA_512 -> {
                MessageDigest jdk =
                        MessageDigest.getInstance(algorithm == DigestAlgorithm.SHA_256 ? "SHA-256" : "SHA-512");
                Digest d = digest(algorithm, DigestSpec.defaults());
                for (String[] example : NIST_EXAMPLES) {
                    if (example[0].equals(algorithm.id())) {
                        byte[] in = example[1].equals("million a")
                                ? "a".repeat(1_000_000).getBytes(StandardCharsets.US_ASCII)
                                : example[1].getBytes(StandardCharsets.US_ASCII);
                        assertArrayEquals(
                                HexFormat.of().parseHex(example[2]),
                                d.digest(in),
                                algorithm.id() + " of NIST's example \"" + example[1] + "\"");
                        checked++;
                    }
                }
                SplittableRandom r = new SplittableRandom(algorithm.ordinal());
                for (int n = 0; n <= 2100; n += n < 300 ? 1 : 61) {
                    byte[] in = new byte[n];
                    r.nextBytes(in);
                    assertArrayEquals(jdk.digest(in), d.digest(in), algorithm.id() + " of " + n + " bytes");
                    checked++;
                }
            }
            case BLAKE2B -> {
                for (Blake2bKat.Case c : Blake2bKat.cases()) {
                    Digest d = digest(algorithm, DigestSpec.keyed(c.key()));
                    if (d != null) {
                        assertArrayEquals(
                                c.hash(), d.digest(c.input()), "BLAKE2b KAT of " + c.input().length + " bytes");
                        checked++;
                    }
                }
                if (checked == 0) { // a provider of the unkeyed 64-byte BLAKE2b only (OpenSSL 3.0's)
                    for (DigestKnownAnswers.Vector v : DigestKnownAnswers.vectors(algorithm)) {
                        Digest d = digest(algorithm, v.spec());
                        if (d != null) {
                            assertArrayEquals(v.expected(), d.digest(v.input()), "BLAKE2b of " + v.input().length);
                            checked++;
                        }
                    }
                    assertTrue(checked >= 2, "no keyed BLAKE2b, and only " + checked + " unkeyed answers");
                    return; // the differential test compares it with the others on random input
                }
            }
            case BLAKE3 -> {
                for (Blake3Vectors.Case c : Blake3Vectors.cases()) {
                    byte[] in = DigestKnownAnswers.input(c.inputLength());
                    for (var mode : new Object[][] {
                        {DigestSpec.defaults(), c.hash()},
                        {DigestSpec.keyed(Blake3Vectors.key()), c.keyedHash()},
                        {DigestSpec.deriving(Blake3Vectors.context()), c.deriveKey()}
                    }) {
                        DigestSpec spec = (DigestSpec) mode[0];
                        byte[] expected = (byte[]) mode[1];
                        String what = "BLAKE3 of " + c.inputLength() + " bytes, " + spec;
                        assertArrayEquals(
                                expected,
                                digest(algorithm, spec.withLength(expected.length))
                                        .digest(in),
                                what);
                        assertArrayEquals(
                                Arrays.copyOf(expected, 32),
                                digest(algorithm, spec).digest(in),
                                what + ", 32 bytes");
                        checked++;
                    }
                }
            }
        }
        assertTrue(checked > 20, algorithm.id() + ": only " + checked + " reference answers checked");
    }

    @ParameterizedTest
    @MethodSource("algorithms")
    void everyFormGivesTheSameBytes(DigestAlgorithm algorithm) {
        SplittableRandom r = new SplittableRandom(algorithm.ordinal() * 7L + 3);
        Digest d = digest(algorithm, DigestSpec.defaults());
        assertEquals(algorithm, d.algorithm());
        assertEquals(algorithm.defaultLength(), d.length());
        DigestStream stream = d.newStream();
        assertEquals(d.length(), stream.length());
        for (int n : new int[] {0, 1, 63, 64, 65, 127, 128, 129, 1023, 1024, 1025, 4096, 8191, 8193, 20000, 70001}) {
            byte[] in = new byte[n + 10];
            r.nextBytes(in);
            byte[] expected = d.digest(Arrays.copyOfRange(in, 5, 5 + n));
            String what = algorithm.id() + " of " + n + " bytes";
            assertEquals(d.length(), expected.length, what);
            assertArrayEquals(expected, d.digest(in, 5, n), what + ", range");
            assertArrayEquals(expected, d.digest(ByteBuffer.wrap(in, 5, n)), what + ", heap buffer");
            ByteBuffer direct = ByteBuffer.allocateDirect(n).put(in, 5, n).flip();
            assertArrayEquals(expected, d.digest(direct), what + ", direct buffer");
            assertEquals(direct.limit(), direct.position(), what + ": the buffer is consumed");
            assertArrayEquals(
                    expected, d.digest(ByteBuffer.wrap(in, 5, n).asReadOnlyBuffer()), what + ", read-only buffer");

            int a = n == 0 ? 0 : r.nextInt(n);
            int b = a + (n == a ? 0 : r.nextInt(n - a));
            stream.update(in, 5, a);
            stream.update(ByteBuffer.allocateDirect(b - a).put(in, 5 + a, b - a).flip());
            stream.update(ByteBuffer.wrap(in, 5 + b, n - b));
            assertArrayEquals(expected, stream.digest(), what + ", stream split at " + a + " and " + b);
            // The stream started over; byte by byte this time, into an array at an offset.
            for (int i = 0; i < Math.min(n, 300); i++) {
                stream.update(in, 5 + i, 1);
            }
            stream.update(in, 5 + Math.min(n, 300), n - Math.min(n, 300));
            byte[] out = new byte[d.length() + 3];
            assertEquals(d.length(), stream.digest(out, 2));
            assertArrayEquals(expected, Arrays.copyOfRange(out, 2, 2 + d.length()), what + ", byte by byte");
            stream.update(in, 0, 7);
            stream.reset();
            stream.update(in, 5, n);
            assertArrayEquals(expected, stream.digest(), what + ", after reset");
        }
    }

    @ParameterizedTest
    @MethodSource("algorithms")
    void everyLengthItSupportsIsAPrefixOrItsOwn(DigestAlgorithm algorithm) {
        byte[] in = DigestKnownAnswers.input(3000);
        int max = Math.min(algorithm.maxLength(), 200);
        int supported = 0;
        for (int length = algorithm.minLength(); length <= max; length++) {
            Digest d = digest(algorithm, DigestSpec.ofLength(length));
            if (d == null) {
                continue;
            }
            byte[] got = d.digest(in);
            assertEquals(length, got.length);
            DigestStream s = d.newStream();
            s.update(in);
            assertArrayEquals(got, s.digest(), algorithm.id() + ", " + length + " bytes, stream");
            supported++;
        }
        // a provider may give one length only (OpenSSL 3.0's BLAKE2b: 64 bytes); then that one is checked
        assertTrue(supported >= 1, algorithm.id() + ": " + supported + " lengths supported");
    }

    @Test
    void misuseIsRefused() {
        DigestAlgorithm algorithm = algorithms().findFirst().orElseThrow();
        Digest d = digest(algorithm, DigestSpec.defaults());
        assertThrows(IndexOutOfBoundsException.class, () -> d.digest(new byte[10], 5, 6));
        assertThrows(IndexOutOfBoundsException.class, () -> d.digest(new byte[10], -1, 2));
        DigestStream s = d.newStream();
        assertThrows(IndexOutOfBoundsException.class, () -> s.update(new byte[10], 8, 3));
        byte[] in = DigestKnownAnswers.input(100);
        s.update(in);
        assertThrows(IndexOutOfBoundsException.class, () -> s.digest(new byte[d.length() - 1], 0));
        assertArrayEquals(d.digest(in), s.digest(), "the stream kept its input after the refused digest");
    }
}
