package dev.arsenal.providers.natives.crypto;

import dev.arsenal.crypto.SecretBuffer;
import dev.arsenal.providers.natives.ffm.NativeBinder;
import dev.arsenal.providers.natives.ffm.NativeBinding;
import dev.arsenal.providers.natives.ffm.NativeLibrary;
import dev.arsenal.providers.natives.ffm.Symbol;
import dev.arsenal.spi.crypto.SecretBuffers;
import java.lang.foreign.Arena;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.util.EnumSet;
import java.util.Set;

/**
 * Secret buffers from the C library through FFM: pages of their own ({@code mmap}, anonymous and
 * private), locked in RAM ({@code mlock}) and left out of core dumps ({@code madvise(MADV_DONTDUMP)});
 * on close zeroed, unlocked and unmapped. Locking is limited by RLIMIT_MEMLOCK ({@code ulimit -l},
 * often 8 MiB for a user); past it {@code mlock} fails, and the buffer is given unlocked, without
 * {@link SecretBuffer.Protection#LOCKED}: a limit is reported ({@link #lockLimit()}, the provider's
 * description), never fatal. Linux constants (x86-64 and aarch64 share them).
 */
final class LockedMemory {
    private static final int PROT_READ_WRITE = 0x1 | 0x2;
    private static final int MAP_PRIVATE_ANONYMOUS = 0x02 | 0x20;
    private static final int MADV_DONTDUMP = 16;
    private static final int RLIMIT_MEMLOCK = 8;
    private static final long PAGE = 4096;

    /** The C library's functions. */
    record Handles(
            @Symbol("void* mmap(void* addr, size_t length, int prot, int flags, int fd, long offset)")
            MethodHandle mmap,

            @Symbol("int munmap(void* addr, size_t length)") MethodHandle munmap,

            @Symbol("int mlock(const void* addr, size_t len)")
            MethodHandle mlock,

            @Symbol("int munlock(const void* addr, size_t len)")
            MethodHandle munlock,

            @Symbol("int madvise(void* addr, size_t length, int advice)")
            MethodHandle madvise,

            @Symbol("int getrlimit(int resource, void* rlim)")
            MethodHandle getrlimit) {}

    /** Bound on first use. */
    private static final class Holder {
        static final NativeBinding<Handles> BINDING = new NativeBinder(
                        "the C library", NativeBinder.Version.none("POSIX"))
                .bind(
                        new NativeLibrary.Loaded(
                                Linker.nativeLinker().defaultLookup(), Arena.global(), "the C library"),
                        Handles.class);
    }

    private LockedMemory() {}

    /** The binding, made on first use. */
    static NativeBinding<Handles> binding() {
        return Holder.BINDING;
    }

    /** A new buffer of {@code byteSize} bytes on pages of its own. */
    static SecretBuffer allocate(long byteSize) {
        Handles h = Holder.BINDING.require("the C library");
        long length = (byteSize + PAGE - 1) / PAGE * PAGE;
        try {
            MemorySegment address = (MemorySegment)
                    h.mmap().invokeExact(MemorySegment.NULL, length, PROT_READ_WRITE, MAP_PRIVATE_ANONYMOUS, -1, 0L);
            if (address.address() == -1L) {
                throw new OutOfMemoryError("mmap of " + length + " bytes for a secret buffer failed");
            }
            Set<SecretBuffer.Protection> protections = EnumSet.noneOf(SecretBuffer.Protection.class);
            boolean locked = (int) h.mlock().invokeExact(address, length) == 0;
            if (locked) {
                protections.add(SecretBuffer.Protection.LOCKED);
            }
            if ((int) h.madvise().invokeExact(address, length, MADV_DONTDUMP) == 0) {
                protections.add(SecretBuffer.Protection.EXCLUDED_FROM_CORE_DUMPS);
            }
            Arena arena = Arena.ofShared();
            MemorySegment segment = address.reinterpret(byteSize, arena, s -> release(h, address, length, locked));
            return SecretBuffers.of(arena, segment, protections);
        } catch (Throwable t) {
            throw NativeLibrary.rethrow(t);
        }
    }

    /** Unlocks and unmaps, the memory being zeroed already. */
    private static void release(Handles h, MemorySegment address, long length, boolean locked) {
        try {
            if (locked) {
                int ignored = (int) h.munlock().invokeExact(address, length);
            }
            int ignored = (int) h.munmap().invokeExact(address, length);
        } catch (Throwable t) {
            throw NativeLibrary.rethrow(t);
        }
    }

    /** The soft RLIMIT_MEMLOCK in bytes, {@link Long#MAX_VALUE} for none, -1 if unknown. */
    static long lockLimit() {
        Handles h = Holder.BINDING.handles();
        if (h == null) {
            return -1;
        }
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment limits = arena.allocate(ValueLayout.JAVA_LONG, 2);
            if ((int) h.getrlimit().invokeExact(RLIMIT_MEMLOCK, limits) != 0) {
                return -1;
            }
            long soft = limits.get(ValueLayout.JAVA_LONG, 0);
            return soft == -1L ? Long.MAX_VALUE : soft; // RLIM_INFINITY
        } catch (Throwable t) {
            throw NativeLibrary.rethrow(t);
        }
    }
}
