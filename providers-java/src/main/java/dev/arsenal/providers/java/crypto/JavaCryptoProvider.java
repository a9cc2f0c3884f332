package dev.arsenal.providers.java.crypto;

import aQute.bnd.annotation.Resolution;
import aQute.bnd.annotation.spi.ServiceProvider;
import dev.arsenal.ProviderKind;
import dev.arsenal.crypto.Digest;
import dev.arsenal.crypto.DigestAlgorithm;
import dev.arsenal.crypto.DigestSpec;
import dev.arsenal.platform.PlatformInfo;
import dev.arsenal.spi.Availability;
import dev.arsenal.spi.Provider;
import dev.arsenal.spi.crypto.AbstractCryptoProvider;
import dev.arsenal.spi.crypto.Blake3Digest;
import dev.arsenal.spi.crypto.DigestProvider;
import java.util.Set;
import org.osgi.service.component.annotations.Component;

/**
 * Arsenal's own pure-Java crypto ({@value #ID}): BLAKE3 ({@link dev.arsenal.spi.crypto.Blake3},
 * the compression function unrolled over local variables, one chunk at a time), every mode and
 * output length. Always available. Rank 100, above Bouncy Castle's {@code Blake3Digest} (90) and
 * below the SIMD provider's vector batch.
 */
@ServiceProvider(value = Provider.class, resolution = Resolution.OPTIONAL)
@Component(service = Provider.class, property = "service.ranking:Integer=100")
public final class JavaCryptoProvider extends AbstractCryptoProvider implements DigestProvider {
    /** The provider's id: {@value}. */
    public static final String ID = "java-crypto";

    /** Makes the provider. */
    public JavaCryptoProvider() {
        super(ID, ProviderKind.JAVA, 100, Set.of(DigestAlgorithm.BLAKE3));
    }

    @Override
    public Availability probe(PlatformInfo platform) {
        return Availability.available();
    }

    @Override
    public Digest digest(DigestAlgorithm algorithm, DigestSpec spec) {
        if (algorithm != DigestAlgorithm.BLAKE3) {
            throw new UnsupportedOperationException(ID + " has no " + algorithm.id());
        }
        return new Blake3Digest(spec, null);
    }

    @Override
    public String description() {
        return "Arsenal's pure-Java BLAKE3 (hash, keyed, derive_key, any output length)";
    }
}
