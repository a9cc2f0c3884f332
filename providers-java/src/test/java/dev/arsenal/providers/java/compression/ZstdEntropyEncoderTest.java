package dev.arsenal.providers.java.compression;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The entropy coders' invariants, over many random distributions (the {@code zstd} tool checks
 * their output in {@link ZstdEncoderTest}; these reach the corners it rarely sees): Huffman codes
 * complete (Kraft sum exactly 1, as the weights' implied last symbol needs), at most 11 bits,
 * prefix-free and for present bytes only, also for the skewed counts that need the length limit;
 * FSE distributions that sum to the table and give every counted symbol a cell.
 */
class ZstdEntropyEncoderTest {
    @Test
    void huffmanCodesAreCompleteLimitedAndPrefixFree() {
        ZstdHuffmanEncoder huffman = new ZstdHuffmanEncoder();
        Random random = new Random(1);
        int limited = 0;
        for (int trial = 0; trial < 5000; trial++) {
            int[] counts = new int[256];
            int maxSymbol = 0;
            int total = 0;
            long a = 1;
            long b = 1;
            int kinds = 2 + random.nextInt(255);
            for (int i = 0; i < kinds; i++) {
                // Uniform, Fibonacci (the deepest Huffman trees) or powers of two.
                int c = switch (trial % 3) {
                    case 0 -> 1 + random.nextInt(1000);
                    case 1 -> (int) Math.min(100_000, b);
                    default -> 1 << random.nextInt(17);
                };
                long next = a + b;
                a = b;
                b = next;
                if (total + c > ZstdFrameEncoder.BLOCK_SIZE) {
                    break;
                }
                int s = random.nextInt(256);
                counts[s] += c;
                total += c;
                maxSymbol = Math.max(maxSymbol, s);
            }
            int present = 0;
            for (int c : counts) {
                present += c > 0 ? 1 : 0;
            }
            if (present < 2) {
                continue;
            }
            huffman.build(counts, maxSymbol);
            int maxBits = huffman.maxBits;
            assertTrue(maxBits >= 1 && maxBits <= ZstdHuffmanEncoder.MAX_BITS, "trial " + trial + ": " + maxBits);
            int[] owner = new int[1 << maxBits];
            long kraft = 0;
            for (int s = 0; s < 256; s++) {
                int length = huffman.codes[s] & 15;
                assertEquals(counts[s] > 0, length > 0, "trial " + trial + ": byte " + s + " has a code iff present");
                if (length == 0) {
                    continue;
                }
                limited += length == ZstdHuffmanEncoder.MAX_BITS ? 1 : 0;
                kraft += 1L << (maxBits - length);
                int from = (huffman.codes[s] >>> 4) << (maxBits - length);
                for (int k = 0; k < 1 << (maxBits - length); k++) {
                    assertEquals(0, owner[from + k], "trial " + trial + ": codes overlap");
                    owner[from + k] = s + 1;
                }
            }
            assertEquals(1L << maxBits, kraft, "trial " + trial + ": the code is complete");
            if (maxSymbol <= 128) {
                assertTrue(huffman.writeDescription(new byte[256], 0, 200) > 0, "trial " + trial + ": a description");
            }
        }
        assertTrue(limited > 0, "some codes reached the 11-bit limit");
    }

    @Test
    void fseDistributionsSumToTheTableAndKeepEverySymbol() {
        Random random = new Random(2);
        short[] normalized = new short[53];
        for (int trial = 0; trial < 20_000; trial++) {
            int maxSymbol = 1 + random.nextInt(52);
            int[] counts = new int[53];
            int total = 0;
            for (int s = 0; s <= maxSymbol; s++) {
                // Many rare symbols beside a few frequent ones: the case where rounding up to one
                // cell overfills the table.
                int c = random.nextInt(4) == 0 ? 0 : random.nextInt(3) == 0 ? 1 + random.nextInt(20_000) : 1;
                counts[s] = c;
                total += c;
            }
            counts[maxSymbol] = Math.max(counts[maxSymbol], 1);
            total = 0;
            for (int c : counts) {
                total += c;
            }
            int tableLog = ZstdFseEncoder.optimalTableLog(9, total, maxSymbol);
            ZstdFseEncoder.normalize(counts, maxSymbol, total, tableLog, normalized);
            int sum = 0;
            for (int s = 0; s <= maxSymbol; s++) {
                assertEquals(counts[s] == 0, normalized[s] == 0, "trial " + trial + ": symbol " + s);
                sum += normalized[s];
            }
            assertEquals(1 << tableLog, sum, "trial " + trial);
            ZstdFseEncoder table = new ZstdFseEncoder(53);
            table.build(normalized, maxSymbol, tableLog);
            byte[] out = new byte[128];
            assertTrue(
                    ZstdFseEncoder.writeDescription(normalized, maxSymbol, tableLog, new ZstdBitWriter(), out, 0, 100)
                            > 0);
        }
    }
}
