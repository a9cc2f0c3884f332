package dev.arsenal.providers.natives.crypto;

import dev.arsenal.crypto.CurvePrivateKey;
import dev.arsenal.crypto.CurvePublicKey;
import dev.arsenal.crypto.KeyAgreementAlgorithm;
import dev.arsenal.crypto.SignatureAlgorithm;
import dev.arsenal.providers.natives.ffm.NativeChunks;
import dev.arsenal.providers.natives.ffm.NativeLibrary;
import dev.arsenal.spi.crypto.AbstractAgreement;
import dev.arsenal.spi.crypto.AbstractSigner;
import dev.arsenal.spi.crypto.AbstractVerifier;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.Arrays;

/**
 * Ed25519 and X25519 from libsodium ({@code crypto_sign_ed25519_*}, {@code
 * crypto_scalarmult_curve25519}), each call one libsodium call on Java arrays in place (see {@link
 * SodiumBindings.CurveHandles}). A signer keeps libsodium's 64-byte secret key, the seed followed
 * by the public key, so that signing does not derive the public key again.
 */
final class SodiumCurves {
    private SodiumCurves() {}

    /** A libsodium signer. */
    static final class Signer extends AbstractSigner {
        private final byte[] secretKey;

        Signer(CurvePrivateKey key) {
            this(expand(key));
        }

        private Signer(byte[] secretKey) {
            super(SignatureAlgorithm.ED25519, Arrays.copyOfRange(secretKey, 32, 64));
            this.secretKey = secretKey;
        }

        /** libsodium's secret key: the seed and the public key it derives. */
        private static byte[] expand(CurvePrivateKey key) {
            byte[] seed = key.raw();
            byte[] publicKey = new byte[32];
            byte[] secretKey = new byte[64];
            try {
                check(
                        (int) SodiumBindings.curveHandles()
                                .signSeedKeyPair()
                                .invokeExact(
                                        MemorySegment.ofArray(publicKey),
                                        MemorySegment.ofArray(secretKey),
                                        MemorySegment.ofArray(seed)),
                        "crypto_sign_ed25519_seed_keypair");
            } catch (Throwable t) {
                throw NativeLibrary.rethrow(t);
            } finally {
                Arrays.fill(seed, (byte) 0);
            }
            return secretKey;
        }

        @Override
        protected byte[] compute(byte[] message, int offset, int length) {
            SodiumBindings.CurveHandles h = SodiumBindings.curveHandles();
            byte[] signature = new byte[64];
            try {
                if (length <= NativeChunks.CRITICAL_INPUT) {
                    check(
                            (int) h.signHeap()
                                    .invokeExact(
                                            MemorySegment.ofArray(signature),
                                            MemorySegment.NULL,
                                            MemorySegment.ofArray(message).asSlice(offset),
                                            (long) length,
                                            MemorySegment.ofArray(secretKey)),
                            "crypto_sign_ed25519_detached");
                } else {
                    try (Arena arena = Arena.ofConfined()) {
                        MemorySegment sig = arena.allocate(64);
                        MemorySegment sk = arena.allocateFrom(ValueLayout.JAVA_BYTE, secretKey);
                        try {
                            check(
                                    (int) h.sign()
                                            .invokeExact(
                                                    sig,
                                                    MemorySegment.NULL,
                                                    NativeChunks.copy(arena, message, offset, length),
                                                    (long) length,
                                                    sk),
                                    "crypto_sign_ed25519_detached");
                        } finally {
                            sk.fill((byte) 0);
                        }
                        MemorySegment.copy(sig, ValueLayout.JAVA_BYTE, 0, signature, 0, 64);
                    }
                }
            } catch (Throwable t) {
                throw NativeLibrary.rethrow(t);
            }
            return signature;
        }
    }

    /** A libsodium verifier. */
    static final class Verifier extends AbstractVerifier {
        private final byte[] publicKey;

        Verifier(CurvePublicKey key) {
            super(SignatureAlgorithm.ED25519, key);
            this.publicKey = key.raw();
        }

        @Override
        protected boolean check(byte[] message, int offset, int length, byte[] signature) {
            SodiumBindings.CurveHandles h = SodiumBindings.curveHandles();
            try {
                if (length <= NativeChunks.CRITICAL_INPUT) {
                    return (int) h.verifyHeap()
                                    .invokeExact(
                                            MemorySegment.ofArray(signature),
                                            MemorySegment.ofArray(message).asSlice(offset),
                                            (long) length,
                                            MemorySegment.ofArray(publicKey))
                            == 0;
                }
                try (Arena arena = Arena.ofConfined()) {
                    return (int) h.verify()
                                    .invokeExact(
                                            arena.allocateFrom(ValueLayout.JAVA_BYTE, signature),
                                            NativeChunks.copy(arena, message, offset, length),
                                            (long) length,
                                            arena.allocateFrom(ValueLayout.JAVA_BYTE, publicKey))
                            == 0;
                }
            } catch (Throwable t) {
                throw NativeLibrary.rethrow(t);
            }
        }
    }

    /** A libsodium agreement. */
    static final class Agreement extends AbstractAgreement {
        private final byte[] scalar;

        Agreement(CurvePrivateKey key) {
            this(key.raw());
        }

        private Agreement(byte[] scalar) {
            super(KeyAgreementAlgorithm.X25519, base(scalar));
            this.scalar = scalar;
        }

        private static byte[] base(byte[] scalar) {
            byte[] publicKey = new byte[32];
            try {
                check(
                        (int) SodiumBindings.curveHandles()
                                .scalarMultBase()
                                .invokeExact(MemorySegment.ofArray(publicKey), MemorySegment.ofArray(scalar)),
                        "crypto_scalarmult_curve25519_base");
            } catch (Throwable t) {
                throw NativeLibrary.rethrow(t);
            }
            return publicKey;
        }

        /** Null where libsodium refuses the peer (-1: a point of small order, as its list has them). */
        @Override
        protected byte[] compute(byte[] peer) {
            byte[] shared = new byte[32];
            int status;
            try {
                status = (int) SodiumBindings.curveHandles()
                        .scalarMult()
                        .invokeExact(
                                MemorySegment.ofArray(shared),
                                MemorySegment.ofArray(scalar),
                                MemorySegment.ofArray(peer));
            } catch (Throwable t) {
                throw NativeLibrary.rethrow(t);
            }
            return status == 0 ? shared : null;
        }
    }

    private static void check(int status, String function) {
        if (status != 0) {
            throw new IllegalStateException("libsodium: " + function + " failed (" + status + ")");
        }
    }
}
