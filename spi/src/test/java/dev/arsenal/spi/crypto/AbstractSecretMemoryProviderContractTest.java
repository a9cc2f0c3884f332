package dev.arsenal.spi.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arsenal.crypto.SecretBuffer;
import dev.arsenal.crypto.SecretMemoryAlgorithm;
import dev.arsenal.report.SelfTest;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link SecretMemoryProvider} meets; a provider's test extends this class and
 * supplies the provider and the protections it promises here.
 *
 * <ul>
 *   <li>buffers of 1 byte to 1 MiB come zeroed, hold what is written to their last byte, and refuse
 *       access past it;
 *   <li>closed, a buffer is out of reach: its segment throws, for this thread and for one reading
 *       it while it is closed (never a read of freed memory); closing twice is nothing;
 *   <li>many buffers at once, from several threads, never share memory;
 *   <li>{@link SecretBuffer#equal} compares contents, of any length.
 * </ul>
 */
public abstract class AbstractSecretMemoryProviderContractTest {
    /** The provider under test. */
    protected abstract SecretMemoryProvider provider();

    /** The protections its buffers have here (at least these). */
    protected abstract Set<SecretBuffer.Protection> expectedProtections();

    @Test
    void selfTestPasses() {
        SelfTest t = provider().selfTest(SecretMemoryAlgorithm.SECRET_MEMORY);
        assertEquals(SelfTest.Status.PASSED, t.status(), t.detail());
    }

    @Test
    void buffersComeZeroedAndHoldWhatIsWritten() {
        for (long size : new long[] {1, 7, 64, 4095, 4096, 4097, 1 << 20}) {
            try (SecretBuffer b = provider().allocate(size)) {
                MemorySegment s = b.segment();
                assertEquals(size, s.byteSize());
                assertEquals(size, b.byteSize());
                assertTrue(
                        b.protections().containsAll(expectedProtections()),
                        b.protections().toString());
                assertEquals(-1L, s.mismatch(MemorySegment.ofArray(new byte[(int) size])), "zeroed, " + size);
                s.fill((byte) 0x7e);
                s.set(ValueLayout.JAVA_BYTE, size - 1, (byte) 1);
                assertEquals(1, s.get(ValueLayout.JAVA_BYTE, size - 1));
                assertThrows(IndexOutOfBoundsException.class, () -> s.get(ValueLayout.JAVA_BYTE, size));
            }
        }
    }

    @Test
    void closedBuffersAreOutOfReach() throws Exception {
        SecretBuffer b = provider().allocate(100);
        MemorySegment s = b.segment();
        assertTrue(b.isOpen());
        b.close();
        b.close();
        assertFalse(b.isOpen());
        assertThrows(IllegalStateException.class, b::segment);
        assertThrows(IllegalStateException.class, () -> s.get(ValueLayout.JAVA_BYTE, 0));

        SecretBuffer shared = provider().allocate(4096);
        MemorySegment seen = shared.segment();
        AtomicReference<Throwable> reader = new AtomicReference<>();
        CountDownLatch reading = new CountDownLatch(1);
        Thread t = Thread.ofPlatform().start(() -> {
            try {
                for (long i = 0; ; i++) {
                    seen.get(ValueLayout.JAVA_LONG, (i % 512) * 8);
                    if (i == 1000) {
                        reading.countDown();
                    }
                }
            } catch (Throwable e) {
                reader.set(e);
            }
        });
        reading.await();
        shared.close();
        t.join();
        assertTrue(reader.get() instanceof IllegalStateException, String.valueOf(reader.get()));
    }

    @Test
    void buffersNeverShareMemory() throws Exception {
        List<Thread> threads = new ArrayList<>();
        AtomicReference<AssertionError> failure = new AtomicReference<>();
        for (int t = 0; t < 4; t++) {
            byte mark = (byte) (t + 1);
            threads.add(Thread.ofPlatform().start(() -> {
                List<SecretBuffer> held = new ArrayList<>();
                for (int i = 0; i < 200; i++) {
                    SecretBuffer b = provider().allocate(1 + (i * 37) % 300);
                    b.segment().fill(mark);
                    held.add(b);
                    if (held.size() > 20) {
                        SecretBuffer old = held.removeFirst();
                        for (long j = 0; j < old.byteSize(); j++) {
                            if (old.segment().get(ValueLayout.JAVA_BYTE, j) != mark) {
                                failure.set(new AssertionError("a buffer's byte " + j + " was changed"));
                            }
                        }
                        old.close();
                    }
                }
                held.forEach(SecretBuffer::close);
            }));
        }
        for (Thread t : threads) {
            t.join();
        }
        if (failure.get() != null) {
            throw failure.get();
        }
    }

    @Test
    void equalComparesContents() {
        try (SecretBuffer a = provider().allocate(33);
                SecretBuffer b = provider().allocate(33);
                SecretBuffer c = provider().allocate(32)) {
            assertTrue(a.contentEquals(b));
            assertFalse(a.contentEquals(c));
            b.segment().set(ValueLayout.JAVA_BYTE, 32, (byte) 1);
            assertFalse(a.contentEquals(b));
            b.segment().set(ValueLayout.JAVA_BYTE, 32, (byte) 0);
            b.segment().set(ValueLayout.JAVA_BYTE, 0, (byte) 1);
            assertFalse(a.contentEquals(b));
        }
    }
}
