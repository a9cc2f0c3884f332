package dev.arsenal.providers.natives.crypto;

import dev.arsenal.crypto.DigestAlgorithm;
import dev.arsenal.crypto.DigestSpec;
import dev.arsenal.crypto.DigestStream;
import dev.arsenal.providers.natives.ffm.NativeChunks;
import dev.arsenal.providers.natives.ffm.NativeLibrary;
import dev.arsenal.spi.crypto.AbstractDigest;
import dev.arsenal.spi.crypto.AbstractDigestStream;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * OpenSSL's SHA-256, SHA-512 and BLAKE2b-512 (libcrypto 3's {@code BLAKE2B-512}: 64 bytes, no key;
 * OpenSSL 3.0 has no parameter for another length or a key, {@link #supports}). An input of at most
 * {@link NativeChunks#CRITICAL_INPUT} bytes is one critical {@code EVP_Digest} on the array in
 * place; a larger one, and every stream, goes through an {@code EVP_MD_CTX} fed in critical calls of
 * at most that size, freed by a Cleaner after its stream. The {@code EVP_MD}s are fetched once.
 */
final class OpenSslDigest extends AbstractDigest {
    /** The fetched digests by {@link DigestAlgorithm#ordinal()}; never freed (there are three). */
    private static final AtomicReferenceArray<MemorySegment> MDS =
            new AtomicReferenceArray<>(DigestAlgorithm.values().length);

    private final MemorySegment md;

    OpenSslDigest(DigestAlgorithm algorithm, DigestSpec spec) {
        super(algorithm, algorithm.check(spec));
        this.md = md(algorithm);
    }

    /** SHA-256 and SHA-512 as they are, BLAKE2b at 64 bytes without a key. */
    static boolean supports(DigestAlgorithm algorithm, DigestSpec spec) {
        return switch (algorithm) {
            case SHA_256, SHA_512 -> true;
            case BLAKE2B -> !spec.hasKey() && algorithm.check(spec) == 64;
            case BLAKE3 -> false;
        };
    }

    /** OpenSSL's name of {@code algorithm}. */
    private static String name(DigestAlgorithm algorithm) {
        return switch (algorithm) {
            case SHA_256 -> "SHA256";
            case SHA_512 -> "SHA512";
            case BLAKE2B -> "BLAKE2B-512";
            case BLAKE3 -> throw new UnsupportedOperationException("libcrypto has no BLAKE3");
        };
    }

    private static MemorySegment md(DigestAlgorithm algorithm) {
        MemorySegment m = MDS.get(algorithm.ordinal());
        if (m == null) {
            try (Arena arena = Arena.ofConfined()) {
                m = (MemorySegment) OpenSslBindings.digestHandles()
                        .fetch()
                        .invokeExact(MemorySegment.NULL, arena.allocateFrom(name(algorithm)), MemorySegment.NULL);
            } catch (Throwable t) {
                throw NativeLibrary.rethrow(t);
            }
            if (m.equals(MemorySegment.NULL)) {
                throw new UnsupportedOperationException("libcrypto refuses to fetch the digest " + name(algorithm)
                        + " (not in its configured providers)");
            }
            if (!MDS.compareAndSet(algorithm.ordinal(), null, m)) {
                m = MDS.get(algorithm.ordinal()); // another thread's fetch won: the same digest, kept once
            }
        }
        return m;
    }

    @Override
    protected byte[] compute(byte[] input, int offset, int length) {
        if (length > NativeChunks.CRITICAL_INPUT) {
            DigestStream s = newStream();
            s.update(input, offset, length);
            return s.digest();
        }
        byte[] out = new byte[length()];
        int[] size = new int[1];
        int status;
        try {
            status = (int) OpenSslBindings.digestHandles()
                    .digest()
                    .invokeExact(
                            MemorySegment.ofArray(input).asSlice(offset, length),
                            (long) length,
                            MemorySegment.ofArray(out),
                            MemorySegment.ofArray(size),
                            md,
                            MemorySegment.NULL);
        } catch (Throwable t) {
            throw NativeLibrary.rethrow(t);
        }
        OpenSslBindings.check(status, "EVP_Digest");
        return out;
    }

    @Override
    public DigestStream newStream() {
        return new Stream(this);
    }

    /** A stream over an {@code EVP_MD_CTX}. */
    private static final class Stream extends AbstractDigestStream {
        private final MemorySegment md;
        private final MemorySegment context;

        Stream(OpenSslDigest digest) {
            super(digest.length());
            this.md = digest.md;
            OpenSslBindings.DigestHandles h = OpenSslBindings.digestHandles();
            MemorySegment c;
            try {
                c = (MemorySegment) h.newContext().invokeExact();
            } catch (Throwable t) {
                throw NativeLibrary.rethrow(t);
            }
            if (c.equals(MemorySegment.NULL)) {
                throw new OutOfMemoryError("libcrypto: EVP_MD_CTX_new failed");
            }
            this.context = c;
            NativeChunks.CLEANER.register(this, () -> free(c));
            reset();
        }

        private static void free(MemorySegment context) {
            try {
                OpenSslBindings.digestHandles().freeContext().invokeExact(context);
            } catch (Throwable t) {
                throw NativeLibrary.rethrow(t);
            }
        }

        @Override
        protected void engineUpdate(byte[] input, int offset, int length) {
            OpenSslBindings.DigestHandles h = OpenSslBindings.digestHandles();
            for (int position = 0; position < length; position += NativeChunks.CRITICAL_INPUT) {
                int n = Math.min(NativeChunks.CRITICAL_INPUT, length - position);
                int status;
                try {
                    status = (int) h.update()
                            .invokeExact(context, MemorySegment.ofArray(input).asSlice(offset + position, n), (long) n);
                } catch (Throwable t) {
                    throw NativeLibrary.rethrow(t);
                }
                OpenSslBindings.check(status, "EVP_DigestUpdate");
            }
            java.lang.ref.Reference.reachabilityFence(this); // the Cleaner frees the context once this is unreachable
        }

        @Override
        protected void finish(byte[] out, int offset) {
            int[] size = new int[1];
            int status;
            try {
                status = (int) OpenSslBindings.digestHandles()
                        .finish()
                        .invokeExact(
                                context,
                                MemorySegment.ofArray(out).asSlice(offset, length()),
                                MemorySegment.ofArray(size));
            } catch (Throwable t) {
                throw NativeLibrary.rethrow(t);
            }
            OpenSslBindings.check(status, "EVP_DigestFinal_ex");
            java.lang.ref.Reference.reachabilityFence(this);
        }

        @Override
        public void reset() {
            int status;
            try {
                status = (int) OpenSslBindings.digestHandles().init().invokeExact(context, md, MemorySegment.NULL);
            } catch (Throwable t) {
                throw NativeLibrary.rethrow(t);
            }
            OpenSslBindings.check(status, "EVP_DigestInit_ex");
            java.lang.ref.Reference.reachabilityFence(this);
        }
    }
}
