package dev.arsenal.spi.crypto;

import dev.arsenal.spi.TestData;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * BLAKE2b's reference known answers ({@code testdata/blake2/blake2b-kat.txt}, from the BLAKE2
 * reference code's {@code testvectors}, CC0): the 64-byte keyed digest (the key {@code 00 01 .. 3f})
 * of the inputs {@code 00 01 .. n-1} for n from 0 to 255, checked against the folder's {@code
 * SHA256SUMS} first.
 */
public final class Blake2bKat {
    /**
     * One known answer.
     *
     * @param input the input
     * @param key the key
     * @param hash the 64-byte digest
     */
    public record Case(byte[] input, byte[] key, byte[] hash) {}

    private Blake2bKat() {}

    /** Every case, 256 of them. */
    public static List<Case> cases() {
        String text = new String(TestData.verified("blake2", "blake2b-kat.txt"), StandardCharsets.US_ASCII);
        HexFormat hex = HexFormat.of();
        List<Case> cases = new ArrayList<>();
        byte[] in = null;
        byte[] key = null;
        for (String line : text.split("\n")) {
            String[] f = line.strip().split(":\\s*", 2);
            if (f.length < 2 && !line.startsWith("in:")) {
                continue;
            }
            String value = f.length < 2 ? "" : f[1].strip();
            switch (f[0]) {
                case "in" -> in = hex.parseHex(value);
                case "key" -> key = hex.parseHex(value);
                case "hash" -> cases.add(new Case(in, key, hex.parseHex(value)));
                default -> throw new IllegalStateException("blake2b-kat.txt: unexpected line '" + line + "'");
            }
        }
        if (cases.size() != 256) {
            throw new IllegalStateException("blake2b-kat.txt holds " + cases.size() + " cases, not 256");
        }
        return cases;
    }
}
