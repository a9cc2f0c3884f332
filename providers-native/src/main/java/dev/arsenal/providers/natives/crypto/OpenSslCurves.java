package dev.arsenal.providers.natives.crypto;

import dev.arsenal.crypto.CurvePrivateKey;
import dev.arsenal.crypto.CurvePublicKey;
import dev.arsenal.crypto.KeyAgreementAlgorithm;
import dev.arsenal.crypto.SignatureAlgorithm;
import dev.arsenal.providers.natives.ffm.NativeChunks;
import dev.arsenal.providers.natives.ffm.NativeLibrary;
import dev.arsenal.spi.IdlePool;
import dev.arsenal.spi.crypto.AbstractAgreement;
import dev.arsenal.spi.crypto.AbstractSigner;
import dev.arsenal.spi.crypto.AbstractVerifier;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.ref.Reference;
import java.util.Arrays;

/**
 * Ed25519 and X25519 from OpenSSL's libcrypto 3 ({@code EVP_PKEY}, {@code EVP_DigestSign}, {@code
 * EVP_PKEY_derive}). Each signer, verifier or agreement makes its {@code EVP_PKEY} once and frees
 * it when it becomes unreachable (a Cleaner). Signing and verifying initialise an {@code
 * EVP_MD_CTX} with the key for each call (OpenSSL 3.0 refuses a second one-shot sign on one
 * initialisation), from a pool of each signer's or verifier's own: a context once initialised
 * with one Ed25519 key goes on signing with that key when initialised with another, even after
 * {@code EVP_MD_CTX_reset} (libcrypto 3.0.19; found by the known answers), so no context ever
 * sees two keys. Failures leave OpenSSL's per-thread error queue empty.
 */
final class OpenSslCurves {
    private OpenSslCurves() {}

    /** An OpenSSL signer. */
    static final class Signer extends AbstractSigner {
        private final MemorySegment key;
        private final IdlePool<MemorySegment> contexts = contexts(this);

        Signer(CurvePrivateKey key) {
            this(privateKey(OpenSslBindings.ED25519, key));
        }

        private Signer(MemorySegment key) {
            super(SignatureAlgorithm.ED25519, rawPublicKey(key));
            this.key = key;
            freeWhenUnreachable(this, key);
        }

        @Override
        protected byte[] compute(byte[] message, int offset, int length) {
            OpenSslBindings.KeyHandles h = OpenSslBindings.keyHandles();
            byte[] signature = new byte[64];
            long[] signatureLength = {64};
            MemorySegment context = contexts.take();
            boolean ok = false;
            try {
                expect(
                        (int) h.signInit()
                                .invokeExact(context, MemorySegment.NULL, MemorySegment.NULL, MemorySegment.NULL, key),
                        "EVP_DigestSignInit");
                int status;
                if (length <= NativeChunks.CRITICAL_INPUT) {
                    status = (int) h.signHeap()
                            .invokeExact(
                                    context,
                                    MemorySegment.ofArray(signature),
                                    MemorySegment.ofArray(signatureLength),
                                    MemorySegment.ofArray(message).asSlice(offset),
                                    (long) length);
                } else {
                    try (Arena arena = Arena.ofConfined()) {
                        MemorySegment sig = arena.allocate(64);
                        MemorySegment sigLength = arena.allocateFrom(ValueLayout.JAVA_LONG, 64);
                        status = (int) h.sign()
                                .invokeExact(
                                        context,
                                        sig,
                                        sigLength,
                                        NativeChunks.copy(arena, message, offset, length),
                                        (long) length);
                        MemorySegment.copy(sig, ValueLayout.JAVA_BYTE, 0, signature, 0, 64);
                    }
                }
                expect(status, "EVP_DigestSign");
                ok = true;
            } catch (Throwable t) {
                throw NativeLibrary.rethrow(t);
            } finally {
                contexts.give(context, ok);
                Reference.reachabilityFence(this); // the Cleaner frees the key once this is unreachable
            }
            return signature;
        }
    }

