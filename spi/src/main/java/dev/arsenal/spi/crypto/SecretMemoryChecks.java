package dev.arsenal.spi.crypto;

import dev.arsenal.crypto.SecretBuffer;
import dev.arsenal.report.SelfTest;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * The self-test of a {@link SecretMemoryProvider}: a buffer of a page and three bytes comes zeroed,
 * holds what is written, compares equal to a copy and unequal to a changed one, and once closed is
 * out of reach.
 */
public final class SecretMemoryChecks {
    private SecretMemoryChecks() {}

    /** Checks {@code provider}. Never throws. */
    public static SelfTest check(SecretMemoryProvider provider) {
        try {
            int size = 4096 + 3;
            SecretBuffer a = provider.allocate(size);
            SecretBuffer b = provider.allocate(size);
            MemorySegment s = a.segment();
            if (s.byteSize() != size || a.byteSize() != size) {
                return failed("a buffer of " + size + " bytes has " + s.byteSize());
            }
            for (long i = 0; i < size; i++) {
                if (s.get(ValueLayout.JAVA_BYTE, i) != 0) {
                    return failed("byte " + i + " of a new buffer is not zero");
                }
                s.set(ValueLayout.JAVA_BYTE, i, (byte) (i * 31 + 7));
            }
            b.segment().copyFrom(s);
            boolean same = a.contentEquals(b);
            b.segment().set(ValueLayout.JAVA_BYTE, size - 1, (byte) 0x5a);
            boolean different = !a.contentEquals(b);
            a.close();
            b.close();
            if (!same || !different) {
                return failed("contentEquals answered wrong");
            }
            try {
                s.get(ValueLayout.JAVA_BYTE, 0);
                return failed("a closed buffer's memory is still readable");
            } catch (IllegalStateException expected) {
                // closed: out of reach
            }
            return new SelfTest(
                    SelfTest.Status.PASSED,
                    "zeroed when made, written, compared, closed out of reach"
                            + (a.protections().isEmpty() ? "" : "; " + a.protections()));
        } catch (RuntimeException | OutOfMemoryError | LinkageError e) {
            return failed("threw " + e);
        }
    }

    private static SelfTest failed(String message) {
        return new SelfTest(SelfTest.Status.FAILED, message);
    }
}
