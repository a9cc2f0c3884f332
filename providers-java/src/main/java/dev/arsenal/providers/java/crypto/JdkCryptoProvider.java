package dev.arsenal.providers.java.crypto;

import aQute.bnd.annotation.Resolution;
import aQute.bnd.annotation.spi.ServiceProvider;
import dev.arsenal.Algorithm;
import dev.arsenal.ProviderKind;
import dev.arsenal.Strategy;
import dev.arsenal.crypto.Aead;
import dev.arsenal.crypto.AeadAlgorithm;
import dev.arsenal.platform.PlatformInfo;
import dev.arsenal.spi.Availability;
import dev.arsenal.spi.Provider;
import dev.arsenal.spi.crypto.AeadProvider;
import java.security.GeneralSecurityException;
import java.security.Security;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;
import javax.crypto.Cipher;
import org.osgi.service.component.annotations.Component;

/**
 * The JDK's own cryptography: SunJCE's {@code ChaCha20-Poly1305} and {@code AES/GCM/NoPadding},
 * asked for by provider name, so that an application that puts another JCA provider first (Arsenal's
 * own, later) does not route these calls back into itself. XChaCha20-Poly1305 is HChaCha20 ({@link
 * dev.arsenal.spi.crypto.HChaCha20}) in front of SunJCE's ChaCha20-Poly1305.
 *
 * <p>Available wherever SunJCE is (every JDK but some FIPS configurations, which remove it: the
 * probe then says so). Rank: 100, the Java base.
 */
@ServiceProvider(value = Provider.class, resolution = Resolution.OPTIONAL)
@Component(service = Provider.class, property = "service.ranking:Integer=100")
public final class JdkCryptoProvider implements AeadProvider {
    /** The provider id, {@value}. */
    public static final String ID = "jdk-crypto";

    /** The JCA provider every cipher comes from. */
    static final String JCA_PROVIDER = "SunJCE";

    private static final Set<AeadAlgorithm> ALGORITHMS =
            Collections.unmodifiableSet(EnumSet.allOf(AeadAlgorithm.class));

    /** Called by {@link java.util.ServiceLoader}; loads nothing until {@link #probe}. */
    public JdkCryptoProvider() {}

    /** {@value #ID}. */
    @Override
    public String id() {
        return ID;
    }

    /** {@link ProviderKind#JAVA}. */
    @Override
    public ProviderKind kind() {
        return ProviderKind.JAVA;
    }

    /** The four AEADs. */
    @Override
    public Set<AeadAlgorithm> algorithms() {
        return ALGORITHMS;
    }

    /** Available when SunJCE is installed and makes both ciphers. */
    @Override
    public Availability probe(PlatformInfo platform) {
        java.security.Provider sunJce = Security.getProvider(JCA_PROVIDER);
        if (sunJce == null) {
            return Availability.unavailable(
                    "the JDK's " + JCA_PROVIDER + " provider is not installed" + " (a FIPS configuration removes it)");
        }
        try {
            Cipher.getInstance(JdkAead.CHACHA, sunJce);
            Cipher.getInstance(JdkAead.GCM, sunJce);
        } catch (GeneralSecurityException e) {
            return Availability.unavailable(JCA_PROVIDER + " cannot make a cipher: " + e.getMessage(), e);
        }
        return Availability.available();
    }

    /** 100: the Java base. */
    @Override
    public int rank(Algorithm algorithm, Strategy strategy) {
        return 100;
    }

    @Override
    public Aead aead(AeadAlgorithm algorithm, byte[] key) {
        return new JdkAead(algorithm, key, Security.getProvider(JCA_PROVIDER));
    }

    /** What the provider uses. */
    @Override
    public String description() {
        return "the JDK's " + JCA_PROVIDER + ": ChaCha20-Poly1305 and AES-GCM (AES-NI and CLMUL intrinsics);"
                + " XChaCha20-Poly1305 through HChaCha20";
    }
}