    /** An OpenSSL verifier; verifies nothing if OpenSSL refuses the key. */
    static final class Verifier extends AbstractVerifier {
        private final MemorySegment key;
        private final IdlePool<MemorySegment> contexts = contexts(this);

        Verifier(CurvePublicKey key) {
            super(SignatureAlgorithm.ED25519, key);
            MemorySegment k = newKey(OpenSslBindings.keyHandles().newPublicKey(), OpenSslBindings.ED25519, key.raw());
            this.key = k;
            if (!k.equals(MemorySegment.NULL)) {
                freeWhenUnreachable(this, k);
            }
        }

        @Override
        protected boolean check(byte[] message, int offset, int length, byte[] signature) {
            if (key.equals(MemorySegment.NULL)) {
                return false;
            }
            OpenSslBindings.KeyHandles h = OpenSslBindings.keyHandles();
            MemorySegment context = contexts.take();
            boolean ok = false;
            try {
                expect(
                        (int) h.verifyInit()
                                .invokeExact(context, MemorySegment.NULL, MemorySegment.NULL, MemorySegment.NULL, key),
                        "EVP_DigestVerifyInit");
                int status;
                if (length <= NativeChunks.CRITICAL_INPUT) {
                    status = (int) h.verifyHeap()
                            .invokeExact(
                                    context,
                                    MemorySegment.ofArray(signature),
                                    (long) signature.length,
                                    MemorySegment.ofArray(message).asSlice(offset),
                                    (long) length);
                } else {
                    try (Arena arena = Arena.ofConfined()) {
                        status = (int) h.verify()
                                .invokeExact(
                                        context,
                                        arena.allocateFrom(ValueLayout.JAVA_BYTE, signature),
                                        (long) signature.length,
                                        NativeChunks.copy(arena, message, offset, length),
                                        (long) length);
                    }
                }
                if (status != 1) {
                    clearErrors();
                }
                ok = true;
                return status == 1;
            } catch (Throwable t) {
                throw NativeLibrary.rethrow(t);
            } finally {
                contexts.give(context, ok);
                Reference.reachabilityFence(this); // the Cleaner frees the key once this is unreachable
            }
        }
    }

    /** An OpenSSL agreement. */
    static final class Agreement extends AbstractAgreement {
        private final MemorySegment key;

        Agreement(CurvePrivateKey key) {
            this(privateKey(OpenSslBindings.X25519, key));
        }

        private Agreement(MemorySegment key) {
            super(KeyAgreementAlgorithm.X25519, rawPublicKey(key));
            this.key = key;
            freeWhenUnreachable(this, key);
        }

        /** Null where OpenSSL refuses the peer (its X25519 fails on an all-zero secret). */
        @Override
        protected byte[] compute(byte[] peer) {
            OpenSslBindings.KeyHandles h = OpenSslBindings.keyHandles();
            MemorySegment peerKey = newKey(h.newPublicKey(), OpenSslBindings.X25519, peer);
            if (peerKey.equals(MemorySegment.NULL)) {
                clearErrors();
                return null;
            }
            MemorySegment context = MemorySegment.NULL;
            try {
                context = (MemorySegment) h.newKeyContext().invokeExact(key, MemorySegment.NULL);
                if (context.equals(MemorySegment.NULL)) {
                    throw new IllegalStateException("libcrypto: EVP_PKEY_CTX_new failed");
                }
                expect((int) h.deriveInit().invokeExact(context), "EVP_PKEY_derive_init");
                byte[] shared = new byte[32];
                long[] sharedLength = {32};
                if ((int) h.deriveSetPeer().invokeExact(context, peerKey) != 1
                        || (int) h.derive()
                                        .invokeExact(
                                                context,
                                                MemorySegment.ofArray(shared),
                                                MemorySegment.ofArray(sharedLength))
                                != 1
                        || sharedLength[0] != 32) {
                    clearErrors();
                    return null;
                }
                return shared;
            } catch (Throwable t) {
                throw NativeLibrary.rethrow(t);
            } finally {
                freeKeyContext(context);
                freeKey(peerKey);
                Reference.reachabilityFence(this); // the Cleaner frees the key once this is unreachable
            }
        }
    }

