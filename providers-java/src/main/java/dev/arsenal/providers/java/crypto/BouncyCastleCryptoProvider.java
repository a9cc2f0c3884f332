package dev.arsenal.providers.java.crypto;

import aQute.bnd.annotation.Resolution;
import aQute.bnd.annotation.spi.ServiceProvider;
import dev.arsenal.Algorithm;
import dev.arsenal.ProviderKind;
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
import dev.arsenal.spi.Availability;
import dev.arsenal.spi.Provider;
import dev.arsenal.spi.crypto.AbstractCryptoProvider;
import dev.arsenal.spi.crypto.AeadProvider;
import dev.arsenal.spi.crypto.DigestProvider;
import dev.arsenal.spi.crypto.KdfProvider;
import dev.arsenal.spi.crypto.KeyAgreementProvider;
import dev.arsenal.spi.crypto.MacProvider;
import dev.arsenal.spi.crypto.SignatureProvider;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.Set;
import org.osgi.service.component.annotations.Component;

/**
 * Bouncy Castle's lightweight API (bcprov, pure Java): its {@code ChaCha20Poly1305} and {@code
 * GCMBlockCipher} over {@code AESEngine}, used directly rather than through the JCA, and
 * XChaCha20-Poly1305 as HChaCha20 in front of its ChaCha20-Poly1305; and its digests, {@code
 * SHA256Digest}, {@code SHA512Digest}, {@code Blake2bDigest} and {@code Blake3Digest}, every length
 * and key the algorithms take; {@code HMac} and {@code HKDFBytesGenerator}; the low-level {@code rfc8032.Ed25519} and {@code
 * rfc7748.X25519}.
 *
 * <p>Optional: this class names no Bouncy Castle type, so it loads without bcprov; {@link #probe}
 * looks for it and says so when it is missing. Rank: 90,
 * below the JDK's, whose AES-GCM and ChaCha20 HotSpot compiles to vector instructions.
 */
@ServiceProvider(value = Provider.class, resolution = Resolution.OPTIONAL)
@Component(service = Provider.class, property = "service.ranking:Integer=90")
public final class BouncyCastleCryptoProvider extends AbstractCryptoProvider
        implements AeadProvider, DigestProvider, MacProvider, KdfProvider, SignatureProvider, KeyAgreementProvider {
    /** The provider id, {@value}. */
    public static final String ID = "bouncycastle";

    /** A class of bcprov's that the provider uses. */
    static final String PROBE_CLASS = "org.bouncycastle.crypto.modes.ChaCha20Poly1305";

    /** Called by {@link java.util.ServiceLoader}; loads nothing until {@link #probe}. */
    public BouncyCastleCryptoProvider() {
        super(ID, ProviderKind.JAVA, 90, served());
    }

    /** Available when bcprov is visible to this provider's class loader. */
    @Override
    public Availability probe(PlatformInfo platform) {
        try {
            Class.forName(PROBE_CLASS, false, BouncyCastleCryptoProvider.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            return Availability.unavailable("Bouncy Castle (bcprov-jdk18on) not found: not on the class path, or on"
                    + " the module path without --add-modules org.bouncycastle.provider");
        }
        return Availability.available();
    }

    private static Set<Algorithm> served() {
        Set<Algorithm> all = new LinkedHashSet<>(EnumSet.allOf(AeadAlgorithm.class));
        all.addAll(EnumSet.allOf(DigestAlgorithm.class));
        all.addAll(EnumSet.allOf(MacAlgorithm.class));
        all.addAll(EnumSet.allOf(KdfAlgorithm.class));
        all.addAll(EnumSet.allOf(SignatureAlgorithm.class));
        all.addAll(EnumSet.allOf(KeyAgreementAlgorithm.class));
        return all;
    }

    @Override
    public Digest digest(DigestAlgorithm algorithm, DigestSpec spec) {
        return new BouncyCastleDigest(algorithm, spec);
    }

    @Override
    public Mac mac(MacAlgorithm algorithm, byte[] key) {
        return new BouncyCastleMacs.Mac(algorithm, key);
    }

    @Override
    public Kdf kdf(KdfAlgorithm algorithm) {
        return new BouncyCastleMacs.Hkdf(algorithm);
    }

    @Override
    public Aead aead(AeadAlgorithm algorithm, byte[] key) {
        return new BouncyCastleAead(algorithm, key);
    }

    @Override
    public Signer signer(SignatureAlgorithm algorithm, CurvePrivateKey key) {
        return new BouncyCastleCurves.Signer(key);
    }

    @Override
    public Verifier verifier(SignatureAlgorithm algorithm, CurvePublicKey key) {
        return new BouncyCastleCurves.Verifier(key);
    }

    @Override
    public Agreement agreement(KeyAgreementAlgorithm algorithm, CurvePrivateKey key) {
        return new BouncyCastleCurves.Agreement(key);
    }

    /** What the provider uses. */
    @Override
    public String description() {
        return "Bouncy Castle's lightweight ChaCha20Poly1305 and GCMBlockCipher (pure Java);"
                + " XChaCha20-Poly1305 through HChaCha20; SHA-256, SHA-512, BLAKE2b and BLAKE3 digests; HMac, HKDF;"
                + " rfc8032.Ed25519 and rfc7748.X25519";
    }
}
