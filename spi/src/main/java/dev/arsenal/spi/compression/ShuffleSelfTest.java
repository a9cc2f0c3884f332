package dev.arsenal.spi.compression;

import dev.arsenal.report.SelfTest;
import java.util.Arrays;
import java.util.Collections;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.WeakHashMap;
import java.util.stream.IntStream;

/**
 * {@link ShuffleProvider}'s self-test: exact agreement with {@link ScalarByteShuffle}. It runs at
 * start-up (when compression is first used), often before the JIT has compiled the kernel, so it
 * checks each kernel once for both shuffle codecs, and a whole 64 KiB block (the frame's) only for
 * the element sizes with vector loops; the lengths around the vector widths cover every size.
 */
final class ShuffleSelfTest {
    private static final int[] LENGTHS = {0, 1, 7, 15, 16, 17, 31, 63, 64, 65, 127, 255, 256, 257, 1000, 4099};
    private static final int BLOCK_LENGTH = 65_541;

    /** Outcomes per kernel instance (weak keys: a kernel of a stopped bundle is not held here). */
    private static final Map<ByteShuffle, SelfTest> CHECKED = Collections.synchronizedMap(new WeakHashMap<>());

    private static final int GUARD = 19;
    private static final byte CANARY = (byte) 0xA5;

    private ShuffleSelfTest() {}

    static SelfTest check(ByteShuffle candidate) {
        return CHECKED.computeIfAbsent(candidate, ShuffleSelfTest::compare);
    }

    private static SelfTest compare(ByteShuffle candidate) {
        SplittableRandom random = new SplittableRandom(42);
        int cases = 0;
        try {
            for (int e = 1; e <= 33; e++) {
                int[] lengths = Integer.bitCount(e) == 1 && e <= 16
                        ? IntStream.concat(IntStream.of(LENGTHS), IntStream.of(BLOCK_LENGTH))
                                .toArray()
                        : LENGTHS;
                for (int length : lengths) {
                    byte[] src = new byte[length + 2 * GUARD];
                    random.nextBytes(src);
                    for (int direction = 0; direction < 2; direction++) {
                        byte[] want = new byte[src.length];
                        byte[] got = new byte[src.length];
                        Arrays.fill(got, CANARY);
                        Arrays.fill(want, CANARY);
                        if (direction == 0) {
                            ScalarByteShuffle.INSTANCE.shuffle(src, GUARD, want, GUARD - 3, length, e);
                            candidate.shuffle(src, GUARD, got, GUARD - 3, length, e);
                        } else {
                            ScalarByteShuffle.INSTANCE.unshuffle(src, GUARD, want, GUARD - 3, length, e);
                            candidate.unshuffle(src, GUARD, got, GUARD - 3, length, e);
                        }
                        if (!Arrays.equals(want, got)) {
                            return new SelfTest(
                                    SelfTest.Status.FAILED,
                                    (direction == 0 ? "shuffle" : "unshuffle") + " of " + length + " bytes of "
                                            + e + "-byte elements differs from the scalar reference at byte "
                                            + Arrays.mismatch(want, got));
                        }
                        cases++;
                    }
                }
            }
        } catch (RuntimeException | LinkageError ex) {
            return new SelfTest(SelfTest.Status.FAILED, "the kernel threw " + ex);
        }
        return new SelfTest(SelfTest.Status.PASSED, cases + " shuffles and unshuffles equal to the scalar reference");
    }
}
