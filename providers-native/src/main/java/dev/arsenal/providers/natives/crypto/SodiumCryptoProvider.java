package dev.arsenal.providers.natives.crypto;

import aQute.bnd.annotation.Resolution;
import aQute.bnd.annotation.spi.ServiceProvider;
import dev.arsenal.Algorithm;
import dev.arsenal.ProviderKind;
import dev.arsenal.Strategy;
import dev.arsenal.crypto.Aead;
import dev.arsenal.crypto.AeadAlgorithm;
import dev.arsenal.crypto.Agreement;
import dev.arsenal.crypto.CurvePrivateKey;
import dev.arsenal.crypto.CurvePublicKey;
import dev.arsenal.crypto.Digest;
import dev.arsenal.crypto.DigestAlgorithm;
import dev.arsenal.crypto.DigestSpec;
import dev.arsenal.crypto.KeyAgreementAlgorithm;
import dev.arsenal.crypto.SecretBuffer;
import dev.arsenal.crypto.SecretMemoryAlgorithm;
import dev.arsenal.crypto.SignatureAlgorithm;
import dev.arsenal.crypto.Signer;
import dev.arsenal.crypto.Verifier;
import dev.arsenal.platform.PlatformInfo;
import dev.arsenal.providers.natives.ffm.NativeBinding;
import dev.arsenal.report.SelfTest;
import dev.arsenal.spi.Availability;
import dev.arsenal.spi.Provider;
import dev.arsenal.spi.Requirement;
import dev.arsenal.spi.crypto.AbstractCryptoProvider;
import dev.arsenal.spi.crypto.AeadProvider;
import dev.arsenal.spi.crypto.DigestProvider;
import dev.arsenal.spi.crypto.KeyAgreementProvider;
import dev.arsenal.spi.crypto.SecretMemoryProvider;
import dev.arsenal.spi.crypto.SignatureProvider;
import java.util.List;
import org.osgi.service.component.annotations.Component;

/**
 * libsodium's AEADs and digests through FFM ({@value #ID}): ChaCha20-Poly1305 (IETF, 96-bit
 * nonce), XChaCha20-Poly1305 and AES-256-GCM; SHA-256, SHA-512 and BLAKE2b; Ed25519 and X25519
 * ({@link SodiumCurves}); secret buffers from its guarded heap ({@link SodiumSecretMemory}); from the system's
 * libsodium 1.0.x. libsodium has no
 * AES-128-GCM, and runs AES-256-GCM only on a CPU with AES-NI and PCLMULQDQ: elsewhere that
 * algorithm's self-test fails with that reason and another provider serves it.
 *
 * <p>Ranked below the JDK (100): the JDK's AES-GCM is an intrinsic and its ChaCha20-Poly1305 fast,
 * so by rank libsodium serves XChaCha20-Poly1305 only where the JDK has no HChaCha20 of its own
 * to lean on; a calibration measures the rest.
 */
