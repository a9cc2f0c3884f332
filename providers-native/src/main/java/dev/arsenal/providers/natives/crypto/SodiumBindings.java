package dev.arsenal.providers.natives.crypto;

import dev.arsenal.providers.natives.ffm.NativeBinder;
import dev.arsenal.providers.natives.ffm.NativeBinding;
import dev.arsenal.providers.natives.ffm.NativeChunks;
import dev.arsenal.providers.natives.ffm.NativeLibrary;
import dev.arsenal.providers.natives.ffm.Symbol;
import dev.arsenal.spi.Availability;
import java.lang.foreign.Linker;
import java.lang.invoke.MethodHandle;

/**
 * The FFM bindings to the system's libsodium (1.0.x, Debian's {@code libsodium23}): its IETF
 * AEADs, ChaCha20-Poly1305 with a 96-bit nonce, XChaCha20-Poly1305 and AES-256-GCM, and its
 * digests, SHA-256, SHA-512 and BLAKE2b ({@code crypto_generichash_blake2b}: 1 to 64 bytes of
 * output, keys of up to 64 bytes; the 16-byte minimums libsodium's constants name are advice its
 * functions do not enforce). Bound once per
 * class loader; binding never throws, a failure is an {@link Availability} with its cause. The
 * library is the file named by {@value #PATH_PROPERTY}, else {@code libsodium.so.23}, {@code
 * libsodium.so}.
 *
 * <p>{@code sodium_init()} runs once, right after binding (it picks the CPU's code paths and opens
 * the random source); a library whose {@code sodium_init()} fails is unavailable with that cause.
 *
 * <p>Each AEAD function is bound twice: the handles ending in {@code Heap} are {@linkplain
 * Linker.Option#critical(boolean) critical}, so Java arrays are passed in place and the call holds
 * off safepoints, for messages of at most {@link NativeChunks#CRITICAL_INPUT} bytes; the others
 * take native memory, for larger ones (a one-shot AEAD cannot be cut into several calls). The
 * digest functions are all critical: a digest streams, so larger inputs are cut into calls of at
 * most that size.
 *
 * <p>The probe binds {@code sodium_init} and one query ({@link Handles}); the AEADs in place, the
 * AEADs on native memory, the digests, the curves and the guarded heap are groups of their own, each
 * bound at its first use, for the FFM linker costs a first use a few milliseconds per function.
 */
final class SodiumBindings {
    /** The system property naming the library file to load instead of searching: {@value}. */
    static final String PATH_PROPERTY = "arsenal.native.sodium.path";

    /** libsodium 1.0.x: {@code sodium_version_string()} starts with "1.0.". */
    private static final NativeBinder BINDER = new NativeBinder(
            "libsodium", NativeBinder.Version.text("sodium_version_string", "1.0.", "libsodium 1.0.x"));

    /** The IETF AEAD prototypes; the four AEADs share them (the nonce size is each one's own). */
    private static final String ENCRYPT = "(unsigned char* c, unsigned long long* clen, const unsigned char* m,"
            + " unsigned long long mlen, const unsigned char* ad, unsigned long long adlen,"
            + " const unsigned char* nsec, const unsigned char* npub, const unsigned char* k)";

    private static final String DECRYPT = "(unsigned char* m, unsigned long long* mlen, unsigned char* nsec,"
            + " const unsigned char* c, unsigned long long clen, const unsigned char* ad,"
            + " unsigned long long adlen, const unsigned char* npub, const unsigned char* k)";

    /**
     * The bound functions. A record so that HotSpot trusts its fields as constants and folds each
     * handle into its call site.
     */
    record Handles(
            @Symbol("int sodium_init(void)") MethodHandle init,

            @Symbol("int crypto_aead_aes256gcm_is_available(void)")
            MethodHandle aesGcmAvailable) {}

