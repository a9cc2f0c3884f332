package dev.arsenal.providers.simd.compression;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.arsenal.engine.platform.PlatformDetector;
import dev.arsenal.platform.JvmInfo;
import dev.arsenal.spi.compression.ByteShuffle;
import dev.arsenal.spi.compression.ScalarByteShuffle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The vector kernel against {@link ScalarByteShuffle}, byte for byte, in both shapes (the 256-bit
 * one is what {@code -Darsenal.simd.maxBits=256} forces): element sizes 1 to 40, every length 0 to
 * 600 and lengths around 64 KiB (the block of the shuffle frames), at odd offsets, with canary bytes
 * around the output range; and the inverse property.
 */
class VectorByteShuffleTest {
    private static final int GUARD = 13;
    private static final byte CANARY = (byte) 0x5A;
    private static final int SRC_OFFSET = 7;
    private static final int DST_OFFSET = GUARD; // odd

    private static ByteShuffle kernel(int bits) throws ReflectiveOperationException {
        JvmInfo jvm = PlatformDetector.detect().jvm();
        assumeTrue(
                jvm.hotspot() && jvm.c2() && jvm.vectorApi() && jvm.preferredVectorBits() >= bits,
                () -> "needs a Vector API of " + bits + " bits with C2: " + jvm);
        VectorByteShuffle k = VectorByteShuffle.create(bits);
        assertEquals(bits, k.bits(), k.toString());
        return k;
    }

    private static List<Integer> lengthsAround64KiB(int vectorBytes) {
        List<Integer> lengths = new ArrayList<>();
        for (int delta : new int[] {-vectorBytes - 1, -vectorBytes, -7, -1, 0, 1, 7, vectorBytes, vectorBytes + 1}) {
            lengths.add(65_536 + delta);
        }
        return lengths;
    }

    @ParameterizedTest(name = "{0} bits")
    @ValueSource(ints = {512, 256})
    void equalsTheScalarReferenceForEveryLengthUpTo600(int bits) throws ReflectiveOperationException {
        ByteShuffle k = kernel(bits);
        SplittableRandom random = new SplittableRandom(bits);
        int cases = 0;
        for (int e = 1; e <= 40; e++) {
            for (int length = 0; length <= 600; length++) {
                cases += check(k, random, length, e);
            }
        }
        assertEquals(40 * 601 * 2, cases);
    }

    @ParameterizedTest(name = "{0} bits")
    @ValueSource(ints = {512, 256})
    void equalsTheScalarReferenceAround64KiB(int bits) throws ReflectiveOperationException {
        ByteShuffle k = kernel(bits);
        SplittableRandom random = new SplittableRandom(~bits);
        for (int e = 1; e <= 40; e++) {
            for (int length : lengthsAround64KiB(bits / 8)) {
                check(k, random, length, e);
            }
        }
    }

    @ParameterizedTest(name = "{0} bits")
    @ValueSource(ints = {512, 256})
    void unshuffleInvertsShuffle(int bits) throws ReflectiveOperationException {
        ByteShuffle k = kernel(bits);
        SplittableRandom random = new SplittableRandom(3);
        for (int e : new int[] {1, 2, 3, 4, 5, 8, 12, 16, 17, 32}) {
            for (int length : new int[] {0, 1, 63, 64, 65, 1000, 4096, 65_536, 65_543, 1 << 20}) {
                byte[] plain = new byte[length];
                random.nextBytes(plain);
                byte[] shuffled = new byte[length];
                byte[] back = new byte[length];
                k.shuffle(plain, 0, shuffled, 0, length, e);
                k.unshuffle(shuffled, 0, back, 0, length, e);
                assertArrayEquals(plain, back, () -> length + " bytes of " + e + "-byte elements");
            }
        }
    }

    @ParameterizedTest(name = "{0} bits")
    @ValueSource(ints = {512, 256})
    void checksItsArguments(int bits) throws ReflectiveOperationException {
        ByteShuffle k = kernel(bits);
        byte[] b = new byte[100];
        assertThrows(IndexOutOfBoundsException.class, () -> k.shuffle(b, 1, new byte[100], 0, 100, 8));
        assertThrows(IndexOutOfBoundsException.class, () -> k.unshuffle(b, 0, new byte[99], 0, 100, 8));
        assertThrows(IndexOutOfBoundsException.class, () -> k.shuffle(b, -1, new byte[100], 0, 10, 8));
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> k.shuffle(b, 0, new byte[100], 0, 100, 0));
        assertEquals("the element size must be at least 1, not 0", e.getMessage());
    }

    /** Both directions of {@code length} random bytes at odd offsets; returns the cases checked. */
    private static int check(ByteShuffle k, SplittableRandom random, int length, int e) {
        byte[] src = new byte[SRC_OFFSET + length + GUARD];
        random.nextBytes(src);
        for (int direction = 0; direction < 2; direction++) {
            byte[] want = new byte[DST_OFFSET + length + GUARD];
            byte[] got = new byte[want.length];
            Arrays.fill(want, CANARY);
            Arrays.fill(got, CANARY);
            byte[] srcCopy = src.clone();
            if (direction == 0) {
                ScalarByteShuffle.INSTANCE.shuffle(src, SRC_OFFSET, want, DST_OFFSET, length, e);
                k.shuffle(src, SRC_OFFSET, got, DST_OFFSET, length, e);
            } else {
                ScalarByteShuffle.INSTANCE.unshuffle(src, SRC_OFFSET, want, DST_OFFSET, length, e);
                k.unshuffle(src, SRC_OFFSET, got, DST_OFFSET, length, e);
            }
            if (!Arrays.equals(want, got)) {
                int at = Arrays.mismatch(want, got);
                throw new AssertionError((direction == 0 ? "shuffle" : "unshuffle") + " of " + length + " bytes of "
                        + e + "-byte elements differs from the scalar reference at byte " + (at - DST_OFFSET)
                        + " of the output" + (at < DST_OFFSET || at >= DST_OFFSET + length ? " (a canary)" : ""));
            }
            for (int i = 0; i < GUARD; i++) {
                assertEquals(CANARY, got[i]);
                assertEquals(CANARY, got[DST_OFFSET + length + i]);
            }
            assertArrayEquals(srcCopy, src, "the source was written to");
        }
        return 2;
    }
}
