package dev.arsenal.providers.simd.crypto;

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
import dev.arsenal.platform.CpuInfo;
import dev.arsenal.platform.PlatformInfo;
import dev.arsenal.providers.simd.vector.VectorSupport;
import dev.arsenal.spi.Availability;
import dev.arsenal.spi.Provider;
import dev.arsenal.spi.Requirement;
import dev.arsenal.spi.crypto.AbstractCryptoProvider;
import dev.arsenal.spi.crypto.AeadProvider;
import dev.arsenal.spi.crypto.Blake3;
import dev.arsenal.spi.crypto.Blake3Digest;
import dev.arsenal.spi.crypto.ChaCha20;
import dev.arsenal.spi.crypto.ChaCha20Poly1305;
import dev.arsenal.spi.crypto.DigestProvider;
import dev.arsenal.spi.crypto.Poly1305;
import java.lang.invoke.MethodHandles;
import java.util.List;
import org.osgi.service.component.annotations.Component;

/**
 * The crypto family on the Vector API ({@value #ID}), its kernels loaded only after the probe found
 * the Vector API usable:
 *
 * <ul>
 *   <li>BLAKE3: {@link Blake3} with a {@link Blake3.ChunkBatch} that hashes 8 or 16 chunks at once,
 *       one per lane of 256- or 512-bit vectors ({@code Blake3Vector}). The tree above the chunks,
 *       and so every output byte, is {@link Blake3}'s, as in the Java provider. An input of fewer
 *       chunks than a batch runs the same scalar code as the Java provider, so no size pays for the
 *       vectors it does not use.
 *   <li>ChaCha20-Poly1305 and XChaCha20-Poly1305: {@link ChaCha20Poly1305} with a {@link
 *       ChaCha20.BlockBatch} that computes 8 or 16 blocks of keystream at once ({@code
 *       ChaCha20Vector}) and a {@link Poly1305.BlockBatch} that absorbs 4 or 8 blocks at once
 *       ({@code Poly1305Vector}).
 * </ul>
 */
@ServiceProvider(value = Provider.class, resolution = Resolution.OPTIONAL)
@Component(service = Provider.class, property = "service.ranking:Integer=150")
public final class SimdCryptoProvider extends AbstractCryptoProvider implements DigestProvider, AeadProvider {
    /** The provider's id: {@value}. */
    public static final String ID = "simd-crypto";

    private static final String KERNEL_CLASS = "dev.arsenal.providers.simd.crypto.Blake3Vector";
    private static final String CHACHA_CLASS = "dev.arsenal.providers.simd.crypto.ChaCha20Vector";
    private static final String POLY1305_CLASS = "dev.arsenal.providers.simd.crypto.Poly1305Vector";

    private final int maxBits;
    private volatile Blake3.ChunkBatch batch;
    private volatile ChaCha20.BlockBatch keystream;
    private volatile Poly1305.BlockBatch authenticator;
    private volatile boolean jdkPoly1305Intrinsic = true;

    /** Makes the provider; the Vector API is looked for at the probe. */
    public SimdCryptoProvider() {
        this(0);
    }

    /** A provider whose vectors are at most {@code maxBits} wide (0: as the platform prefers). */
    SimdCryptoProvider(int maxBits) {
        super(
                ID,
                ProviderKind.SIMD,
                150,
                List.of(DigestAlgorithm.BLAKE3, AeadAlgorithm.CHACHA20_POLY1305, AeadAlgorithm.XCHACHA20_POLY1305));
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
        if (!found.availability().isAvailable()) {
            return found.availability();
        }
        VectorSupport.Probe<ChaCha20.BlockBatch> chacha = VectorSupport.probe(
                platform, maxBits, MethodHandles.lookup(), CHACHA_CLASS, ChaCha20.BlockBatch.class, "ChaCha20 kernel");
        if (!chacha.availability().isAvailable()) {
            return chacha.availability();
        }
        VectorSupport.Probe<Poly1305.BlockBatch> poly = VectorSupport.probe(
                platform,
                maxBits,
                MethodHandles.lookup(),
                POLY1305_CLASS,
                Poly1305.BlockBatch.class,
                "Poly1305 kernel");
        jdkPoly1305Intrinsic = platform.cpu() == null || jdkHasPoly1305Intrinsic(platform.cpu());
        batch = found.kernel();
        keystream = chacha.kernel();
        authenticator = poly.kernel();
        return poly.availability();
    }

