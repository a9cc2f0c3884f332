package dev.arsenal.providers.java.crypto;

import aQute.bnd.annotation.Resolution;
import aQute.bnd.annotation.spi.ServiceProvider;
import dev.arsenal.ProviderKind;
import dev.arsenal.crypto.Aead;
import dev.arsenal.crypto.AeadAlgorithm;
import dev.arsenal.platform.PlatformInfo;
import dev.arsenal.spi.Availability;
import dev.arsenal.spi.Provider;
import dev.arsenal.spi.crypto.AbstractAeadProvider;
import java.security.GeneralSecurityException;
import java.security.Security;
import java.util.EnumSet;
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
public final class JdkCryptoProvider extends AbstractAeadProvider {
    /** The provider id, {@value}. */
    public static final String ID = "jdk-crypto";

    /** The JCA provider every cipher comes from. */
    static final String JCA_PROVIDER = "SunJCE";

    /** Called by {@link java.util.ServiceLoader}; loads nothing until {@link #probe}. */
    public JdkCryptoProvider() {
        super(ID, ProviderKind.JAVA, 100, EnumSet.allOf(AeadAlgorithm.class));
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
            Cipher.getInstance(JdkAead.CHACHA, sunJce);
            Cipher.getInstance(JdkAead.GCM, sunJce);
        } catch (GeneralSecurityException e) {
            return Availability.unavailable(JCA_PROVIDER + " cannot make a cipher: " + e.getMessage(), e);
        }
        return Availability.available();
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
