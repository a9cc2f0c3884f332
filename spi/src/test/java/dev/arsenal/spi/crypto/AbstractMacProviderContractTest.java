package dev.arsenal.spi.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arsenal.crypto.DigestStream;
import dev.arsenal.crypto.Kdf;
import dev.arsenal.crypto.KdfAlgorithm;
import dev.arsenal.crypto.Mac;
import dev.arsenal.crypto.MacAlgorithm;
import dev.arsenal.report.SelfTest;
import dev.arsenal.spi.Json;
import dev.arsenal.spi.TestData;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The contract every {@link MacProvider} (and {@link KdfProvider}) meets; a provider's test extends
 * this class and supplies the provider.
 *
 * <ul>
 *   <li>every case of Wycheproof's {@code hmac_sha256_test.json} and {@code hmac_sha512_test.json}
 *       (keys of 16 to 65 bytes, tags whole and truncated): a valid tag is computed and verified,
 *       an invalid one refused by {@link Mac#verify}; the cases are counted;
 *   <li>every case of {@code hkdf_sha256_test.json} and {@code hkdf_sha512_test.json}: valid ones
 *       derive the expected bytes in one call and as extract then expand, the invalid ones (an
 *       output longer than 255 hashes) are refused with an {@link IllegalArgumentException};
 *   <li>one-shot, heap and direct buffers and streams split anywhere give the same tag;
 *   <li>misuse: tags too short, too long or null are not verified; ranges outside arrays refused.
 * </ul>
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class AbstractMacProviderContractTest {
    /** The provider under test: a {@link MacProvider}, and a {@link KdfProvider} if it lists KDFs. */
    protected abstract CryptoProvider provider();

    /** The MAC algorithms the provider lists. */
    protected Stream<MacAlgorithm> macs() {
        return provider().algorithms().stream()
                .filter(MacAlgorithm.class::isInstance)
                .map(MacAlgorithm.class::cast)
                .sorted();
    }

    /** The KDF algorithms the provider lists. */
    protected Stream<KdfAlgorithm> kdfs() {
        return provider().algorithms().stream()
                .filter(KdfAlgorithm.class::isInstance)
                .map(KdfAlgorithm.class::cast)
                .sorted();
    }

    private Mac mac(MacAlgorithm algorithm, byte[] key) {
        algorithm.checkKey(key);
        return ((MacProvider) provider()).mac(algorithm, key);
    }

    private static List<Map<?, ?>> groups(String file) {
        Map<?, ?> root =
                (Map<?, ?>) Json.parse(new String(TestData.verified("wycheproof", file), StandardCharsets.UTF_8));
        List<Map<?, ?>> groups = new ArrayList<>();
        for (Object g : (List<?>) root.get("testGroups")) {
            groups.add((Map<?, ?>) g);
        }
        return groups;
    }

    @ParameterizedTest
    @MethodSource("macs")
    void theSelfTestPasses(MacAlgorithm algorithm) {
        SelfTest test = provider().selfTest(algorithm);
        assertTrue(test.passed(), test::detail);
    }

    @ParameterizedTest
    @MethodSource("macs")
    void everyWycheproofMacCase(MacAlgorithm algorithm) {
        String file = algorithm == MacAlgorithm.HMAC_SHA_256 ? "hmac_sha256_test.json" : "hmac_sha512_test.json";
        HexFormat hex = HexFormat.of();
        int valid = 0;
        int invalid = 0;
        for (Map<?, ?> group : groups(file)) {
            for (Object o : (List<?>) group.get("tests")) {
                Map<?, ?> c = (Map<?, ?>) o;
                String what = file + " case " + (int) Json.number(c.get("tcId")) + " (" + c.get("comment") + ")";
                byte[] key = hex.parseHex((String) c.get("key"));
                byte[] msg = hex.parseHex((String) c.get("msg"));
                byte[] tag = hex.parseHex((String) c.get("tag"));
                Mac mac = mac(algorithm, key);
                if ("valid".equals(c.get("result"))) {
                    assertArrayEquals(tag, Arrays.copyOf(mac.mac(msg), tag.length), what);
                    assertTrue(mac.verify(msg, tag), what + ": verify");
                    valid++;
                } else {
                    assertFalse(mac.verify(msg, tag), what + ": verified a wrong tag");
                    invalid++;
                }
            }
        }
        assertTrue(valid >= 60 && invalid >= 100, file + ": " + valid + " valid, " + invalid + " invalid cases ran");
    }

    @ParameterizedTest
    @MethodSource("macs")
    void everyFormGivesTheSameTag(MacAlgorithm algorithm) {
        SplittableRandom r = new SplittableRandom(algorithm.ordinal() + 5L);
        byte[] key = new byte[1 + r.nextInt(200)];
        r.nextBytes(key);
        Mac mac = mac(algorithm, key);
        assertEquals(algorithm.length(), mac.length());
        DigestStream s = mac.newStream();
        for (int n : new int[] {0, 1, 63, 64, 65, 127, 128, 129, 1000, 70_001}) {
            byte[] in = new byte[n + 6];
            r.nextBytes(in);
            byte[] expected = mac.mac(Arrays.copyOfRange(in, 3, 3 + n));
            String what = algorithm.id() + " of " + n + " bytes";
            assertArrayEquals(expected, mac.mac(in, 3, n), what + ", range");
            assertArrayEquals(expected, mac.mac(ByteBuffer.wrap(in, 3, n)), what + ", heap buffer");
            assertArrayEquals(
                    expected, mac.mac(ByteBuffer.allocateDirect(n).put(in, 3, n).flip()), what + ", direct buffer");
            int cut = n == 0 ? 0 : r.nextInt(n);
            s.update(in, 3, cut);
            s.update(
                    ByteBuffer.allocateDirect(n - cut).put(in, 3 + cut, n - cut).flip());
            assertArrayEquals(expected, s.digest(), what + ", stream cut at " + cut);
            s.update(in, 0, 5);
            s.reset();
            s.update(in, 3, n);
            assertArrayEquals(expected, s.digest(), what + ", after reset");
        }
    }

    @ParameterizedTest
    @MethodSource("macs")
    void misuseIsRefused(MacAlgorithm algorithm) {
        assertThrows(IllegalArgumentException.class, () -> algorithm.checkKey(new byte[0]));
        Mac mac = mac(algorithm, new byte[] {1, 2, 3});
        byte[] msg = "message".getBytes(StandardCharsets.US_ASCII);
        byte[] tag = mac.mac(msg);
        assertTrue(mac.verify(msg, tag));
        assertFalse(mac.verify(msg, null));
        assertFalse(mac.verify(msg, Arrays.copyOf(tag, MacAlgorithm.MIN_TAG_BYTES - 1)), "too short to trust");
        assertFalse(mac.verify(msg, Arrays.copyOf(tag, tag.length + 1)), "longer than a tag");
        assertFalse(mac.verify(msg, new byte[0]));
        assertThrows(IndexOutOfBoundsException.class, () -> mac.mac(msg, 3, msg.length));
    }

    @ParameterizedTest
    @MethodSource("kdfs")
    void theKdfSelfTestPasses(KdfAlgorithm algorithm) {
        SelfTest test = provider().selfTest(algorithm);
        assertTrue(test.passed(), test::detail);
    }

    @ParameterizedTest
    @MethodSource("kdfs")
    void everyWycheproofKdfCase(KdfAlgorithm algorithm) {
        String file = algorithm == KdfAlgorithm.HKDF_SHA_256 ? "hkdf_sha256_test.json" : "hkdf_sha512_test.json";
        Kdf kdf = ((KdfProvider) provider()).kdf(algorithm);
        HexFormat hex = HexFormat.of();
        int valid = 0;
        int invalid = 0;
        for (Map<?, ?> group : groups(file)) {
            for (Object o : (List<?>) group.get("tests")) {
                Map<?, ?> c = (Map<?, ?>) o;
                String what = file + " case " + (int) Json.number(c.get("tcId")) + " (" + c.get("comment") + ")";
                byte[] ikm = hex.parseHex((String) c.get("ikm"));
                byte[] salt = hex.parseHex((String) c.get("salt"));
                byte[] info = hex.parseHex((String) c.get("info"));
                int size = (int) Json.number(c.get("size"));
                if ("valid".equals(c.get("result"))) {
                    byte[] okm = hex.parseHex((String) c.get("okm"));
                    assertArrayEquals(okm, kdf.derive(ikm, salt, info, size), what);
                    assertArrayEquals(okm, kdf.expand(kdf.extract(salt, ikm), info, size), what + ", in two steps");
                    valid++;
                } else {
                    assertThrows(IllegalArgumentException.class, () -> kdf.derive(ikm, salt, info, size), what);
                    invalid++;
                }
            }
        }
        assertTrue(valid >= 80 && invalid >= 3, file + ": " + valid + " valid, " + invalid + " invalid cases ran");
        assertThrows(
                IllegalArgumentException.class,
                () -> kdf.expand(new byte[algorithm.mac().length() - 1], null, 8));
        assertThrows(IllegalArgumentException.class, () -> kdf.derive(new byte[8], null, null, 0));
    }
}
