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
import dev.arsenal.crypto.SecretBuffer;
import dev.arsenal.crypto.SecretMemoryAlgorithm;
import dev.arsenal.crypto.SignatureAlgorithm;
import dev.arsenal.crypto.Signer;
import dev.arsenal.crypto.Verifier;
import dev.arsenal.platform.PlatformInfo;
import dev.arsenal.spi.Availability;
import dev.arsenal.spi.Provider;
import dev.arsenal.spi.crypto.AbstractCryptoProvider;
import dev.arsenal.spi.crypto.AeadProvider;
import dev.arsenal.spi.crypto.DigestProvider;
import dev.arsenal.spi.crypto.JcaAead;
import dev.arsenal.spi.crypto.JcaDigest;
import dev.arsenal.spi.crypto.JcaMac;
import dev.arsenal.spi.crypto.KdfProvider;
import dev.arsenal.spi.crypto.KeyAgreementProvider;
import dev.arsenal.spi.crypto.MacProvider;
import dev.arsenal.spi.crypto.SecretBuffers;
import dev.arsenal.spi.crypto.SecretMemoryProvider;
import dev.arsenal.spi.crypto.SignatureProvider;
import java.security.GeneralSecurityException;
import java.security.Security;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Cipher;
import org.osgi.service.component.annotations.Component;

/**
 * The JDK's own cryptography: SunJCE's {@code ChaCha20-Poly1305} and {@code AES/GCM/NoPadding},
 * asked for by provider name, so that an application that puts another JCA provider first (Arsenal's
 * own, later) does not route these calls back into itself. XChaCha20-Poly1305 is HChaCha20 ({@link
 * dev.arsenal.spi.crypto.HChaCha20}) in front of SunJCE's ChaCha20-Poly1305. SHA-256 and SHA-512
 * are the {@code SUN} provider's {@link java.security.MessageDigest}s, which HotSpot compiles to the
 * CPU's SHA instructions where it has them. HMAC-SHA-256/512 are SunJCE's {@code Mac}s, HKDF the
 * JDK's {@link javax.crypto.KDF}; Ed25519 and X25519 are SunEC's ({@link JdkCurves});
 * secret buffers are the JDK's off-heap memory, zeroed when closed.
 *
 * <p>Available wherever SunJCE is (every JDK but some FIPS configurations, which remove it: the
 * probe then says so). Rank: 100, the Java base.
 */
