package dev.arsenal.providers.natives.crypto;

import dev.arsenal.crypto.AeadAlgorithm;
import dev.arsenal.providers.natives.ffm.NativeChunks;
import dev.arsenal.providers.natives.ffm.NativeLibrary;
import dev.arsenal.spi.crypto.AbstractAead;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.util.Arrays;
import javax.crypto.AEADBadTagException;

/**
 * One of libsodium's IETF AEADs under one key: each call is one libsodium call (they are stateless,
 * so one object serves any number of threads). A message and its associated data of at most {@link
 * NativeChunks#CRITICAL_INPUT} bytes together are passed in place, larger ones copied to native
 * memory first (see {@link SodiumBindings}).
 *
 * <p>libsodium zeroes its output when a tag does not match; the caller's array must keep what it
 * held then, so a message is opened into an array of its own and copied once the tag matched.
 */
final class SodiumAead extends AbstractAead {
    private static final int TAG = AeadAlgorithm.TAG_BYTES;

    private final byte[] key;

    SodiumAead(AeadAlgorithm algorithm, byte[] key) {
        super(algorithm);
        this.key = key.clone();
    }

    @Override
    protected int seal(
            byte[] nonce, byte[] in, int offset, int length, byte[] associatedData, byte[] out, int outOffset) {
        int status;
        try {
            if (inPlace(length, associatedData)) {
                status = (int) sealer(true)
                        .invokeExact(
                                MemorySegment.ofArray(out).asSlice(outOffset),
                                MemorySegment.NULL,
                                MemorySegment.ofArray(in).asSlice(offset),
                                (long) length,
                                MemorySegment.ofArray(associatedData),
                                (long) associatedData.length,
                                MemorySegment.NULL,
                                MemorySegment.ofArray(nonce),
                                MemorySegment.ofArray(key));
            } else {
                try (Arena arena = Arena.ofConfined()) {
                    MemorySegment sealed = arena.allocate(length + (long) TAG);
                    MemorySegment plaintext = NativeChunks.copy(arena, in, offset, length);
                    MemorySegment k = NativeChunks.copy(arena, key, 0, key.length);
                    try {
                        status = (int) sealer(false)
                                .invokeExact(
                                        sealed,
                                        MemorySegment.NULL,
                                        plaintext,
                                        (long) length,
                                        NativeChunks.copy(arena, associatedData, 0, associatedData.length),
                                        (long) associatedData.length,
                                        MemorySegment.NULL,
                                        NativeChunks.copy(arena, nonce, 0, nonce.length),
                                        k);
                    } finally {
                        plaintext.fill((byte) 0); // the arena's memory goes back to malloc as it is
                        k.fill((byte) 0);
                    }
                    MemorySegment.copy(sealed, ValueLayout.JAVA_BYTE, 0, out, outOffset, length + TAG);
                }
            }
        } catch (Throwable t) {
            throw NativeLibrary.rethrow(t);
        }
        if (status != 0) {
            throw new IllegalStateException(algorithm().id() + ": libsodium refused to seal (" + status + ")");
        }
        return length + TAG;
    }

    @Override
    protected int open(
            byte[] nonce, byte[] in, int offset, int length, byte[] associatedData, byte[] out, int outOffset)
            throws AEADBadTagException {
        byte[] plaintext = new byte[length - TAG];
        int status;
        try {
            if (inPlace(length, associatedData)) {
                status = (int) opener(true)
                        .invokeExact(
                                MemorySegment.ofArray(plaintext),
                                MemorySegment.NULL,
                                MemorySegment.NULL,
                                MemorySegment.ofArray(in).asSlice(offset),
                                (long) length,
                                MemorySegment.ofArray(associatedData),
                                (long) associatedData.length,
                                MemorySegment.ofArray(nonce),
                                MemorySegment.ofArray(key));
            } else {
                try (Arena arena = Arena.ofConfined()) {
                    MemorySegment opened = arena.allocate(Math.max(1, plaintext.length));
                    MemorySegment k = NativeChunks.copy(arena, key, 0, key.length);
                    try {
                        status = (int) opener(false)
                                .invokeExact(
                                        opened,
                                        MemorySegment.NULL,
                                        MemorySegment.NULL,
                                        NativeChunks.copy(arena, in, offset, length),
                                        (long) length,
                                        NativeChunks.copy(arena, associatedData, 0, associatedData.length),
                                        (long) associatedData.length,
                                        NativeChunks.copy(arena, nonce, 0, nonce.length),
                                        k);
                        if (status == 0) {
                            MemorySegment.copy(opened, ValueLayout.JAVA_BYTE, 0, plaintext, 0, plaintext.length);
                        }
                    } finally {
                        opened.fill((byte) 0);
                        k.fill((byte) 0);
                    }
                }
            }
        } catch (Throwable t) {
            throw NativeLibrary.rethrow(t);
        }
        if (status != 0) {
            throw tagMismatch();
        }
        System.arraycopy(plaintext, 0, out, outOffset, plaintext.length);
        Arrays.fill(plaintext, (byte) 0);
        return plaintext.length;
    }

    private static boolean inPlace(int length, byte[] associatedData) {
        return (long) length + associatedData.length <= NativeChunks.CRITICAL_INPUT;
    }

    /** The sealing function: on Java arrays in place, or ({@code heap} false) on native memory. */
    private MethodHandle sealer(boolean heap) {
        if (heap) {
            SodiumBindings.AeadHandles h = SodiumBindings.aeadHandles();
            return switch (algorithm()) {
                case CHACHA20_POLY1305 -> h.chachaSealHeap();
                case XCHACHA20_POLY1305 -> h.xchachaSealHeap();
                case AES_256_GCM -> h.aesGcmSealHeap();
                case AES_128_GCM -> throw new UnsupportedOperationException("libsodium has no AES-128-GCM");
            };
        }
        SodiumBindings.LargeAeadHandles h = SodiumBindings.largeAeadHandles();
        return switch (algorithm()) {
            case CHACHA20_POLY1305 -> h.chachaSeal();
            case XCHACHA20_POLY1305 -> h.xchachaSeal();
            case AES_256_GCM -> h.aesGcmSeal();
            case AES_128_GCM -> throw new UnsupportedOperationException("libsodium has no AES-128-GCM");
        };
    }

    /** The opening function: on Java arrays in place, or ({@code heap} false) on native memory. */
    private MethodHandle opener(boolean heap) {
        if (heap) {
            SodiumBindings.AeadHandles h = SodiumBindings.aeadHandles();
            return switch (algorithm()) {
                case CHACHA20_POLY1305 -> h.chachaOpenHeap();
                case XCHACHA20_POLY1305 -> h.xchachaOpenHeap();
                case AES_256_GCM -> h.aesGcmOpenHeap();
                case AES_128_GCM -> throw new UnsupportedOperationException("libsodium has no AES-128-GCM");
            };
        }
        SodiumBindings.LargeAeadHandles h = SodiumBindings.largeAeadHandles();
        return switch (algorithm()) {
            case CHACHA20_POLY1305 -> h.chachaOpen();
            case XCHACHA20_POLY1305 -> h.xchachaOpen();
            case AES_256_GCM -> h.aesGcmOpen();
            case AES_128_GCM -> throw new UnsupportedOperationException("libsodium has no AES-128-GCM");
        };
    }
}
