package dev.arsenal.spi.crypto;

import dev.arsenal.crypto.AeadAlgorithm;
import dev.arsenal.spi.Json;
import dev.arsenal.spi.TestData;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Wycheproof's AEAD vectors ({@code testdata/wycheproof/*.json}, checked against its {@code
 * SHA256SUMS} first): every case of a file, with its group's key, nonce and tag sizes.
 */
public final class WycheproofAead {
    /** What Wycheproof says a case is. */
    public enum Result {
        /** Must seal to the ciphertext and tag, and open. */
        VALID,
        /** Must be refused: a wrong tag, or parameters the algorithm does not take. */
        INVALID,
        /** Either way is correct. */
        ACCEPTABLE
    }

    /**
     * One case.
     *
     * @param file the file it is from
     * @param id its {@code tcId}
     * @param comment its comment and flags, for messages
     * @param keyBits its group's key size
     * @param nonceBits its group's nonce size
     * @param tagBits its group's tag size
     * @param key the key
     * @param nonce the nonce
     * @param associatedData the associated data
     * @param message the plaintext
     * @param ciphertext the ciphertext
     * @param tag the tag
     * @param result what it must give
     */
    public record Case(
            String file,
            int id,
            String comment,
            int keyBits,
            int nonceBits,
            int tagBits,
            byte[] key,
            byte[] nonce,
            byte[] associatedData,
            byte[] message,
            byte[] ciphertext,
            byte[] tag,
            Result result) {
        /** The ciphertext followed by the tag. */
        public byte[] sealed() {
            byte[] s = java.util.Arrays.copyOf(ciphertext, ciphertext.length + tag.length);
            System.arraycopy(tag, 0, s, ciphertext.length, tag.length);
            return s;
        }

        /** The algorithm this case is for, or empty (AES-GCM with a 192-bit key: not offered). */
        public Optional<AeadAlgorithm> algorithm(AeadAlgorithm family) {
            return switch (family) {
                case AES_128_GCM, AES_256_GCM ->
                    keyBits == 128
                            ? Optional.of(AeadAlgorithm.AES_128_GCM)
                            : keyBits == 256 ? Optional.of(AeadAlgorithm.AES_256_GCM) : Optional.empty();
                default -> Optional.of(family);
            };
        }

        @Override
        public String toString() {
            return file + " case " + id + " (" + comment + ", " + keyBits + "-bit key, " + nonceBits + "-bit nonce, "
                    + result + ")";
        }
    }

    private WycheproofAead() {}

    /** The file of {@code algorithm}'s vectors. */
    public static String fileOf(AeadAlgorithm algorithm) {
        return switch (algorithm) {
            case CHACHA20_POLY1305 -> "chacha20_poly1305_test.json";
            case XCHACHA20_POLY1305 -> "xchacha20_poly1305_test.json";
            case AES_128_GCM, AES_256_GCM -> "aes_gcm_test.json";
        };
    }

    /** Every case of {@code file}, after checking its bytes against {@code SHA256SUMS}. */
    public static List<Case> cases(String file) {
        byte[] bytes = TestData.verified("wycheproof", file);
        HexFormat hex = HexFormat.of();
        List<Case> cases = new ArrayList<>();
        Map<?, ?> root = (Map<?, ?>) Json.parse(new String(bytes, StandardCharsets.UTF_8));
        for (Object g : (List<?>) root.get("testGroups")) {
            Map<?, ?> group = (Map<?, ?>) g;
            for (Object t : (List<?>) group.get("tests")) {
                Map<?, ?> c = (Map<?, ?>) t;
                cases.add(new Case(
                        file,
                        (int) Json.number(c.get("tcId")),
                        c.get("comment") + " " + c.get("flags"),
                        (int) Json.number(group.get("keySize")),
                        (int) Json.number(group.get("ivSize")),
                        (int) Json.number(group.get("tagSize")),
                        hex.parseHex((String) c.get("key")),
                        hex.parseHex((String) c.get("iv")),
                        hex.parseHex((String) c.get("aad")),
                        hex.parseHex((String) c.get("msg")),
                        hex.parseHex((String) c.get("ct")),
                        hex.parseHex((String) c.get("tag")),
                        Result.valueOf(((String) c.get("result")).toUpperCase(java.util.Locale.ROOT))));
            }
        }
        return cases;
    }
}
