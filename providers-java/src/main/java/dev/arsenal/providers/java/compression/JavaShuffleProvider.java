package dev.arsenal.providers.java.compression;

import aQute.bnd.annotation.Resolution;
import aQute.bnd.annotation.spi.ServiceProvider;
import dev.arsenal.Algorithm;
import dev.arsenal.ProviderKind;
import dev.arsenal.Strategy;
import dev.arsenal.platform.PlatformInfo;
import dev.arsenal.spi.Availability;
import dev.arsenal.spi.Provider;
import dev.arsenal.spi.compression.ByteShuffle;
import dev.arsenal.spi.compression.ScalarByteShuffle;
import dev.arsenal.spi.compression.ShuffleProvider;
import org.osgi.service.component.annotations.Component;

/**
 * The pure-Java shuffle stage of {@code lz4+shuffle} and {@code zstd+shuffle}: {@link
 * ScalarByteShuffle}, one byte at a time. Always available; the fallback the SIMD shuffle is
 * measured and checked against. The engine puts it in front of whichever LZ4 or Zstandard
 * compressor it selects (see {@link dev.arsenal.spi.compression.ShuffleFrames}).
 *
 * <p>Rank: 100 under every strategy (the conventional Java base).
 */
@ServiceProvider(value = Provider.class, resolution = Resolution.OPTIONAL)
@Component(service = Provider.class, property = "service.ranking:Integer=100")
public final class JavaShuffleProvider implements ShuffleProvider {
    /** The provider id, {@value}. */
    public static final String ID = "java-shuffle";

    /** Called by {@link java.util.ServiceLoader}; the provider keeps no state. */
    public JavaShuffleProvider() {}

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

    /** Always available: plain Java loops. */
    @Override
    public Availability probe(PlatformInfo platform) {
        return Availability.available();
    }

    /** 100 under every strategy. */
    @Override
    public int rank(Algorithm algorithm, Strategy strategy) {
        return 100;
    }

    /** {@link ScalarByteShuffle#INSTANCE}. */
    @Override
    public ByteShuffle shuffle() {
        return ScalarByteShuffle.INSTANCE;
    }

    /** What the provider uses. */
    @Override
    public String description() {
        return "byte shuffle in scalar Java, one byte at a time";
    }

    @Override
    public String toString() {
        return ID;
    }
}