    /**
     * BLAKE3: 150, above the Java provider. The AEADs: 101, above the JDK's (100) but below
     * OpenSSL's (105), on an x86-64 CPU where HotSpot has no Poly1305 intrinsic (it needs AVX-512
     * IFMA or AVX-IFMA): there the JDK's Poly1305 is plain Java and this provider seals 2-2.7x as
     * fast from 1 KiB. Elsewhere 95, below the JDK, which ties with it from 16 KiB and needs no
     * warm-up of vector code; above Bouncy Castle (90). See docs/benchmarks.md. 60 for MINIMAL_MEMORY.
     */
    @Override
    public int rank(Algorithm algorithm, Strategy strategy) {
        if (strategy == Strategy.MINIMAL_MEMORY) {
            return 60;
        }
        if (algorithm instanceof AeadAlgorithm) {
            return jdkPoly1305Intrinsic ? 95 : 101;
        }
        return 150;
    }

    /**
     * Whether HotSpot compiles the JDK's Poly1305 to vector code on {@code cpu}, as JDK 25 decides
     * it: on x86-64 with AVX-512 IFMA, VL and BW in use ({@code UseAVX} 3) or with AVX-IFMA; on
     * aarch64 always (its NEON intrinsic). Other architectures: assumed so, which keeps the JDK first.
     */
    static boolean jdkHasPoly1305Intrinsic(CpuInfo cpu) {
        String arch = cpu.arch();
        if (!"amd64".equals(arch) && !"x86_64".equals(arch)) {
            return true;
        }
        String flag = cpu.value("UseAVX").orElse("3");
        int useAvx = flag.length() == 1 && Character.isDigit(flag.charAt(0)) ? flag.charAt(0) - '0' : 3;
        boolean avx512 = useAvx >= 3 && cpu.has("avx512ifma") && cpu.has("avx512vl") && cpu.has("avx512bw");
        return avx512 || (useAvx >= 2 && cpu.has("avx_ifma"));
    }

    /**
     * BLAKE3: below the Java provider (90) under 16 KiB, where an input has fewer chunks than a batch and
     * the scalar code runs anyway: a short-lived process, which takes the small-input winner for
     * every size, then runs the scalar BLAKE3, which is faster there than vector code C2 has not
     * compiled yet.
     */
    @Override
    public int rank(Algorithm algorithm, Strategy strategy, long inputSize) {
        if (algorithm instanceof AeadAlgorithm) {
            return rank(algorithm, strategy);
        }
        return inputSize < 16 * 1024 ? Math.min(90, rank(algorithm, strategy)) : rank(algorithm, strategy);
    }

    @Override
    public Aead aead(AeadAlgorithm algorithm, byte[] key) {
        if (algorithm != AeadAlgorithm.CHACHA20_POLY1305 && algorithm != AeadAlgorithm.XCHACHA20_POLY1305) {
            throw new UnsupportedOperationException(ID + " has no " + algorithm.id());
        }
        ChaCha20.BlockBatch k = keystream;
        Poly1305.BlockBatch p = authenticator;
        if (k == null || p == null) {
            throw new IllegalStateException(ID + " is unavailable: not probed, or the Vector API is not usable");
        }
        return new ChaCha20Poly1305(algorithm, key, k, p);
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
        ChaCha20.BlockBatch k = keystream;
        return "BLAKE3 with chunks hashed in parallel on the Vector API ("
                + (b == null ? "IntVector" : b.degree() + " lanes")
                + "); ChaCha20-Poly1305 and XChaCha20-Poly1305 with ChaCha20 blocks in parallel ("
                + (k == null ? "IntVector" : k.degree() + " lanes") + ") and Poly1305 blocks in parallel ("
                + (authenticator == null ? "LongVector" : authenticator.degree() + " lanes") + ")";
    }
}