@ServiceProvider(value = Provider.class, resolution = Resolution.OPTIONAL)
@Component(service = Provider.class, property = "service.ranking:Integer=95")
public final class SodiumCryptoProvider extends AbstractCryptoProvider
        implements AeadProvider, DigestProvider, SignatureProvider, KeyAgreementProvider, SecretMemoryProvider {
    /** The provider's id: {@value}. */
    public static final String ID = "libsodium";

    /** Makes the provider; libsodium is bound at the first probe. */
    public SodiumCryptoProvider() {
        super(
                ID,
                ProviderKind.NATIVE,
                95,
                List.of(
                        AeadAlgorithm.CHACHA20_POLY1305,
                        AeadAlgorithm.XCHACHA20_POLY1305,
                        AeadAlgorithm.AES_256_GCM,
                        DigestAlgorithm.SHA_256,
                        DigestAlgorithm.SHA_512,
                        DigestAlgorithm.BLAKE2B,
                        SignatureAlgorithm.ED25519,
                        KeyAgreementAlgorithm.X25519,
                        SecretMemoryAlgorithm.SECRET_MEMORY));
    }

    @Override
    public List<Requirement> requirements() {
        return List.of(new Requirement.NativeLibrary("libsodium.so.23"));
    }

    @Override
    public Availability probe(PlatformInfo platform) {
        try {
            return SodiumBindings.binding().availability();
        } catch (RuntimeException | Error e) {
            return Availability.unavailable("binding libsodium failed: " + e, e);
        }
    }

    @Override
    public SelfTest selfTest(Algorithm algorithm) {
        if (algorithm == AeadAlgorithm.AES_256_GCM && !SodiumBindings.aesGcmAvailable(SodiumBindings.handles())) {
            return new SelfTest(
                    SelfTest.Status.FAILED,
                    "libsodium runs AES-256-GCM only with AES-NI and PCLMULQDQ"
                            + " (crypto_aead_aes256gcm_is_available() is 0 on this CPU)");
        }
        return super.selfTest(algorithm);
    }

    /**
     * 95 for the AEADs; for the digests, 80 for SHA-2 (below the JDK's, which HotSpot compiles to
     * the CPU's SHA instructions) and 110 for BLAKE2b (above Bouncy Castle's pure Java); 115 for
     * Ed25519 and X25519; 120 for secret memory (guard pages, above the C library's 110).
     */
    @Override
    public int rank(Algorithm algorithm, Strategy strategy) {
        if (algorithm == DigestAlgorithm.BLAKE2B) {
            return 110;
        }
        if (algorithm instanceof SignatureAlgorithm || algorithm instanceof KeyAgreementAlgorithm) {
            return 115;
        }
        if (algorithm == SecretMemoryAlgorithm.SECRET_MEMORY) {
            return 120;
        }
        return algorithm instanceof DigestAlgorithm ? 80 : super.rank(algorithm, strategy);
    }

    /**
     * The AEADs below 1 KiB: 107, above OpenSSL's (105) and the JDK's (100). One stateless call per
     * message, no context to set up: 1.7-1.8x OpenSSL and 1.7-3.5x the JDK at 64 B; from 1 KiB they
     * are faster (docs/benchmarks.md). Elsewhere as {@link #rank(Algorithm, Strategy)}.
     */
    @Override
    public int rank(Algorithm algorithm, Strategy strategy, long inputSize) {
        if (algorithm instanceof AeadAlgorithm && inputSize < 1024 && strategy != Strategy.MINIMAL_MEMORY) {
            return 107;
        }
        return rank(algorithm, strategy);
    }

    @Override
    public Digest digest(DigestAlgorithm algorithm, DigestSpec spec) {
        if (!algorithms().contains(algorithm)) {
            throw new UnsupportedOperationException(ID + " has no " + algorithm.id());
        }
        SodiumBindings.digestHandles(); // throws with the cause if libsodium is unavailable
        return new SodiumDigest(algorithm, spec);
    }

    @Override
    public Aead aead(AeadAlgorithm algorithm, byte[] key) {
        if (!algorithms().contains(algorithm)) {
            throw new UnsupportedOperationException(ID + " has no " + algorithm.id());
        }
        SodiumBindings.Handles h = SodiumBindings.handles();
        if (algorithm == AeadAlgorithm.AES_256_GCM && !SodiumBindings.aesGcmAvailable(h)) {
            throw new UnsupportedOperationException(ID + " runs AES-256-GCM only with AES-NI and PCLMULQDQ");
        }
        return new SodiumAead(algorithm, key);
    }

    @Override
    public Signer signer(SignatureAlgorithm algorithm, CurvePrivateKey key) {
        return new SodiumCurves.Signer(key);
    }

    @Override
    public Verifier verifier(SignatureAlgorithm algorithm, CurvePublicKey key) {
        return new SodiumCurves.Verifier(key);
    }

    @Override
    public Agreement agreement(KeyAgreementAlgorithm algorithm, CurvePrivateKey key) {
        return new SodiumCurves.Agreement(key);
    }

    @Override
    public SecretBuffer allocate(long byteSize) {
        return SodiumSecretMemory.allocate(byteSize);
    }

    @Override
    public String description() {
        String library;
        try {
            NativeBinding<?> b = SodiumBindings.binding();
            library = b.handles() != null ? b.library() : "libsodium (not loaded)";
        } catch (RuntimeException | Error e) {
            library = "libsodium (not loaded)";
        }
        return library
                + " through FFM: IETF AEADs, SHA-256, SHA-512, BLAKE2b, Ed25519 and X25519, on Java arrays in place"
                + " up to 256 KiB; secret buffers from sodium_malloc (guard pages)";
    }
}