    /** The AEADs on Java arrays in place (critical), bound on the first AEAD's first use. */
    record AeadHandles(
            @Symbol(value = "int crypto_aead_chacha20poly1305_ietf_encrypt" + ENCRYPT, critical = true)
            MethodHandle chachaSealHeap,

            @Symbol(value = "int crypto_aead_chacha20poly1305_ietf_decrypt" + DECRYPT, critical = true)
            MethodHandle chachaOpenHeap,

            @Symbol(value = "int crypto_aead_xchacha20poly1305_ietf_encrypt" + ENCRYPT, critical = true)
            MethodHandle xchachaSealHeap,

            @Symbol(value = "int crypto_aead_xchacha20poly1305_ietf_decrypt" + DECRYPT, critical = true)
            MethodHandle xchachaOpenHeap,

            @Symbol(value = "int crypto_aead_aes256gcm_encrypt" + ENCRYPT, critical = true)
            MethodHandle aesGcmSealHeap,

            @Symbol(value = "int crypto_aead_aes256gcm_decrypt" + DECRYPT, critical = true)
            MethodHandle aesGcmOpenHeap) {}

    /** The AEADs on native memory, for messages past the in-place limit, bound on the first such message. */
    record LargeAeadHandles(
            @Symbol("int crypto_aead_chacha20poly1305_ietf_encrypt" + ENCRYPT)
            MethodHandle chachaSeal,

            @Symbol("int crypto_aead_chacha20poly1305_ietf_decrypt" + DECRYPT)
            MethodHandle chachaOpen,

            @Symbol("int crypto_aead_xchacha20poly1305_ietf_encrypt" + ENCRYPT)
            MethodHandle xchachaSeal,

            @Symbol("int crypto_aead_xchacha20poly1305_ietf_decrypt" + DECRYPT)
            MethodHandle xchachaOpen,

            @Symbol("int crypto_aead_aes256gcm_encrypt" + ENCRYPT)
            MethodHandle aesGcmSeal,

            @Symbol("int crypto_aead_aes256gcm_decrypt" + DECRYPT)
            MethodHandle aesGcmOpen) {}

    /** The digests, bound on the first digest's first use. */
    record DigestHandles(
            @Symbol(
                    value = "int crypto_hash_sha256(unsigned char* out, const unsigned char* in,"
                            + " unsigned long long inlen)",
                    critical = true)
            MethodHandle sha256,

            @Symbol("size_t crypto_hash_sha256_statebytes(void)")
            MethodHandle sha256StateBytes,

            @Symbol(value = "int crypto_hash_sha256_init(crypto_hash_sha256_state* state)", critical = true)
            MethodHandle sha256Init,

            @Symbol(
                    value = "int crypto_hash_sha256_update(crypto_hash_sha256_state* state, const unsigned char* in,"
                            + " unsigned long long inlen)",
                    critical = true)
            MethodHandle sha256Update,

            @Symbol(
                    value = "int crypto_hash_sha256_final(crypto_hash_sha256_state* state, unsigned char* out)",
                    critical = true)
            MethodHandle sha256Final,

            @Symbol(
                    value = "int crypto_hash_sha512(unsigned char* out, const unsigned char* in,"
                            + " unsigned long long inlen)",
                    critical = true)
            MethodHandle sha512,

            @Symbol("size_t crypto_hash_sha512_statebytes(void)")
            MethodHandle sha512StateBytes,

            @Symbol(value = "int crypto_hash_sha512_init(crypto_hash_sha512_state* state)", critical = true)
            MethodHandle sha512Init,

            @Symbol(
                    value = "int crypto_hash_sha512_update(crypto_hash_sha512_state* state, const unsigned char* in,"
                            + " unsigned long long inlen)",
                    critical = true)
            MethodHandle sha512Update,

            @Symbol(
                    value = "int crypto_hash_sha512_final(crypto_hash_sha512_state* state, unsigned char* out)",
                    critical = true)
            MethodHandle sha512Final,

            @Symbol(
                    value = "int crypto_generichash_blake2b(unsigned char* out, size_t outlen, const unsigned char* in,"
                            + " unsigned long long inlen, const unsigned char* key, size_t keylen)",
                    critical = true)
            MethodHandle blake2b,

            @Symbol("size_t crypto_generichash_blake2b_statebytes(void)")
            MethodHandle blake2bStateBytes,

            @Symbol(
                    value = "int crypto_generichash_blake2b_init(crypto_generichash_blake2b_state* state,"
                            + " const unsigned char* key, size_t keylen, size_t outlen)",
                    critical = true)
            MethodHandle blake2bInit,

            @Symbol(
                    value = "int crypto_generichash_blake2b_update(crypto_generichash_blake2b_state* state,"
                            + " const unsigned char* in, unsigned long long inlen)",
                    critical = true)
            MethodHandle blake2bUpdate,

            @Symbol(
                    value = "int crypto_generichash_blake2b_final(crypto_generichash_blake2b_state* state,"
                            + " unsigned char* out, size_t outlen)",
                    critical = true)
            MethodHandle blake2bFinal) {}

