package dev.arsenal.providers.natives.crypto;

import dev.arsenal.crypto.AeadAlgorithm;
import dev.arsenal.providers.natives.ffm.NativeBinder;
import dev.arsenal.providers.natives.ffm.NativeBinding;
import dev.arsenal.providers.natives.ffm.NativeChunks;
import dev.arsenal.providers.natives.ffm.NativeLibrary;
import dev.arsenal.providers.natives.ffm.Symbol;
import dev.arsenal.spi.Availability;
import java.lang.foreign.Arena;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The FFM bindings to the system's OpenSSL libcrypto 3 (Debian's {@code libssl3}): its EVP cipher
 * interface, enough for the AEADs. Bound once per class loader; binding never throws, a failure is
 * an {@link Availability} with its cause. The library is the file named by {@value
 * #PATH_PROPERTY}, else {@code libcrypto.so.3}, {@code libcrypto.so}. A libcrypto without {@code
 * EVP_CIPHER_fetch} is older than 3.0 and refused.
 *
 * <p>The ciphers are fetched once ({@code EVP_CIPHER_fetch(NULL, "AES-256-GCM", NULL)}), not
 * named through {@code EVP_aes_256_gcm()}, whose every use fetches again in OpenSSL 3. The
 * handles that take data are {@linkplain Linker.Option#critical(boolean) critical}: Java arrays are
 * passed in place and the call holds off safepoints, so callers feed at most {@link
 * NativeChunks#CRITICAL_INPUT} bytes per call (the EVP interface streams, so any message can be cut
 * into such calls).
 */
final class OpenSslBindings {
    /** The system property naming the library file to load instead of searching: {@value}. */
    static final String PATH_PROPERTY = "arsenal.native.libcrypto.path";

    /** {@code EVP_CTRL_AEAD_GET_TAG}. */
    static final int GET_TAG = 0x10;
    /** {@code EVP_CTRL_AEAD_SET_TAG}. */
    static final int SET_TAG = 0x11;

    private static final NativeBinder BINDER = new NativeBinder("libcrypto", NativeBinder.Version.none("3.0"));

    /**
     * The bound functions. A record so that HotSpot trusts its fields as constants and folds each
     * handle into its call site.
     */
    record Handles(
            @Symbol("EVP_CIPHER* EVP_CIPHER_fetch(OSSL_LIB_CTX* ctx, const char* algorithm, const char* properties)")
            MethodHandle cipherFetch,

            @Symbol("EVP_CIPHER_CTX* EVP_CIPHER_CTX_new(void)")
            MethodHandle contextNew,

            @Symbol("void EVP_CIPHER_CTX_free(EVP_CIPHER_CTX* ctx)")
            MethodHandle contextFree,

            @Symbol(
                    value = "int EVP_CipherInit_ex(EVP_CIPHER_CTX* ctx, const EVP_CIPHER* type, ENGINE* impl,"
                            + " const unsigned char* key, const unsigned char* iv, int enc)",
                    critical = true)
            MethodHandle init,

            @Symbol(
                    value = "int EVP_CipherUpdate(EVP_CIPHER_CTX* ctx, unsigned char* out, int* outl,"
                            + " const unsigned char* in, int inl)",
                    critical = true)
            MethodHandle update,

            @Symbol(
                    value = "int EVP_CipherFinal_ex(EVP_CIPHER_CTX* ctx, unsigned char* out, int* outl)",
                    critical = true)
            MethodHandle finish,

            @Symbol(
                    value = "int EVP_CIPHER_CTX_ctrl(EVP_CIPHER_CTX* ctx, int type, int arg, void* ptr)",
                    critical = true)
            MethodHandle control) {}

    /** {@code EVP_PKEY_X25519}, {@code NID_X25519}. */
    static final int X25519 = 1034;
    /** {@code EVP_PKEY_ED25519}, {@code NID_ED25519}. */
    static final int ED25519 = 1087;

    /**
     * The {@code EVP_PKEY} functions for Ed25519 and X25519, bound apart from {@link Handles} on
     * their first use. {@code EVP_DigestSign} and {@code EVP_DigestVerify} are bound twice: critical
     * for messages of at most {@link NativeChunks#CRITICAL_INPUT} bytes, on native memory for larger
     * ones (Ed25519 is one-shot: a message cannot be fed in parts).
     */
    record KeyHandles(
            @Symbol(
                    value = "EVP_PKEY* EVP_PKEY_new_raw_private_key(int type, ENGINE* e, const unsigned char* key,"
                            + " size_t keylen)",
                    critical = true)
            MethodHandle newPrivateKey,

            @Symbol(
                    value = "EVP_PKEY* EVP_PKEY_new_raw_public_key(int type, ENGINE* e, const unsigned char* key,"
                            + " size_t keylen)",
                    critical = true)
            MethodHandle newPublicKey,

            @Symbol(
                    value = "int EVP_PKEY_get_raw_public_key(const EVP_PKEY* pkey, unsigned char* pub, size_t* len)",
                    critical = true)
            MethodHandle rawPublicKey,

            @Symbol("void EVP_PKEY_free(EVP_PKEY* key)") MethodHandle freeKey,

            @Symbol("EVP_MD_CTX* EVP_MD_CTX_new(void)") MethodHandle newDigestContext,

            @Symbol("void EVP_MD_CTX_free(EVP_MD_CTX* ctx)") MethodHandle freeDigestContext,

            @Symbol("int EVP_DigestSignInit(EVP_MD_CTX* ctx, EVP_PKEY_CTX** pctx, const EVP_MD* type, ENGINE* e,"
                    + " EVP_PKEY* pkey)")
            MethodHandle signInit,

            @Symbol(
                    value = "int EVP_DigestSign(EVP_MD_CTX* ctx, unsigned char* sig, size_t* siglen,"
                            + " const unsigned char* tbs, size_t tbslen)",
                    critical = true)
            MethodHandle signHeap,

            @Symbol("int EVP_DigestSign(EVP_MD_CTX* ctx, unsigned char* sig, size_t* siglen,"
                    + " const unsigned char* tbs, size_t tbslen)")
            MethodHandle sign,

            @Symbol("int EVP_DigestVerifyInit(EVP_MD_CTX* ctx, EVP_PKEY_CTX** pctx, const EVP_MD* type, ENGINE* e,"
                    + " EVP_PKEY* pkey)")
            MethodHandle verifyInit,

            @Symbol(
                    value = "int EVP_DigestVerify(EVP_MD_CTX* ctx, const unsigned char* sig, size_t siglen,"
                            + " const unsigned char* tbs, size_t tbslen)",
                    critical = true)
            MethodHandle verifyHeap,

            @Symbol("int EVP_DigestVerify(EVP_MD_CTX* ctx, const unsigned char* sig, size_t siglen,"
                    + " const unsigned char* tbs, size_t tbslen)")
            MethodHandle verify,

            @Symbol("EVP_PKEY_CTX* EVP_PKEY_CTX_new(EVP_PKEY* pkey, ENGINE* e)")
            MethodHandle newKeyContext,

            @Symbol("void EVP_PKEY_CTX_free(EVP_PKEY_CTX* ctx)")
            MethodHandle freeKeyContext,

            @Symbol("int EVP_PKEY_derive_init(EVP_PKEY_CTX* ctx)")
            MethodHandle deriveInit,

            @Symbol("int EVP_PKEY_derive_set_peer(EVP_PKEY_CTX* ctx, EVP_PKEY* peer)")
            MethodHandle deriveSetPeer,

            @Symbol(
                    value = "int EVP_PKEY_derive(EVP_PKEY_CTX* ctx, unsigned char* key, size_t* keylen)",
                    critical = true)
            MethodHandle derive,

            @Symbol("void ERR_clear_error(void)") MethodHandle clearErrors) {}

    /** The digest functions, bound apart on their first use. */
    record DigestHandles(
            @Symbol("EVP_MD* EVP_MD_fetch(OSSL_LIB_CTX* ctx, const char* algorithm, const char* properties)")
            MethodHandle fetch,

            @Symbol(
                    value = "int EVP_Digest(const void* data, size_t count, unsigned char* md, unsigned int* size,"
                            + " const EVP_MD* type, ENGINE* impl)",
                    critical = true)
            MethodHandle digest,

            @Symbol("EVP_MD_CTX* EVP_MD_CTX_new(void)") MethodHandle newContext,

            @Symbol("void EVP_MD_CTX_free(EVP_MD_CTX* ctx)") MethodHandle freeContext,

            @Symbol("int EVP_DigestInit_ex(EVP_MD_CTX* ctx, const EVP_MD* type, ENGINE* impl)")
            MethodHandle init,

            @Symbol(value = "int EVP_DigestUpdate(EVP_MD_CTX* ctx, const void* d, size_t cnt)", critical = true)
            MethodHandle update,

            @Symbol(
                    value = "int EVP_DigestFinal_ex(EVP_MD_CTX* ctx, unsigned char* md, unsigned int* s)",
                    critical = true)
            MethodHandle finish) {}

    /** The digest functions, bound on their first use. */
    private static final class DigestHolder {
        static final NativeBinding<DigestHandles> BINDING = BINDER.bind(
                PATH_PROPERTY,
                System.getProperty(PATH_PROPERTY),
                NativeLibrary.names("crypto", "3"),
                DigestHandles.class);
    }

    /**
     * The process-wide digest handles.
     *
     * @throws IllegalStateException with the cause if libcrypto could not be bound
     */
    static DigestHandles digestHandles() {
        return DigestHolder.BINDING.require("libcrypto");
    }

    /** The MAC functions ({@code EVP_MAC}, HMAC), bound apart on their first use. */
    record MacHandles(
            @Symbol("EVP_MAC* EVP_MAC_fetch(OSSL_LIB_CTX* ctx, const char* algorithm, const char* properties)")
            MethodHandle fetch,

            @Symbol("EVP_MAC_CTX* EVP_MAC_CTX_new(EVP_MAC* mac)")
            MethodHandle newContext,

            @Symbol("EVP_MAC_CTX* EVP_MAC_CTX_dup(const EVP_MAC_CTX* src)")
            MethodHandle duplicate,

            @Symbol("void EVP_MAC_CTX_free(EVP_MAC_CTX* ctx)")
            MethodHandle freeContext,

            @Symbol(
                    value = "int EVP_MAC_init(EVP_MAC_CTX* ctx, const unsigned char* key, size_t keylen,"
                            + " const OSSL_PARAM* params)",
                    critical = true)
            MethodHandle init,

            @Symbol(
                    value = "int EVP_MAC_update(EVP_MAC_CTX* ctx, const unsigned char* data, size_t datalen)",
                    critical = true)
            MethodHandle update,

            @Symbol(
                    value = "int EVP_MAC_final(EVP_MAC_CTX* ctx, unsigned char* out, size_t* outl, size_t outsize)",
                    critical = true)
            MethodHandle finish) {}

    /** The MAC functions, bound on their first use. */
    private static final class MacHolder {
        static final NativeBinding<MacHandles> BINDING = BINDER.bind(
                PATH_PROPERTY, System.getProperty(PATH_PROPERTY), NativeLibrary.names("crypto", "3"), MacHandles.class);
    }

    /**
     * The process-wide MAC handles.
     *
     * @throws IllegalStateException with the cause if libcrypto could not be bound
     */
    static MacHandles macHandles() {
        return MacHolder.BINDING.require("libcrypto");
    }

    /** The key functions, bound on their first use. */
    private static final class KeyHolder {
        static final NativeBinding<KeyHandles> BINDING = BINDER.bind(
                PATH_PROPERTY, System.getProperty(PATH_PROPERTY), NativeLibrary.names("crypto", "3"), KeyHandles.class);
    }

    /**
     * The process-wide key handles.
     *
     * @throws IllegalStateException with the cause if libcrypto could not be bound
     */
    static KeyHandles keyHandles() {
        return KeyHolder.BINDING.require("libcrypto");
    }

    /** Bound on first use, once per class loader. */
    private static final class Holder {
        static final NativeBinding<Handles> BINDING = bind(System.getProperty(PATH_PROPERTY));
    }

    /** The fetched ciphers by {@link AeadAlgorithm#ordinal()}; {@link MemorySegment#NULL} once refused. */
    private static final AtomicReferenceArray<MemorySegment> CIPHERS =
            new AtomicReferenceArray<>(AeadAlgorithm.values().length);

    private OpenSslBindings() {}

    /** The process-wide binding (per class loader), made on first use. */
    static NativeBinding<Handles> binding() {
        return Holder.BINDING;
    }

    /**
     * The process-wide handles.
     *
     * @throws IllegalStateException with the cause if libcrypto could not be bound
     */
    static Handles handles() {
        return Holder.BINDING.require("libcrypto");
    }

    /** Binds the file at {@code path}, or searches the platform's names if it is null or blank. Not cached. */
    static NativeBinding<Handles> bind(String path) {
        return BINDER.bind(PATH_PROPERTY, path, NativeLibrary.names("crypto", "3"), Handles.class);
    }

    /** OpenSSL's name of {@code algorithm}'s cipher; XChaCha20-Poly1305 runs on ChaCha20-Poly1305. */
    static String cipherName(AeadAlgorithm algorithm) {
        return switch (algorithm) {
            case AES_128_GCM -> "AES-128-GCM";
            case AES_256_GCM -> "AES-256-GCM";
            case CHACHA20_POLY1305, XCHACHA20_POLY1305 -> "ChaCha20-Poly1305";
        };
    }

    /**
     * The {@code EVP_CIPHER} of {@code algorithm}, fetched on first use and kept for the process
     * (fetched ciphers are never freed: there are three).
     *
     * @throws UnsupportedOperationException if this libcrypto has none (a FIPS-only configuration
     *     refuses ChaCha20-Poly1305)
     */
    static MemorySegment cipher(AeadAlgorithm algorithm) {
        MemorySegment c = CIPHERS.get(algorithm.ordinal());
        if (c == null) {
            try (Arena arena = Arena.ofConfined()) {
                c = (MemorySegment) handles()
                        .cipherFetch()
                        .invokeExact(MemorySegment.NULL, arena.allocateFrom(cipherName(algorithm)), MemorySegment.NULL);
            } catch (Throwable t) {
                throw NativeLibrary.rethrow(t);
            }
            if (!CIPHERS.compareAndSet(algorithm.ordinal(), null, c)) {
                c = CIPHERS.get(algorithm.ordinal()); // another thread's fetch won: the same cipher, kept once
            }
        }
        if (c.equals(MemorySegment.NULL)) {
            throw new UnsupportedOperationException(binding().library() + " refuses to fetch the cipher "
                    + cipherName(algorithm) + " (not in its configured providers)");
        }
        return c;
    }

    /** Throws naming {@code function} unless it returned 1, as every EVP function does on success. */
    static void check(int result, String function) {
        if (result != 1) {
            throw new IllegalStateException(function + " failed (" + result + ")");
        }
    }
}
