package dev.arsenal.providers.natives.crypto;

import dev.arsenal.crypto.DigestStream;
import dev.arsenal.crypto.MacAlgorithm;
import dev.arsenal.providers.natives.ffm.NativeChunks;
import dev.arsenal.providers.natives.ffm.NativeLibrary;
import dev.arsenal.spi.crypto.AbstractDigestStream;
import dev.arsenal.spi.crypto.AbstractMac;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.ref.Reference;

/**
 * OpenSSL's HMAC ({@code EVP_MAC "HMAC"}) under one key. The key is set once, in a context of this
 * MAC's own (its prototype, freed by a Cleaner); every tag and every stream works on a copy of it
 * ({@code EVP_MAC_CTX_dup}), so no context ever sees two keys. Data is fed in critical calls of at
 * most {@link NativeChunks#CRITICAL_INPUT} bytes.
 *
 * <pre>
 * OSSL_PARAM (libcrypto 3, 64-bit): 40 bytes
 *   0  const char* key          "digest"
 *   8  unsigned int data_type   OSSL_PARAM_UTF8_STRING = 4 (then 4 bytes of padding)
 *  16  void* data               "SHA256" / "SHA512"
 *  24  size_t data_size         its length, without the NUL
 *  32  size_t return_size       OSSL_PARAM_UNMODIFIED = (size_t) -1
 * followed by one of zeros, the end of the array.
 * </pre>
 */
final class OpenSslMac extends AbstractMac {
    private static final int UTF8_STRING = 4;
    private static final long PARAM_BYTES = 40;

    private final MemorySegment prototype;

    /** OpenSSL's HMAC, fetched once on first use and kept for the process (a fetch is a reference). */
    private static final class Hmac {
        static final MemorySegment MAC = fetch();

        private static MemorySegment fetch() {
            try (Arena arena = Arena.ofConfined()) {
                MemorySegment mac = (MemorySegment) OpenSslBindings.macHandles()
                        .fetch()
                        .invokeExact(MemorySegment.NULL, arena.allocateFrom("HMAC"), MemorySegment.NULL);
                if (mac.equals(MemorySegment.NULL)) {
                    throw new UnsupportedOperationException(
                            "libcrypto refuses to fetch HMAC (not in its configured providers)");
                }
                return mac;
            } catch (Throwable t) {
                throw NativeLibrary.rethrow(t);
            }
        }
    }

    OpenSslMac(MacAlgorithm algorithm, byte[] key) {
        super(algorithm);
        OpenSslBindings.MacHandles h = OpenSslBindings.macHandles();
        MemorySegment context;
        try (Arena arena = Arena.ofConfined()) {
            context = (MemorySegment) h.newContext().invokeExact(Hmac.MAC);
            if (context.equals(MemorySegment.NULL)) {
                throw new OutOfMemoryError("libcrypto: EVP_MAC_CTX_new failed");
            }
            MemorySegment params = params(arena, algorithm == MacAlgorithm.HMAC_SHA_256 ? "SHA256" : "SHA512");
            int status = (int) h.init().invokeExact(context, MemorySegment.ofArray(key), (long) key.length, params);
            if (status != 1) {
                free(context);
                throw new IllegalStateException("libcrypto: EVP_MAC_init failed (" + status + ")");
            }
        } catch (Throwable t) {
            throw NativeLibrary.rethrow(t);
        }
        this.prototype = context;
        NativeChunks.CLEANER.register(this, () -> free(context));
    }

    /** {@code {"digest", UTF8 string, name}} and the terminating zeros, in {@code arena}. */
    private static MemorySegment params(Arena arena, String digest) {
        MemorySegment p = arena.allocate(2 * PARAM_BYTES, 8); // zeroed: the second is the end
        MemorySegment name = arena.allocateFrom(digest);
        p.set(ValueLayout.ADDRESS, 0, arena.allocateFrom("digest"));
        p.set(ValueLayout.JAVA_INT, 8, UTF8_STRING);
        p.set(ValueLayout.ADDRESS, 16, name);
        p.set(ValueLayout.JAVA_LONG, 24, digest.length());
        p.set(ValueLayout.JAVA_LONG, 32, -1L);
        return p;
    }