    /**
     * The signature and key agreement functions, bound apart from {@link Handles} on their first
     * use, so that a process that only seals or hashes does not pay for them. Ed25519's sign and
     * verify are bound twice, as the AEADs are: critical for messages of at most {@link
     * NativeChunks#CRITICAL_INPUT} bytes, on native memory for larger ones.
     */
    record CurveHandles(
            @Symbol(
                    value = "int crypto_sign_ed25519_seed_keypair(unsigned char* pk, unsigned char* sk,"
                            + " const unsigned char* seed)",
                    critical = true)
            MethodHandle signSeedKeyPair,

            @Symbol(value = "int crypto_sign_ed25519_detached" + SIGN, critical = true)
            MethodHandle signHeap,

            @Symbol("int crypto_sign_ed25519_detached" + SIGN)
            MethodHandle sign,

            @Symbol(value = "int crypto_sign_ed25519_verify_detached" + VERIFY, critical = true)
            MethodHandle verifyHeap,

            @Symbol("int crypto_sign_ed25519_verify_detached" + VERIFY)
            MethodHandle verify,

            @Symbol(
                    value = "int crypto_scalarmult_curve25519(unsigned char* q, const unsigned char* n,"
                            + " const unsigned char* p)",
                    critical = true)
            MethodHandle scalarMult,

            @Symbol(
                    value = "int crypto_scalarmult_curve25519_base(unsigned char* q, const unsigned char* n)",
                    critical = true)
            MethodHandle scalarMultBase) {}

    private static final String SIGN = "(unsigned char* sig, unsigned long long* siglen, const unsigned char* m,"
            + " unsigned long long mlen, const unsigned char* sk)";

    private static final String VERIFY =
            "(const unsigned char* sig, const unsigned char* m," + " unsigned long long mlen, const unsigned char* pk)";

    /** The curve functions, bound on their first use. */
    private static final class CurveHolder {
        static final NativeBinding<CurveHandles> BINDING = bindApart(CurveHandles.class);
    }

    /** The in-place AEAD functions, bound on their first use. */
    private static final class AeadHolder {
        static final NativeBinding<AeadHandles> BINDING = bindApart(AeadHandles.class);
    }

    /** The AEAD functions on native memory, bound on their first use. */
    private static final class LargeAeadHolder {
        static final NativeBinding<LargeAeadHandles> BINDING = bindApart(LargeAeadHandles.class);
    }

    /** The digest functions, bound on their first use. */
    private static final class DigestHolder {
        static final NativeBinding<DigestHandles> BINDING = bindApart(DigestHandles.class);
    }

