package dev.arsenal.spi.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arsenal.crypto.Aead;
import dev.arsenal.crypto.AeadAlgorithm;
import dev.arsenal.report.SelfTest;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import javax.crypto.AEADBadTagException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The contract every {@link AeadProvider} meets; a provider's test extends this class and supplies
 * the provider. For every algorithm it lists:
 *
 * <ul>
 *   <li>every Wycheproof case of the algorithm: a valid one seals to its ciphertext and tag and
 *       opens, an invalid one is refused (a wrong tag: {@link AEADBadTagException}; a nonce of
 *       another length: {@link IllegalArgumentException} before anything is computed), an acceptable
 *       one either way; the cases are counted, so that a file read as empty fails;
 *   <li>every form (attached, detached, ranges at offsets) gives the same bytes, for lengths 0 to
 *       1,100 and random associated data;
 *   <li>any byte of the ciphertext or the tag flipped, the associated data or the nonce changed:
 *       refused, and the output range left as it was;
 *   <li>the {@code ByteBuffer} (heap, direct, read-only) and {@code MemorySegment} forms seal and
 *       open as the array form; no room, or a bad tag, leaves both sides as they were;
 *   <li>messages and associated data past 256 KiB (where native providers change how they pass
 *       memory) seal as the JDK's cipher does, open, and are refused when altered;
 *   <li>misuse refused with a message naming what was wrong;
 *   <li>the self-test passes.
 * </ul>
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class AbstractAeadProviderContractTest {
    /** The provider under test. */
    protected abstract AeadProvider provider();

    /** The algorithms the provider lists. */
    protected Stream<AeadAlgorithm> algorithms() {
        return provider().algorithms().stream()
                .filter(AeadAlgorithm.class::isInstance)
                .map(AeadAlgorithm.class::cast)
                .sorted();
    }

    private Aead aead(AeadAlgorithm algorithm, byte[] key) {
        algorithm.checkKey(key);
        return provider().aead(algorithm, key);
    }

    private static byte[] random(SplittableRandom r, int n) {
        byte[] b = new byte[n];
        r.nextBytes(b);
        return b;
    }

    @ParameterizedTest
    @MethodSource("algorithms")
    void everyWycheproofCase(AeadAlgorithm algorithm) {
        List<WycheproofAead.Case> cases = WycheproofAead.cases(WycheproofAead.fileOf(algorithm));
        int valid = 0;
        int refused = 0;
        for (WycheproofAead.Case c : cases) {
            Optional<AeadAlgorithm> of = c.algorithm(algorithm);
            if (of.isEmpty() || of.get() != algorithm) {
                continue; // another key size of the file (AES-GCM 192 is not offered)
            }
            Aead aead = aead(algorithm, c.key());
            if (c.nonceBits() != algorithm.nonceBytes() * 8) {
                IllegalArgumentException e = assertThrows(
                        IllegalArgumentException.class,
                        () -> aead.decrypt(c.nonce(), c.sealed(), c.associatedData()),
                        c::toString);
                assertTrue(e.getMessage().contains(algorithm.nonceBytes() + "-byte nonce"), e.getMessage());
                assertThrows(
                        IllegalArgumentException.class,
                        () -> aead.encrypt(c.nonce(), c.message(), c.associatedData()),
                        c::toString);
                refused++;
                continue;
            }
            switch (c.result()) {
                case VALID -> {
                    assertArrayEquals(
                            c.sealed(), aead.encrypt(c.nonce(), c.message(), c.associatedData()), c::toString);
                    assertArrayEquals(c.message(), open(aead, c), c::toString);
                    valid++;
                }
                case INVALID -> {
                    assertThrows(
                            AEADBadTagException.class,
                            () -> aead.decrypt(c.nonce(), c.sealed(), c.associatedData()),
                            c::toString);
                    refused++;
                }
                case ACCEPTABLE -> {
                    try {
                        assertArrayEquals(
                                c.message(), aead.decrypt(c.nonce(), c.sealed(), c.associatedData()), c::toString);
                    } catch (AEADBadTagException e) {
                        // refusing an acceptable case is correct too
                    }
                }
            }
        }
        // Each file has at least 39 valid and 66 refused cases per algorithm (AES-GCM: per key size).
        assertTrue(valid >= 39, algorithm + ": only " + valid + " valid Wycheproof cases ran");
        assertTrue(refused >= 66, algorithm + ": only " + refused + " invalid Wycheproof cases ran");
    }

    private static byte[] open(Aead aead, WycheproofAead.Case c) {
        try {
            return aead.decrypt(c.nonce(), c.sealed(), c.associatedData());
        } catch (AEADBadTagException e) {
            throw new AssertionError(c + ": refused: " + e.getMessage(), e);
        }
    }

    @ParameterizedTest
    @MethodSource("algorithms")
    void everyFormSealsTheSameBytesAndOpensThem(AeadAlgorithm algorithm) throws AEADBadTagException {
        SplittableRandom r = new SplittableRandom(algorithm.ordinal() * 31L + 7);
        Aead aead = aead(algorithm, random(r, algorithm.keyBytes()));
        int tag = algorithm.tagBytes();
        for (int n = 0; n <= 1100; n += n < 70 ? 1 : 37) {
            byte[] nonce = random(r, algorithm.nonceBytes());
            byte[] message = random(r, n);
            byte[] aad = random(r, r.nextInt(0, 40));
            byte[] sealed = aead.encrypt(nonce, message, aad);
            assertEquals(n + tag, sealed.length);
            // Sealing again under the same nonce gives the same bytes (a JCA cipher refuses to).
            assertArrayEquals(sealed, aead.encrypt(nonce, message, aad), "sealed twice, length " + n);

            byte[] in = new byte[n + 9];
            System.arraycopy(message, 0, in, 5, n);
            byte[] out = new byte[n + tag + 11];
            assertEquals(n + tag, aead.encrypt(nonce, in, 5, n, aad, out, 3));
            assertArrayEquals(sealed, Arrays.copyOfRange(out, 3, 3 + n + tag), "range form, length " + n);

            byte[] ciphertext = new byte[n];
            byte[] detachedTag = aead.encryptDetached(nonce, message, aad, ciphertext);
            assertArrayEquals(Arrays.copyOf(sealed, n), ciphertext);
            assertArrayEquals(Arrays.copyOfRange(sealed, n, n + tag), detachedTag);

            assertArrayEquals(message, aead.decrypt(nonce, sealed, aad));
            assertArrayEquals(message, aead.decryptDetached(nonce, ciphertext, detachedTag, aad));
            byte[] plain = new byte[n + 4];
            assertEquals(n, aead.decrypt(nonce, out, 3, n + tag, aad, plain, 2));
            assertArrayEquals(message, Arrays.copyOfRange(plain, 2, 2 + n));
        }
        byte[] nonce = random(r, algorithm.nonceBytes());
        assertArrayEquals(
                aead.encrypt(nonce, new byte[10], new byte[0]),
                aead.encrypt(nonce, new byte[10], null),
                "null is empty");
    }

    @ParameterizedTest
    @MethodSource("algorithms")
    void anythingAlteredIsRefusedAndTheOutputLeftAsItWas(AeadAlgorithm algorithm) {
        SplittableRandom r = new SplittableRandom(algorithm.ordinal() + 99L);
        byte[] key = random(r, algorithm.keyBytes());
        Aead aead = aead(algorithm, key);
        byte[] nonce = random(r, algorithm.nonceBytes());
        byte[] aad = random(r, 13);
        byte[] sealed = aead.encrypt(nonce, random(r, 45), aad);
        for (int i = 0; i < sealed.length; i++) {
            byte[] forged = sealed.clone();
            forged[i] ^= (byte) (1 << (i % 8));
            byte[] out = new byte[sealed.length];
            Arrays.fill(out, (byte) 0x5a);
            int at = i;
            AEADBadTagException e = assertThrows(
                    AEADBadTagException.class,
                    () -> aead.decrypt(nonce, forged, 0, forged.length, aad, out, 0),
                    () -> "byte " + at + " flipped");
            assertTrue(e.getMessage().contains(algorithm.id()), e.getMessage());
            for (byte b : out) {
                assertEquals((byte) 0x5a, b, "nothing of the plaintext is released");
            }
        }
        byte[] otherAad = aad.clone();
        otherAad[0] ^= 1;
        assertThrows(AEADBadTagException.class, () -> aead.decrypt(nonce, sealed, otherAad));
        assertThrows(AEADBadTagException.class, () -> aead.decrypt(nonce, sealed, null));
        byte[] otherNonce = nonce.clone();
        otherNonce[otherNonce.length - 1] ^= 1;
        assertThrows(AEADBadTagException.class, () -> aead.decrypt(otherNonce, sealed, aad));
        byte[] otherKey = key.clone();
        otherKey[0] ^= 1;
        assertThrows(AEADBadTagException.class, () -> aead(algorithm, otherKey).decrypt(nonce, sealed, aad));
        assertThrows(
                AEADBadTagException.class, () -> aead.decrypt(nonce, Arrays.copyOf(sealed, sealed.length - 1), aad));
    }

    @ParameterizedTest
    @MethodSource("algorithms")
    void misuseIsRefusedNamingWhatWasWrong(AeadAlgorithm algorithm) {
        Aead aead = aead(algorithm, new byte[algorithm.keyBytes()]);
        byte[] nonce = new byte[algorithm.nonceBytes()];
        IllegalArgumentException shortNonce = assertThrows(
                IllegalArgumentException.class,
                () -> aead.encrypt(new byte[algorithm.nonceBytes() - 1], new byte[1], null));
        assertEquals(
                algorithm.id() + " takes a " + algorithm.nonceBytes() + "-byte nonce, got "
                        + (algorithm.nonceBytes() - 1) + " bytes",
                shortNonce.getMessage());
        assertThrows(IllegalArgumentException.class, () -> aead.encrypt(null, new byte[1], null));
        IllegalArgumentException badKey =
                assertThrows(IllegalArgumentException.class, () -> algorithm.checkKey(new byte[0]));
        assertTrue(badKey.getMessage().contains(algorithm.keyBytes() + "-byte key, got 0 bytes"), badKey.getMessage());

        AEADBadTagException tooShort =
                assertThrows(AEADBadTagException.class, () -> aead.decrypt(nonce, new byte[15], null));
        assertTrue(tooShort.getMessage().contains("shorter than the 16-byte tag"), tooShort.getMessage());
        assertThrows(AEADBadTagException.class, () -> aead.decryptDetached(nonce, new byte[3], new byte[15], null));

        IndexOutOfBoundsException noRoom = assertThrows(
                IndexOutOfBoundsException.class, () -> aead.encrypt(nonce, new byte[10], 0, 10, null, new byte[25], 0));
        assertTrue(noRoom.getMessage().contains("26 bytes"), noRoom.getMessage());
        assertThrows(
                IndexOutOfBoundsException.class, () -> aead.encrypt(nonce, new byte[10], 5, 6, null, new byte[40], 0));
        byte[] shared = new byte[64];
        IllegalArgumentException overlap = assertThrows(
                IllegalArgumentException.class, () -> aead.encrypt(nonce, shared, 0, 20, null, shared, 10));
        assertTrue(overlap.getMessage().contains("overlap"), overlap.getMessage());
        assertEquals(20 + 16, aead.encrypt(nonce, shared, 0, 20, null, shared, 20), "apart in one array is fine");
        assertThrows(
                IllegalArgumentException.class,
                () -> aead.encryptDetached(nonce, new byte[10], null, new byte[9]),
                "the ciphertext array must be as long as the plaintext");
    }

    @ParameterizedTest
    @MethodSource("algorithms")
    void bufferAndSegmentFormsSealAndOpenAsTheArrayForm(AeadAlgorithm algorithm) throws AEADBadTagException {
        SplittableRandom r = new SplittableRandom(algorithm.ordinal() + 77L);
        Aead aead = aead(algorithm, random(r, algorithm.keyBytes()));
        int tag = algorithm.tagBytes();
        for (int n : new int[] {0, 1, 100, 5000}) {
            byte[] nonce = random(r, algorithm.nonceBytes());
            byte[] message = random(r, n);
            byte[] aad = random(r, 9);
            byte[] sealed = aead.encrypt(nonce, message, aad);
            String what = algorithm.id() + ", " + n + " bytes";
            for (ByteBuffer in : new ByteBuffer[] {
                ByteBuffer.wrap(message),
                ByteBuffer.allocateDirect(n).put(message).flip(),
                ByteBuffer.wrap(message).asReadOnlyBuffer()
            }) {
                for (ByteBuffer out :
                        new ByteBuffer[] {ByteBuffer.allocate(n + tag + 3), ByteBuffer.allocateDirect(n + tag + 3)}) {
                    out.position(2);
                    assertEquals(n + tag, aead.encrypt(nonce, in, aad, out), what);
                    assertEquals(in.limit(), in.position(), what + ": the input is consumed");
                    assertEquals(2 + n + tag, out.position(), what + ": the output advanced");
                    byte[] got = new byte[n + tag];
                    out.get(2, got);
                    assertArrayEquals(sealed, got, what + ", " + in + " into " + out);

                    ByteBuffer back = out.isDirect() ? ByteBuffer.allocateDirect(n + 1) : ByteBuffer.allocate(n + 1);
                    ByteBuffer sealedIn = out.duplicate().position(2).limit(2 + n + tag);
                    assertEquals(n, aead.decrypt(nonce, sealedIn, aad, back), what);
                    byte[] opened = new byte[n];
                    back.get(0, opened);
                    assertArrayEquals(message, opened, what + ", opened from a buffer");
                    in.rewind();
                }
            }
            ByteBuffer small = ByteBuffer.allocate(n + tag - 1);
            ByteBuffer in = ByteBuffer.wrap(message);
            assertThrows(IllegalArgumentException.class, () -> aead.encrypt(nonce, in, aad, small));
            assertEquals(0, in.position(), "nothing consumed when out has no room");
            byte[] forged = sealed.clone();
            forged[forged.length - 1] ^= 1;
            ByteBuffer forgedIn =
                    ByteBuffer.allocateDirect(forged.length).put(forged).flip();
            ByteBuffer untouched = ByteBuffer.allocateDirect(n + 4);
            assertThrows(AEADBadTagException.class, () -> aead.decrypt(nonce, forgedIn, aad, untouched));
            assertEquals(0, forgedIn.position(), "nothing consumed when the tag does not match");
            assertEquals(0, untouched.position());
            for (int i = 0; i < untouched.capacity(); i++) {
                assertEquals(0, untouched.get(i), what + ": written although the tag did not match");
            }

            try (Arena arena = Arena.ofConfined()) {
                MemorySegment inSeg = arena.allocate(Math.max(1, n)).asSlice(0, n);
                MemorySegment.copy(message, 0, inSeg, ValueLayout.JAVA_BYTE, 0, n);
                MemorySegment outSeg = arena.allocate(n + tag + 5);
                assertEquals(n + tag, aead.encrypt(nonce, inSeg, aad, outSeg), what);
                assertArrayEquals(
                        sealed, outSeg.asSlice(0, n + tag).toArray(ValueLayout.JAVA_BYTE), what + ", segments");
                MemorySegment heapOut = MemorySegment.ofArray(new byte[n]);
                assertEquals(n, aead.decrypt(nonce, outSeg.asSlice(0, n + tag), aad, heapOut), what);
                assertArrayEquals(message, heapOut.toArray(ValueLayout.JAVA_BYTE), what + ", opened from a segment");
                assertThrows(
                        IllegalArgumentException.class,
                        () -> aead.encrypt(nonce, inSeg, aad, outSeg.asSlice(0, n + tag - 1)));
                MemorySegment forgedSeg = MemorySegment.ofArray(forged);
                MemorySegment keep = arena.allocate(n + 1);
                assertThrows(AEADBadTagException.class, () -> aead.decrypt(nonce, forgedSeg, aad, keep));
                for (long i = 0; i < keep.byteSize(); i++) {
                    assertEquals(0, keep.get(ValueLayout.JAVA_BYTE, i), what + ": segment written on a bad tag");
                }
            }
        }
    }

    @ParameterizedTest
    @MethodSource("algorithms")
    void largeMessagesSealAsTheJdkDoes(AeadAlgorithm algorithm) throws Exception {
        SplittableRandom r = new SplittableRandom(algorithm.ordinal() + 1234L);
        byte[] key = random(r, algorithm.keyBytes());
        Aead aead = aead(algorithm, key);
        int k = 256 * 1024;
        int[][] sizes = {{k - 1, 0}, {k, 0}, {k + 1, 3}, {(1 << 20) + 3, 17}, {5, k + 7}, {k, k}};
        for (int[] size : sizes) {
            byte[] nonce = random(r, algorithm.nonceBytes());
            byte[] message = random(r, size[0]);
            byte[] aad = random(r, size[1]);
            byte[] sealed = aead.encrypt(nonce, message, aad);
            String what = algorithm.id() + ", " + size[0] + "-byte message, " + size[1] + "-byte associated data";
            assertArrayEquals(jdkSeal(algorithm, key, nonce, message, aad), sealed, what);
            assertArrayEquals(message, aead.decrypt(nonce, sealed, aad), what);
            sealed[size[0] / 2] ^= 1;
            byte[] out = new byte[size[0]];
            Arrays.fill(out, (byte) 0x5a);
            assertThrows(
                    AEADBadTagException.class,
                    () -> aead.decrypt(nonce, sealed, 0, sealed.length, aad, out, 0),
                    what + ", altered");
            for (byte b : out) {
                assertEquals((byte) 0x5a, b, what + ": the output was written although the tag did not match");
            }
        }
    }

    /** The reference: the JDK's own cipher (with {@link HChaCha20} for XChaCha20-Poly1305). */
    private static byte[] jdkSeal(AeadAlgorithm algorithm, byte[] key, byte[] nonce, byte[] message, byte[] aad)
            throws Exception {
        javax.crypto.Cipher c;
        if (algorithm == AeadAlgorithm.AES_128_GCM || algorithm == AeadAlgorithm.AES_256_GCM) {
            c = javax.crypto.Cipher.getInstance("AES/GCM/NoPadding");
            c.init(
                    javax.crypto.Cipher.ENCRYPT_MODE,
                    new javax.crypto.spec.SecretKeySpec(key, "AES"),
                    new javax.crypto.spec.GCMParameterSpec(128, nonce));
        } else {
            boolean x = algorithm == AeadAlgorithm.XCHACHA20_POLY1305;
            c = javax.crypto.Cipher.getInstance("ChaCha20-Poly1305");
            c.init(
                    javax.crypto.Cipher.ENCRYPT_MODE,
                    new javax.crypto.spec.SecretKeySpec(x ? HChaCha20.subkey(key, nonce) : key, "ChaCha20"),
                    new javax.crypto.spec.IvParameterSpec(x ? HChaCha20.chachaNonce(nonce) : nonce));
        }
        c.updateAAD(aad);
        return c.doFinal(message);
    }

    @ParameterizedTest
    @MethodSource("algorithms")
    void theSelfTestPasses(AeadAlgorithm algorithm) {
        SelfTest test = provider().selfTest(algorithm);
        assertTrue(test.passed(), test::detail);
    }

    @Test
    void anAeadIsThreadSafe() throws Exception {
        AeadAlgorithm algorithm = algorithms().findFirst().orElseThrow();
        Aead aead = aead(algorithm, new byte[algorithm.keyBytes()]);
        byte[] nonce = new byte[algorithm.nonceBytes()];
        byte[] expected = aead.encrypt(nonce, new byte[300], null);
        try (var pool = java.util.concurrent.Executors.newFixedThreadPool(4)) {
            List<java.util.concurrent.Future<Boolean>> results = new java.util.ArrayList<>();
            for (int t = 0; t < 4; t++) {
                results.add(pool.submit(() -> {
                    for (int i = 0; i < 200; i++) {
                        if (!Arrays.equals(expected, aead.encrypt(nonce, new byte[300], null))
                                || aead.decrypt(nonce, expected, null).length != 300) {
                            return false;
                        }
                    }
                    return true;
                }));
            }
            for (var f : results) {
                assertTrue(f.get());
            }
        }
    }
}