    /** One tag on a copy of the prototype, freed here: no stream, no Cleaner per call. */
    @Override
    protected byte[] compute(byte[] message, int offset, int length) {
        OpenSslBindings.MacHandles h = OpenSslBindings.macHandles();
        byte[] tag = new byte[length()];
        try {
            MemorySegment copy = (MemorySegment) h.duplicate().invokeExact(prototype);
            if (copy.equals(MemorySegment.NULL)) {
                throw new OutOfMemoryError("libcrypto: EVP_MAC_CTX_dup failed");
            }
            try {
                for (int position = 0; position < length; position += NativeChunks.CRITICAL_INPUT) {
                    int n = Math.min(NativeChunks.CRITICAL_INPUT, length - position);
                    OpenSslBindings.check(
                            (int) h.update()
                                    .invokeExact(
                                            copy, MemorySegment.ofArray(message).asSlice(offset + position, n), (long)
                                                    n),
                            "EVP_MAC_update");
                }
                long[] written = new long[1];
                OpenSslBindings.check(
                        (int) h.finish()
                                .invokeExact(copy, MemorySegment.ofArray(tag), MemorySegment.ofArray(written), (long)
                                        tag.length),
                        "EVP_MAC_final");
            } finally {
                free(copy);
            }
        } catch (Throwable t) {
            throw NativeLibrary.rethrow(t);
        } finally {
            Reference.reachabilityFence(this); // the Cleaner frees the prototype once this is unreachable
        }
        return tag;
    }

    @Override
    public DigestStream newStream() {
        return new Stream(this);
    }

    private static void free(MemorySegment context) {
        try {
            OpenSslBindings.macHandles().freeContext().invokeExact(context);
        } catch (Throwable t) {
            throw NativeLibrary.rethrow(t);
        }
    }

    /**
     * A stream over a copy of the keyed prototype. The copy sits in a one-element array that the
     * stream's Cleaner holds (not the stream), so the context in use at the end is freed.
     */
    private static final class Stream extends AbstractDigestStream {
        private final OpenSslMac mac;
        private final MemorySegment[] context = new MemorySegment[1];

        Stream(OpenSslMac mac) {
            super(mac.length());
            this.mac = mac;
            MemorySegment[] held = context;
            NativeChunks.CLEANER.register(this, () -> {
                if (held[0] != null) {
                    free(held[0]);
                }
            });
            reset();
        }

        @Override
        protected void engineUpdate(byte[] input, int offset, int length) {
            OpenSslBindings.MacHandles h = OpenSslBindings.macHandles();
            for (int position = 0; position < length; position += NativeChunks.CRITICAL_INPUT) {
                int n = Math.min(NativeChunks.CRITICAL_INPUT, length - position);
                int status;
                try {
                    status = (int) h.update()
                            .invokeExact(
                                    context[0], MemorySegment.ofArray(input).asSlice(offset + position, n), (long) n);
                } catch (Throwable t) {
                    throw NativeLibrary.rethrow(t);
                }
                OpenSslBindings.check(status, "EVP_MAC_update");
            }
            Reference.reachabilityFence(this);
        }

        @Override
        protected void finish(byte[] out, int offset) {
            long[] written = new long[1];
            int status;
            try {
                status = (int) OpenSslBindings.macHandles()
                        .finish()
                        .invokeExact(
                                context[0],
                                MemorySegment.ofArray(out).asSlice(offset, length()),
                                MemorySegment.ofArray(written),
                                (long) length());
            } catch (Throwable t) {
                throw NativeLibrary.rethrow(t);
            }
            OpenSslBindings.check(status, "EVP_MAC_final");
            Reference.reachabilityFence(this);
        }

        /** A fresh copy of the keyed prototype, the previous one freed. */
        @Override
        public void reset() {
            MemorySegment copy;
            try {
                copy = (MemorySegment) OpenSslBindings.macHandles().duplicate().invokeExact(mac.prototype);
            } catch (Throwable t) {
                throw NativeLibrary.rethrow(t);
            }
            Reference.reachabilityFence(mac); // the Cleaner frees the prototype once the MAC is unreachable
            if (copy.equals(MemorySegment.NULL)) {
                throw new OutOfMemoryError("libcrypto: EVP_MAC_CTX_dup failed");
            }
            MemorySegment old = context[0];
            context[0] = copy;
            if (old != null) {
                free(old);
            }
        }
    }
}
