package dev.arsenal.providers.simd.crypto;

import aQute.bnd.annotation.Resolution;
import aQute.bnd.annotation.spi.ServiceProvider;
import dev.arsenal.Algorithm;
import dev.arsenal.ProviderKind;
import dev.arsenal.Strategy;
import dev.arsenal.crypto.Digest;
import dev.arsenal.crypto.DigestAlgorithm;
import dev.arsenal.crypto.DigestSpec;
import dev.arsenal.platform.PlatformInfo;
import dev.arsenal.providers.simd.vector.VectorSupport;
import dev.arsenal.spi.Availability;
import dev.arsenal.spi.Provider;
import dev.arsenal.spi.Requirement;
import dev.arsenal.spi.crypto.AbstractCryptoProvider;
import dev.arsenal.spi.crypto.Blake3;
import dev.arsenal.spi.crypto.Blake3Digest;
import dev.arsenal.spi.crypto.DigestProvider;
import java.lang.invoke.MethodHandles;
import java.util.List;
import java.util.Set;
import org.osgi.service.component.annotations.Component;

/**
 * BLAKE3 on the Vector API ({@value #ID}): {@link Blake3} with a {@link Blake3.ChunkBatch} that
 * hashes 8 or 16 chunks at once, one per lane of 256- or 512-bit vectors ({@code Blake3Vector},
 * loaded only after the probe found the Vector API usable). The tree above the chunks, and so every
 * output byte, is {@link Blake3}'s, as in the Java provider. An input of fewer chunks than a batch
 * runs the same scalar code as the Java provider, so no size pays for the vectors it does not use.
 */
@ServiceProvider(value = Provider.class, resolution = Resolution.OPTIONAL)
@Component(service = Provider.class, property = "service.ranking:Integer=150")
public final class SimdCryptoProvider extends AbstractCryptoProvider implements DigestProvider {
    /** The provider's id: {@value}. */
    public static final String ID = "simd-crypto";

    private static final String KERNEL_CLASS = "dev.arsenal.providers.simd.crypto.Blake3Vector";

    private final int maxBits;
    private volatile Blake3.ChunkBatch batch;

    /** Makes the provider; the Vector API is looked for at the probe. */
    public SimdCryptoProvider() {
        this(0);
    }

    /** A provider whose vectors are at most {@code maxBits} wide (0: as the platform prefers). */
    SimdCryptoProvider(int maxBits) {
        super(ID, ProviderKind.SIMD, 150, Set.of(DigestAlgorithm.BLAKE3));
        this.maxBits = maxBits;
    }

    @Override
    public List<Requirement> requirements() {
        return List.of(new Requirement.JdkModule(VectorSupport.MODULE));
    }

    @Override
    public Availability probe(PlatformInfo platform) {
        VectorSupport.Probe<Blake3.ChunkBatch> found = VectorSupport.probe(
                platform, maxBits, MethodHandles.lookup(), KERNEL_CLASS, Blake3.ChunkBatch.class, "BLAKE3 batch");
        batch = found.kernel();
        return found.availability();
    }

    /** 150, above the Java provider; 60 for MINIMAL_MEMORY. */
    @Override
    public int rank(Algorithm algorithm, Strategy strategy) {
        return strategy == Strategy.MINIMAL_MEMORY ? 60 : 150;
    }

    /**
     * Below the Java provider (90) under 16 KiB, where an input has fewer chunks than a batch and
     * the scalar code runs anyway: a short-lived process, which takes the small-input winner for
     * every size, then runs the scalar BLAKE3, which is faster there than vector code C2 has not
     * compiled yet.
     */
    @Override
    public int rank(Algorithm algorithm, Strategy strategy, long inputSize) {
        return inputSize < 16 * 1024 ? Math.min(90, rank(algorithm, strategy)) : rank(algorithm, strategy);
    }

    @Override
    public Digest digest(DigestAlgorithm algorithm, DigestSpec spec) {
        if (algorithm != DigestAlgorithm.BLAKE3) {
            throw new UnsupportedOperationException(ID + " has no " + algorithm.id());
        }
        Blake3.ChunkBatch b = batch;
        if (b == null) {
            throw new IllegalStateException(ID + " is unavailable: not probed, or the Vector API is not usable");
        }
        return new Blake3Digest(spec, b);
    }

    @Override
    public String description() {
        Blake3.ChunkBatch b = batch;
        return "BLAKE3 with chunks hashed in parallel on the Vector API ("
                + (b == null ? "IntVector" : b.degree() + " lanes") + ")";
    }
}
