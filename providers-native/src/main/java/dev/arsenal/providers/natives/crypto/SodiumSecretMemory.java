package dev.arsenal.providers.natives.crypto;

import dev.arsenal.crypto.SecretBuffer;
import dev.arsenal.providers.natives.ffm.NativeLibrary;
import dev.arsenal.spi.crypto.SecretBuffers;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.EnumSet;
import java.util.Set;

/**
 * Secret buffers from libsodium's guarded heap: {@code sodium_malloc} puts each between guard pages
 * (touching past either end faults) after a canary that {@code sodium_free} checks, asks the system
 * to leave it out of core dumps and tries to lock it; {@code sodium_free} zeroes, unlocks and frees.
 * libsodium does not say whether the lock held, so {@code sodium_mlock} is asked again (locking a
 * locked range succeeds): {@link SecretBuffer.Protection#LOCKED} only where it answers 0. Each buffer
 * costs at least three pages of address space and one of memory.
 */
final class SodiumSecretMemory {
    private SodiumSecretMemory() {}

    static SecretBuffer allocate(long byteSize) {
        SodiumBindings.MemoryHandles h = SodiumBindings.memoryHandles();
        try {
            MemorySegment address = (MemorySegment) h.malloc().invokeExact(byteSize);
            if (address.equals(MemorySegment.NULL)) {
                throw new OutOfMemoryError("sodium_malloc of " + byteSize + " bytes failed");
            }
            Set<SecretBuffer.Protection> protections =
                    EnumSet.of(SecretBuffer.Protection.GUARD_PAGES, SecretBuffer.Protection.EXCLUDED_FROM_CORE_DUMPS);
            if ((int) h.mlock().invokeExact(address, byteSize) == 0) {
                protections.add(SecretBuffer.Protection.LOCKED);
            }
            Arena arena = Arena.ofShared();
            MemorySegment segment = address.reinterpret(byteSize, arena, s -> free(h, address));
            return SecretBuffers.of(arena, segment, protections);
        } catch (Throwable t) {
            throw NativeLibrary.rethrow(t);
        }
    }

    private static void free(SodiumBindings.MemoryHandles h, MemorySegment address) {
        try {
            h.free().invokeExact(address);
        } catch (Throwable t) {
            throw NativeLibrary.rethrow(t);
        }
    }
}
