package dev.arsenal.spi.crypto;

import dev.arsenal.spi.Json;
import dev.arsenal.spi.TestData;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * BLAKE3's official test vectors ({@code testdata/blake3/test_vectors.json}, from
 * BLAKE3-team/BLAKE3, CC0 or Apache 2.0), checked against the folder's {@code SHA256SUMS} first:
 * for 35 input lengths from 0 to 102,400 (the bytes {@code i % 251}), the 131-byte extended output
 * of the hash, the keyed hash and derive_key.
 */
public final class Blake3Vectors {
    /**
     * One input length's answers.
     *
     * @param inputLength the input's length
     * @param hash the hash's first 131 bytes
     * @param keyedHash the keyed hash's, under {@link #key()}
     * @param deriveKey derive_key's, with {@link #context()}
     */
    public record Case(int inputLength, byte[] hash, byte[] keyedHash, byte[] deriveKey) {}

    private record Parsed(byte[] key, String context, List<Case> cases) {}

    private static volatile Parsed parsed;

    private Blake3Vectors() {}

    /** Every case. */
    public static List<Case> cases() {
        return parsed().cases();
    }

    /** The key of the keyed hashes: the file's {@code key}, 32 ASCII bytes. */
    public static byte[] key() {
        return parsed().key().clone();
    }

    /** The context string of derive_key. */
    public static String context() {
        return parsed().context();
    }

    private static Parsed parsed() {
        Parsed p = parsed;
        if (p == null) {
            p = parse();
            parsed = p;
        }
        return p;
    }

    private static Parsed parse() {
        byte[] bytes = TestData.verified("blake3", "test_vectors.json");
        Map<?, ?> root = (Map<?, ?>) Json.parse(new String(bytes, StandardCharsets.UTF_8));
        HexFormat hex = HexFormat.of();
        List<Case> cases = new ArrayList<>();
        for (Object o : (List<?>) root.get("cases")) {
            Map<?, ?> c = (Map<?, ?>) o;
            cases.add(new Case(
                    (int) Json.number(c.get("input_len")),
                    hex.parseHex((String) c.get("hash")),
                    hex.parseHex((String) c.get("keyed_hash")),
                    hex.parseHex((String) c.get("derive_key"))));
        }
        if (cases.size() < 30) {
            throw new IllegalStateException("test_vectors.json holds only " + cases.size() + " cases");
        }
        return new Parsed(
                ((String) root.get("key")).getBytes(StandardCharsets.US_ASCII),
                (String) root.get("context_string"),
                List.copyOf(cases));
    }
}