@ServiceProvider(value = Provider.class, resolution = Resolution.OPTIONAL)
@Component(service = Provider.class, property = "service.ranking:Integer=100")
public final class JdkCryptoProvider extends AbstractCryptoProvider
        implements AeadProvider,
                DigestProvider,
                MacProvider,
                KdfProvider,
                SignatureProvider,
                KeyAgreementProvider,
                SecretMemoryProvider {
    /**
     * The digests made so far, one per algorithm: a digest is immutable and thread-safe, and making
     * one costs a {@code MessageDigest.getInstance}, more than hashing a short input.
     */
    private final Map<DigestAlgorithm, Digest> digests = new ConcurrentHashMap<>();

    /** The provider id, {@value}. */
    public static final String ID = "jdk-crypto";

    /** The JCA provider every cipher comes from. */
    static final String JCA_PROVIDER = "SunJCE";

    /** SunJCE's name of ChaCha20-Poly1305: {@value}. */
    static final String CHACHA = "ChaCha20-Poly1305";

    /** The JCA provider of the JDK's message digests: {@value}. */
    static final String DIGEST_PROVIDER = "SUN";

    /** Called by {@link java.util.ServiceLoader}; loads nothing until {@link #probe}. */
    public JdkCryptoProvider() {
        super(ID, ProviderKind.JAVA, 100, served());
    }

    /** Available when SunJCE is installed and makes both ciphers. */
    @Override
    public Availability probe(PlatformInfo platform) {
        java.security.Provider sunJce = Security.getProvider(JCA_PROVIDER);
        if (sunJce == null) {
            return Availability.unavailable(
                    "the JDK's " + JCA_PROVIDER + " provider is not installed (a FIPS configuration removes it)");
        }
        try {
            Cipher.getInstance(CHACHA, sunJce);
            Cipher.getInstance("AES/GCM/NoPadding", sunJce);
        } catch (GeneralSecurityException e) {
            return Availability.unavailable(JCA_PROVIDER + " cannot make a cipher: " + e.getMessage(), e);
        }
        return Availability.available();
    }

    private static Set<Algorithm> served() {
        Set<Algorithm> all = new LinkedHashSet<>(EnumSet.allOf(AeadAlgorithm.class));
        all.add(DigestAlgorithm.SHA_256);
        all.add(DigestAlgorithm.SHA_512);
        all.addAll(EnumSet.allOf(MacAlgorithm.class));
        all.addAll(EnumSet.allOf(KdfAlgorithm.class));
        all.addAll(EnumSet.allOf(SignatureAlgorithm.class));
        all.addAll(EnumSet.allOf(KeyAgreementAlgorithm.class));
        all.add(SecretMemoryAlgorithm.SECRET_MEMORY);
        return all;
    }

    @Override
    public Digest digest(DigestAlgorithm algorithm, DigestSpec spec) {
        java.security.Provider sun = Security.getProvider(DIGEST_PROVIDER);
        if (sun == null) {
            throw new IllegalStateException("the JDK's " + DIGEST_PROVIDER + " provider is not installed");
        }
        return digests.computeIfAbsent(algorithm, a -> new JcaDigest(a, sun));
    }

    @Override
    public Mac mac(MacAlgorithm algorithm, byte[] key) {
        return new JcaMac(algorithm, key, Security.getProvider(JCA_PROVIDER));
    }

    @Override
    public Kdf kdf(KdfAlgorithm algorithm) {
        return new JdkKdf(algorithm, Security.getProvider(JCA_PROVIDER));
    }

    @Override
    public Aead aead(AeadAlgorithm algorithm, byte[] key) {
        return new JcaAead(algorithm, key, Security.getProvider(JCA_PROVIDER), CHACHA);
    }

    @Override
    public Signer signer(SignatureAlgorithm algorithm, CurvePrivateKey key) {
        return new JdkCurves.Signer(key, JdkCurves.sunEc());
    }

    @Override
    public Verifier verifier(SignatureAlgorithm algorithm, CurvePublicKey key) {
        return new JdkCurves.Verifier(key, JdkCurves.sunEc());
    }

    @Override
    public Agreement agreement(KeyAgreementAlgorithm algorithm, CurvePrivateKey key) {
        return new JdkCurves.Agreement(key, JdkCurves.sunEc());
    }

    /**
     * 100, the Java base, but 60 for Ed25519 and X25519: SunEC's are the slowest here (docs/benchmarks.md),
     * so Bouncy Castle's (90) serve them where no native library does.
     */
    @Override
    public int rank(Algorithm algorithm, dev.arsenal.Strategy strategy) {
        return algorithm instanceof SignatureAlgorithm || algorithm instanceof KeyAgreementAlgorithm
                ? 60
                : super.rank(algorithm, strategy);
    }

    /** The JDK's memory ({@code Arena.ofShared()}), zeroed on close: no locking without native code. */
    @Override
    public SecretBuffer allocate(long byteSize) {
        return SecretBuffers.ofArena(byteSize);
    }

    /** What the provider uses. */
    @Override
    public String description() {
        return "the JDK's " + JCA_PROVIDER + ": ChaCha20-Poly1305 and AES-GCM (AES-NI and CLMUL intrinsics);"
                + " XChaCha20-Poly1305 through HChaCha20; " + DIGEST_PROVIDER
                + "'s SHA-256 and SHA-512 (SHA intrinsics); " + JdkCurves.PROVIDER + "'s Ed25519 and X25519";
    }
}
