package dev.arsenal.providers.natives.crypto;

import aQute.bnd.annotation.Resolution;
import aQute.bnd.annotation.spi.ServiceProvider;
import dev.arsenal.Algorithm;
import dev.arsenal.ProviderKind;
import dev.arsenal.Strategy;
import dev.arsenal.crypto.Aead;
import dev.arsenal.crypto.AeadAlgorithm;
import dev.arsenal.crypto.Digest;
import dev.arsenal.crypto.DigestAlgorithm;
import dev.arsenal.crypto.DigestSpec;
import dev.arsenal.crypto.Kdf;
import dev.arsenal.crypto.KdfAlgorithm;
import dev.arsenal.crypto.Mac;
import dev.arsenal.crypto.MacAlgorithm;
import dev.arsenal.platform.PlatformInfo;
import dev.arsenal.providers.natives.jni.JniLibrary;
import dev.arsenal.spi.Availability;
import dev.arsenal.spi.Provider;
import dev.arsenal.spi.crypto.AbstractCryptoProvider;
import dev.arsenal.spi.crypto.AeadProvider;
import dev.arsenal.spi.crypto.DigestProvider;
import dev.arsenal.spi.crypto.Hkdf;
import dev.arsenal.spi.crypto.JcaAead;
import dev.arsenal.spi.crypto.JcaDigest;
import dev.arsenal.spi.crypto.JcaMac;
import dev.arsenal.spi.crypto.KdfProvider;
import dev.arsenal.spi.crypto.MacProvider;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.osgi.service.component.annotations.Component;

/**
 * Conscrypt's AEADs and digests ({@value #ID}): BoringSSL through Conscrypt 2.5.2's JNI library
 * (in its jar), used through its JCA provider object (never installed in {@code Security}):
 * ChaCha20-Poly1305, AES-128/256-GCM and XChaCha20-Poly1305 (HChaCha20 in front of its
 * ChaCha20-Poly1305), through the same {@link JcaAead} as the JDK's; SHA-256 and SHA-512 through
 * {@link JcaDigest}; HMAC through {@link JcaMac}, and HKDF over that HMAC ({@link Hkdf}).
 *
 * <p>Optional: the module {@code requires static org.conscrypt} and the bundle imports {@code
 * org.conscrypt} optionally. This class names no Conscrypt type; {@link #probe} first looks for
 * {@code org.conscrypt.Conscrypt}, then loads the native library (which needs native access for
 * Conscrypt's module, as zstd-jni does). The outcome is kept for the life of the class loader.
 *
 * <p>Rank 93 for the AEADs (below the JDK's intrinsics and libsodium), 85 for the digests (below
 * the JDK's SHA intrinsics); a calibration measures.
 */
@ServiceProvider(value = Provider.class, resolution = Resolution.OPTIONAL)
@Component(service = Provider.class, property = "service.ranking:Integer=93")
public final class ConscryptCryptoProvider extends AbstractCryptoProvider
        implements AeadProvider, DigestProvider, MacProvider, KdfProvider {
    /**
     * The digests made so far, one per algorithm: a digest is immutable and thread-safe, and making
     * one costs a {@code MessageDigest.getInstance}, more than hashing a short input.
     */
    private final Map<DigestAlgorithm, Digest> digests = new ConcurrentHashMap<>();

    /** The provider's id: {@value}. */
    public static final String ID = "conscrypt";

    private static final JniLibrary.Once PROBE = new JniLibrary.Once(
            "Conscrypt",
            () -> JniLibrary.probe(
                    "Conscrypt",
                    "org.conscrypt.Conscrypt",
                    "org.conscrypt",
                    ConscryptCryptoProvider.class.getClassLoader(),
                    ConscryptBindings::load));

    /** Called by {@link java.util.ServiceLoader}; loads nothing until {@link #probe}. */
    public ConscryptCryptoProvider() {
        super(
                ID,
                ProviderKind.NATIVE,
                93,
                List.of(
                        AeadAlgorithm.CHACHA20_POLY1305,
                        AeadAlgorithm.XCHACHA20_POLY1305,
                        AeadAlgorithm.AES_128_GCM,
                        AeadAlgorithm.AES_256_GCM,
                        DigestAlgorithm.SHA_256,
                        DigestAlgorithm.SHA_512,
                        MacAlgorithm.HMAC_SHA_256,
                        MacAlgorithm.HMAC_SHA_512,
                        KdfAlgorithm.HKDF_SHA_256,
                        KdfAlgorithm.HKDF_SHA_512));
    }

    @Override
    public Availability probe(PlatformInfo platform) {
        return PROBE.get();
    }

    @Override
    public int rank(Algorithm algorithm, Strategy strategy) {
        return algorithm instanceof AeadAlgorithm ? super.rank(algorithm, strategy) : 85;
    }

    @Override
    public Aead aead(AeadAlgorithm algorithm, byte[] key) {
        requireAvailable();
        return new JcaAead(algorithm, key, ConscryptBindings.provider(), ConscryptBindings.CHACHA);
    }

    @Override
    public Digest digest(DigestAlgorithm algorithm, DigestSpec spec) {
        requireAvailable();
        return digests.computeIfAbsent(algorithm, a -> new JcaDigest(a, ConscryptBindings.provider()));
    }

    @Override
    public Mac mac(MacAlgorithm algorithm, byte[] key) {
        requireAvailable();
        return new JcaMac(algorithm, key, ConscryptBindings.provider());
    }

    /** HKDF over Conscrypt's HMAC ({@link Hkdf}): Conscrypt 2.5.2 has no HKDF of its own. */
    @Override
    public Kdf kdf(KdfAlgorithm algorithm) {
        requireAvailable();
        return new Hkdf(algorithm, key -> new JcaMac(algorithm.mac(), key, ConscryptBindings.provider()));
    }

    private void requireAvailable() {
        Availability a = probe(null);
        if (!a.isAvailable()) {
            throw new IllegalStateException(ID + " is unavailable: " + a.cause());
        }
    }

    @Override
    public String description() {
        return "Conscrypt's BoringSSL through JNI (its JCA ciphers, digests and MACs, asked by object);"
                + " XChaCha20-Poly1305 through HChaCha20, HKDF over its HMAC";
    }
}
