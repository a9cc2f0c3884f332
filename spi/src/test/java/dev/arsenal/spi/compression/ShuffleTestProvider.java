package dev.arsenal.spi.compression;

import dev.arsenal.Algorithm;
import dev.arsenal.ProviderKind;
import dev.arsenal.Strategy;
import dev.arsenal.compression.Codec;
import dev.arsenal.compression.Compressor;
import dev.arsenal.compression.Decompressor;
import dev.arsenal.platform.PlatformInfo;
import dev.arsenal.spi.Availability;
import java.util.EnumSet;
import java.util.Set;

/**
 * For tests: the shuffle codecs as one {@link CompressionProvider}, a {@link ByteShuffle} in front
 * of a real provider of the inner codecs, composed by {@link ShuffleFrames} as the engine composes
 * them; so that {@link AbstractCompressionProviderContractTest} and the fuzz tests run on the
 * shuffle codecs as on any other.
 */
public final class ShuffleTestProvider implements CompressionProvider {
    private final ByteShuffle shuffle;
    private final CompressionProvider inner;
    private final int elementSize;

    /** The shuffle codecs with {@code shuffle} over {@code inner}, elements of {@code elementSize} bytes. */
    public ShuffleTestProvider(ByteShuffle shuffle, CompressionProvider inner, int elementSize) {
        this.shuffle = shuffle;
        this.inner = inner;
        this.elementSize = elementSize;
    }

    @Override
    public String id() {
        return "shuffle-over-" + inner.id();
    }

    @Override
    public ProviderKind kind() {
        return inner.kind();
    }

    @Override
    public Set<Codec> algorithms() {
        Set<Codec> codecs = EnumSet.noneOf(Codec.class);
        for (Codec c : new Codec[] {Codec.LZ4_SHUFFLE, Codec.ZSTD_SHUFFLE}) {
            if (inner.algorithms().contains(c.inner())) {
                codecs.add(c);
            }
        }
        return codecs;
    }

    @Override
    public String description() {
        return shuffle + " before " + inner.id();
    }

    @Override
    public Availability probe(PlatformInfo platform) {
        return inner.probe(platform);
    }

    @Override
    public int rank(Algorithm algorithm, Strategy strategy) {
        return 1;
    }

    @Override
    public boolean supports(Codec codec, int level) {
        return algorithms().contains(codec) && inner.supports(codec.inner(), level);
    }

    @Override
    public String supportedLevels(Codec codec) {
        return inner.supportedLevels(codec.inner());
    }

    @Override
    public Compressor compressor(Codec codec, int level) {
        return ShuffleFrames.compressor(codec, shuffle, inner.compressor(codec.inner(), level), elementSize);
    }

    @Override
    public Decompressor decompressor(Codec codec) {
        return ShuffleFrames.decompressor(codec, shuffle, inner.decompressor(codec.inner()));
    }
}