    /**
     * A group of functions bound apart from {@link Handles}: each group costs its first use some
     * milliseconds per function (the FFM linker makes a handle per signature), so a process pays only
     * for the groups it uses (docs/benchmarks.md: a first ChaCha20-Poly1305 seal bound 30 functions
     * before, 8 now).
     */
    private static <H extends Record> NativeBinding<H> bindApart(Class<H> handles) {
        return BINDER.bind(
                PATH_PROPERTY, System.getProperty(PATH_PROPERTY), NativeLibrary.names("sodium", "23"), handles);
    }

    /** The in-place AEAD handles, libsodium initialized first. */
    static AeadHandles aeadHandles() {
        handles();
        return AeadHolder.BINDING.require("libsodium");
    }

    /** The AEAD handles on native memory, libsodium initialized first. */
    static LargeAeadHandles largeAeadHandles() {
        handles();
        return LargeAeadHolder.BINDING.require("libsodium");
    }

    /** The digest handles, libsodium initialized first. */
    static DigestHandles digestHandles() {
        handles();
        return DigestHolder.BINDING.require("libsodium");
    }

    /**
     * The process-wide curve handles, libsodium initialized first.
     *
     * @throws IllegalStateException with the cause if libsodium could not be bound
     */
    static CurveHandles curveHandles() {
        handles();
        return CurveHolder.BINDING.require("libsodium");
    }

    /** The guarded heap: {@code sodium_malloc}, bound apart on its first use. */
    record MemoryHandles(
            @Symbol("void* sodium_malloc(size_t size)") MethodHandle malloc,
            @Symbol("void sodium_free(void* ptr)") MethodHandle free,

            @Symbol("int sodium_mlock(void* addr, size_t len)")
            MethodHandle mlock) {}

    /** The guarded heap's functions, bound on their first use. */
    private static final class MemoryHolder {
        static final NativeBinding<MemoryHandles> BINDING = bindApart(MemoryHandles.class);
    }

    /**
     * The process-wide guarded heap handles, libsodium initialized first.
     *
     * @throws IllegalStateException with the cause if libsodium could not be bound
     */
    static MemoryHandles memoryHandles() {
        handles();
        return MemoryHolder.BINDING.require("libsodium");
    }

    /** Bound and initialized on first use, once per class loader. */
    private static final class Holder {
        static final NativeBinding<Handles> BINDING = initialized(bind(System.getProperty(PATH_PROPERTY)));
    }

    private SodiumBindings() {}

    /** The process-wide binding (per class loader), made on first use. */
    static NativeBinding<Handles> binding() {
        return Holder.BINDING;
    }

    /**
     * The process-wide handles.
     *
     * @throws IllegalStateException with the cause if libsodium could not be bound
     */
    static Handles handles() {
        return Holder.BINDING.require("libsodium");
    }

    /** Binds the file at {@code path}, or searches the platform's names if it is null or blank. Not cached. */
    static NativeBinding<Handles> bind(String path) {
        return BINDER.bind(PATH_PROPERTY, path, NativeLibrary.names("sodium", "23"), Handles.class);
    }

    /** {@code binding}, unavailable if {@code sodium_init()} fails. */
    static NativeBinding<Handles> initialized(NativeBinding<Handles> binding) {
        Handles h = binding.handles();
        if (h == null) {
            return binding;
        }
        try {
            int status = (int) h.init().invokeExact();
            if (status < 0) {
                return NativeBinding.unavailable(
                        binding.library() + ": sodium_init() failed (" + status + "): it could not open the"
                                + " system's random source",
                        null);
            }
        } catch (Throwable t) {
            return NativeBinding.unavailable(binding.library() + ": sodium_init() threw " + t, t);
        }
        return binding;
    }

    /** Whether this CPU runs libsodium's AES-256-GCM (it needs AES-NI and PCLMULQDQ). */
    static boolean aesGcmAvailable(Handles h) {
        try {
            return (int) h.aesGcmAvailable().invokeExact() != 0;
        } catch (Throwable t) {
            throw NativeLibrary.rethrow(t);
        }
    }
}