    private static MemorySegment privateKey(int type, CurvePrivateKey key) {
        byte[] raw = key.raw();
        try {
            MemorySegment k = newKey(OpenSslBindings.keyHandles().newPrivateKey(), type, raw);
            if (k.equals(MemorySegment.NULL)) {
                clearErrors();
                throw new IllegalStateException(
                        "libcrypto: EVP_PKEY_new_raw_private_key refused a " + key.getAlgorithm() + " key");
            }
            return k;
        } finally {
            Arrays.fill(raw, (byte) 0);
        }
    }

    private static MemorySegment newKey(java.lang.invoke.MethodHandle make, int type, byte[] raw) {
        try {
            return (MemorySegment)
                    make.invokeExact(type, MemorySegment.NULL, MemorySegment.ofArray(raw), (long) raw.length);
        } catch (Throwable t) {
            throw NativeLibrary.rethrow(t);
        }
    }

    private static byte[] rawPublicKey(MemorySegment key) {
        byte[] raw = new byte[32];
        long[] length = {32};
        try {
            expect(
                    (int) OpenSslBindings.keyHandles()
                            .rawPublicKey()
                            .invokeExact(key, MemorySegment.ofArray(raw), MemorySegment.ofArray(length)),
                    "EVP_PKEY_get_raw_public_key");
        } catch (Throwable t) {
            freeKey(key);
            throw NativeLibrary.rethrow(t);
        }
        return raw;
    }

    /** Frees {@code key} once {@code owner} is unreachable; the action must not capture the owner. */
    private static void freeWhenUnreachable(Object owner, MemorySegment key) {
        NativeChunks.CLEANER.register(owner, () -> freeKey(key));
    }

    private static void freeKey(MemorySegment key) {
        if (!key.equals(MemorySegment.NULL)) {
            try {
                OpenSslBindings.keyHandles().freeKey().invokeExact(key);
            } catch (Throwable t) {
                throw NativeLibrary.rethrow(t);
            }
        }
    }

    private static void freeKeyContext(MemorySegment context) {
        if (!context.equals(MemorySegment.NULL)) {
            try {
                OpenSslBindings.keyHandles().freeKeyContext().invokeExact(context);
            } catch (Throwable t) {
                throw NativeLibrary.rethrow(t);
            }
        }
    }

    /** A pool of {@code EVP_MD_CTX}s for one key's calls, freed with {@code owner}. */
    private static IdlePool<MemorySegment> contexts(Object owner) {
        return IdlePool.closing(owner, OpenSslCurves::newContext, OpenSslCurves::free);
    }

    private static MemorySegment newContext() {
        try {
            MemorySegment c = (MemorySegment)
                    OpenSslBindings.keyHandles().newDigestContext().invokeExact();
            if (c.equals(MemorySegment.NULL)) {
                throw new OutOfMemoryError("libcrypto: EVP_MD_CTX_new failed");
            }
            return c;
        } catch (Throwable t) {
            throw NativeLibrary.rethrow(t);
        }
    }

    private static void free(MemorySegment context) {
        try {
            OpenSslBindings.keyHandles().freeDigestContext().invokeExact(context);
        } catch (Throwable t) {
            throw NativeLibrary.rethrow(t);
        }
    }

    private static void clearErrors() {
        try {
            OpenSslBindings.keyHandles().clearErrors().invokeExact();
        } catch (Throwable t) {
            throw NativeLibrary.rethrow(t);
        }
    }

    private static void expect(int result, String function) {
        if (result != 1) {
            clearErrors();
            throw new IllegalStateException("libcrypto: " + function + " failed (" + result + ")");
        }
    }
}
