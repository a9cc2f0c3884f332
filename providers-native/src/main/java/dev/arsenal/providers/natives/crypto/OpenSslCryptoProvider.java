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
import dev.arsenal.crypto.Kdf;
import dev.arsenal.crypto.KdfAlgorithm;
import dev.arsenal.crypto.KeyAgreementAlgorithm;
import dev.arsenal.crypto.Mac;
import dev.arsenal.crypto.MacAlgorithm;
import dev.arsenal.crypto.SignatureAlgorithm;
import dev.arsenal.crypto.Signer;
import dev.arsenal.crypto.Verifier;
import dev.arsenal.platform.PlatformInfo;
import dev.arsenal.providers.natives.ffm.NativeBinding;
import dev.arsenal.spi.Availability;
import dev.arsenal.spi.Provider;
import dev.arsenal.spi.Requirement;
import dev.arsenal.spi.crypto.AbstractCryptoProvider;
import dev.arsenal.spi.crypto.AeadProvider;
import dev.arsenal.spi.crypto.DigestProvider;
import dev.arsenal.spi.crypto.Hkdf;
import dev.arsenal.spi.crypto.KdfProvider;
import dev.arsenal.spi.crypto.KeyAgreementProvider;
import dev.arsenal.spi.crypto.MacProvider;
import dev.arsenal.spi.crypto.SignatureProvider;
import java.util.EnumSet;
import java.util.List;
import org.osgi.service.component.annotations.Component;

/**
 * OpenSSL's AEADs through FFM ({@value #ID}): AES-128-GCM, AES-256-GCM and ChaCha20-Poly1305 from
 * the system's libcrypto 3 (EVP), and XChaCha20-Poly1305 as HChaCha20 and OpenSSL's
 * ChaCha20-Poly1305; Ed25519 and X25519 through {@code EVP_PKEY} ({@link OpenSslCurves}).
 *
 * <p>Rank 105 for ChaCha20-Poly1305 and XChaCha20-Poly1305, above the JDK's (100): OpenSSL's
 * assembly measured 1.4x the JDK's intrinsics from 16 KiB and ahead at every size from 64 B
 * ({@code AeadBenchmark}, docs/benchmarks.md); 92 for AES-GCM, below the JDK's, which is faster
 * from 1 KiB once warm; 110 for Ed25519 and X25519, above Bouncy Castle's and the JDK's pure Java;
 * 75 for its digests (SHA-256, SHA-512, BLAKE2b-512: {@link OpenSslDigest}), HMAC ({@link
 * OpenSslMac}) and HKDF over it, below the JDK's SHA intrinsics and libsodium's BLAKE2b, which
 * serve every length and key.
 */
@ServiceProvider(value = Provider.class, resolution = Resolution.OPTIONAL)
@Component(service = Provider.class, property = "service.ranking:Integer=92")
public final class OpenSslCryptoProvider extends AbstractCryptoProvider
        implements AeadProvider, DigestProvider, MacProvider, KdfProvider, SignatureProvider, KeyAgreementProvider {
    /** The provider's id: {@value}. */
    public static final String ID = "openssl";

    /** Makes the provider; libcrypto is bound at the first probe. */
    public OpenSslCryptoProvider() {
        super(ID, ProviderKind.NATIVE, 92, served());
    }

    private static List<Algorithm> served() {
        List<Algorithm> all = new java.util.ArrayList<>(EnumSet.allOf(AeadAlgorithm.class));
        all.add(DigestAlgorithm.SHA_256);
        all.add(DigestAlgorithm.SHA_512);
        all.add(DigestAlgorithm.BLAKE2B);
        all.addAll(EnumSet.allOf(MacAlgorithm.class));
        all.addAll(EnumSet.allOf(KdfAlgorithm.class));
        all.add(SignatureAlgorithm.ED25519);
        all.add(KeyAgreementAlgorithm.X25519);
        return all;
    }

    @Override
    public int rank(Algorithm algorithm, Strategy strategy) {
        if (algorithm instanceof SignatureAlgorithm || algorithm instanceof KeyAgreementAlgorithm) {
            return 110;
        }
        if (algorithm instanceof DigestAlgorithm
                || algorithm instanceof MacAlgorithm
                || algorithm instanceof KdfAlgorithm) {
            return 75;
        }
        return algorithm == AeadAlgorithm.CHACHA20_POLY1305 || algorithm == AeadAlgorithm.XCHACHA20_POLY1305
                ? 105
                : super.rank(algorithm, strategy);
    }

    @Override
    public List<Requirement> requirements() {
        return List.of(new Requirement.NativeLibrary("libcrypto.so.3"));
    }

    @Override
    public Availability probe(PlatformInfo platform) {
        try {
            return OpenSslBindings.binding().availability();
        } catch (RuntimeException | Error e) {
            return Availability.unavailable("binding libcrypto failed: " + e, e);
        }
    }

    @Override
    public Aead aead(AeadAlgorithm algorithm, byte[] key) {
        OpenSslBindings.handles(); // throws with the cause if libcrypto is unavailable
        return new OpenSslAead(algorithm, key);
    }

    /** SHA-256 and SHA-512 as they are; BLAKE2b at 64 bytes without a key only (OpenSSL 3.0). */
    @Override
    public boolean supports(DigestAlgorithm algorithm, DigestSpec spec) {
        return OpenSslDigest.supports(algorithm, spec);
    }

    @Override
    public Digest digest(DigestAlgorithm algorithm, DigestSpec spec) {
        if (!supports(algorithm, spec)) {
            throw new UnsupportedOperationException(ID + " does not give " + algorithm.id() + " as " + spec);
        }
        return new OpenSslDigest(algorithm, spec);
    }

    @Override
    public Mac mac(MacAlgorithm algorithm, byte[] key) {
        return new OpenSslMac(algorithm, key);
    }

    /** HKDF ({@link Hkdf}, RFC 5869) over OpenSSL's HMAC. */
    @Override
    public Kdf kdf(KdfAlgorithm algorithm) {
        return new Hkdf(algorithm, key -> new OpenSslMac(algorithm.mac(), key));
    }

    @Override
    public Signer signer(SignatureAlgorithm algorithm, CurvePrivateKey key) {
        return new OpenSslCurves.Signer(key);
    }

    @Override
    public Verifier verifier(SignatureAlgorithm algorithm, CurvePublicKey key) {
        return new OpenSslCurves.Verifier(key);
    }

    @Override
    public Agreement agreement(KeyAgreementAlgorithm algorithm, CurvePrivateKey key) {
        return new OpenSslCurves.Agreement(key);
    }

    @Override
    public String description() {
        String library;
        try {
            NativeBinding<?> b = OpenSslBindings.binding();
            library = b.handles() != null ? b.library() : "libcrypto (not loaded)";
        } catch (RuntimeException | Error e) {
            library = "libcrypto (not loaded)";
        }
        return library + " through FFM: EVP AEADs, contexts pooled per key; XChaCha20-Poly1305 through HChaCha20;"
                + " SHA-256, SHA-512 and BLAKE2b-512 through EVP_Digest; HMAC through EVP_MAC, HKDF over it;"
                + " Ed25519 and X25519 through EVP_PKEY";
    }
}
