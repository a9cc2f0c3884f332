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

/**
 * libsodium's SHA-256, SHA-512 or BLAKE2b (keyed or not, 1 to 64 bytes). An input of at most {@link
 * NativeChunks#CRITICAL_INPUT} bytes is one critical call on the array in place; a larger one, and
 * every stream, goes through libsodium's streaming state, fed in critical calls of at most that
 * size. A stream's state is native memory of an automatic arena, freed by the GC after the stream.
 */
final class SodiumDigest extends AbstractDigest {
    /** libsodium's streaming states are aligned to 64 bytes ({@code CRYPTO_ALIGN(64)} for BLAKE2b). */
    private static final long STATE_ALIGNMENT = 64;

    private final byte[] key;

    SodiumDigest(DigestAlgorithm algorithm, DigestSpec spec) {
        super(algorithm, algorithm.check(spec));
        this.key = spec.hasKey() ? spec.key() : new byte[0];
    }

    @Override
    protected byte[] compute(byte[] input, int offset, int length) {
        if (length > NativeChunks.CRITICAL_INPUT) {
            try (Arena arena = Arena.ofConfined()) {
                Stream s = new Stream(this, arena);
                s.update(input, offset, length);
                return s.digest();
            }
        }
        SodiumBindings.DigestHandles h = SodiumBindings.digestHandles();
        byte[] out = new byte[length()];
        MemorySegment in = MemorySegment.ofArray(input).asSlice(offset, length);
        int status;
        try {
            status = switch (algorithm()) {
                case SHA_256 -> (int) h.sha256().invokeExact(MemorySegment.ofArray(out), in, (long) length);
                case SHA_512 -> (int) h.sha512().invokeExact(MemorySegment.ofArray(out), in, (long) length);
                case BLAKE2B ->
                    (int) h.blake2b()
                            .invokeExact(
                                    MemorySegment.ofArray(out),
                                    (long) out.length,
                                    in,
                                    (long) length,
                                    MemorySegment.ofArray(key),
                                    (long) key.length);
                case BLAKE3 -> throw new UnsupportedOperationException("libsodium has no BLAKE3");
            };
        } catch (Throwable t) {
            throw NativeLibrary.rethrow(t);
        }
        check(status, "digest");
        return out;
    }

    @Override
    public DigestStream newStream() {
        return new Stream(this, Arena.ofAuto());
    }

    private void check(int status, String what) {
        if (status != 0) {
            throw new IllegalStateException(
                    "libsodium's " + algorithm().id() + " " + what + " failed (" + status + ")");
        }
    }

    /** A stream over libsodium's state for the algorithm, in native memory of an arena. */
    private static final class Stream extends AbstractDigestStream {
        private final SodiumDigest digest;
        private final MemorySegment state;

        Stream(SodiumDigest digest, Arena arena) {
            super(digest.length());
            this.digest = digest;
            SodiumBindings.DigestHandles h = SodiumBindings.digestHandles();
            long size;
            try {
                size = switch (digest.algorithm()) {
                    case SHA_256 -> (long) h.sha256StateBytes().invokeExact();
                    case SHA_512 -> (long) h.sha512StateBytes().invokeExact();
                    default -> (long) h.blake2bStateBytes().invokeExact();
                };
            } catch (Throwable t) {
                throw NativeLibrary.rethrow(t);
            }
            this.state = arena.allocate(size, STATE_ALIGNMENT);
            reset();
        }

        @Override
        protected void engineUpdate(byte[] input, int offset, int length) {
            SodiumBindings.DigestHandles h = SodiumBindings.digestHandles();
            for (int position = 0; position < length; position += NativeChunks.CRITICAL_INPUT) {
                int n = Math.min(NativeChunks.CRITICAL_INPUT, length - position);
                MemorySegment in = MemorySegment.ofArray(input).asSlice(offset + position, n);
                int status;
                try {
                    status = switch (digest.algorithm()) {
                        case SHA_256 -> (int) h.sha256Update().invokeExact(state, in, (long) n);
                        case SHA_512 -> (int) h.sha512Update().invokeExact(state, in, (long) n);
                        default -> (int) h.blake2bUpdate().invokeExact(state, in, (long) n);
                    };
                } catch (Throwable t) {
                    throw NativeLibrary.rethrow(t);
                }
                digest.check(status, "update");
            }
        }

        @Override
        protected void finish(byte[] out, int offset) {
            SodiumBindings.DigestHandles h = SodiumBindings.digestHandles();
            MemorySegment o = MemorySegment.ofArray(out).asSlice(offset, length());
            int status;
            try {
                status = switch (digest.algorithm()) {
                    case SHA_256 -> (int) h.sha256Final().invokeExact(state, o);
                    case SHA_512 -> (int) h.sha512Final().invokeExact(state, o);
                    default -> (int) h.blake2bFinal().invokeExact(state, o, (long) length());
                };
            } catch (Throwable t) {
                throw NativeLibrary.rethrow(t);
            }
            digest.check(status, "final");
        }

        @Override
        public void reset() {
            SodiumBindings.DigestHandles h = SodiumBindings.digestHandles();
            int status;
            try {
                status = switch (digest.algorithm()) {
                    case SHA_256 -> (int) h.sha256Init().invokeExact(state);
                    case SHA_512 -> (int) h.sha512Init().invokeExact(state);
                    default ->
                        (int) h.blake2bInit()
                                .invokeExact(state, MemorySegment.ofArray(digest.key), (long) digest.key.length, (long)
                                        length());
                };
            } catch (Throwable t) {
                throw NativeLibrary.rethrow(t);
            }
            digest.check(status, "init");
        }
    }
}
