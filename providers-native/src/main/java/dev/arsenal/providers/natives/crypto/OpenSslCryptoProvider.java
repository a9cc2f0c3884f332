package dev.arsenal.providers.natives.crypto;

import aQute.bnd.annotation.Resolution;
import aQute.bnd.annotation.spi.ServiceProvider;
import dev.arsenal.Algorithm;
import dev.arsenal.ProviderKind;
import dev.arsenal.Strategy;
import dev.arsenal.crypto.Aead;
import dev.arsenal.crypto.AeadAlgorithm;
import dev.arsenal.platform.PlatformInfo;
import dev.arsenal.providers.natives.ffm.NativeBinding;
import dev.arsenal.spi.Availability;
import dev.arsenal.spi.Provider;
import dev.arsenal.spi.Requirement;
import dev.arsenal.spi.crypto.AbstractCryptoProvider;
import dev.arsenal.spi.crypto.AeadProvider;
import java.util.EnumSet;
import java.util.List;
import org.osgi.service.component.annotations.Component;

/**
 * OpenSSL's AEADs through FFM ({@value #ID}): AES-128-GCM, AES-256-GCM and ChaCha20-Poly1305 from
 * the system's libcrypto 3 (EVP), and XChaCha20-Poly1305 as HChaCha20 and OpenSSL's
 * ChaCha20-Poly1305.
 *
 * <p>Rank 105 for ChaCha20-Poly1305 and XChaCha20-Poly1305, above the JDK's (100): OpenSSL's
 * assembly measured 1.4x the JDK's intrinsics from 16 KiB and ahead at every size from 64 B
 * ({@code AeadBenchmark}, docs/benchmarks.md); 92 for AES-GCM, below the JDK's, which is faster
 * from 1 KiB once warm.
 */
@ServiceProvider(value = Provider.class, resolution = Resolution.OPTIONAL)
@Component(service = Provider.class, property = "service.ranking:Integer=92")
public final class OpenSslCryptoProvider extends AbstractCryptoProvider implements AeadProvider {
    /** The provider's id: {@value}. */
    public static final String ID = "openssl";

    /** Makes the provider; libcrypto is bound at the first probe. */
    public OpenSslCryptoProvider() {
        super(ID, ProviderKind.NATIVE, 92, EnumSet.allOf(AeadAlgorithm.class));
    }

    @Override
    public int rank(Algorithm algorithm, Strategy strategy) {
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

    @Override
    public String description() {
        String library;
        try {
            NativeBinding<?> b = OpenSslBindings.binding();
            library = b.handles() != null ? b.library() : "libcrypto (not loaded)";
        } catch (RuntimeException | Error e) {
            library = "libcrypto (not loaded)";
        }
        return library + " through FFM: EVP AEADs, contexts pooled per key; XChaCha20-Poly1305 through HChaCha20";
    }
}
