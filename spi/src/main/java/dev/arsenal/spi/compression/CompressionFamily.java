package dev.arsenal.spi.compression;

import dev.arsenal.Algorithm;
import dev.arsenal.Family;
import dev.arsenal.UnknownAlgorithmException;
import dev.arsenal.compression.Codec;
import dev.arsenal.compression.CompressionView;
import dev.arsenal.spi.FamilyDescriptor;
import dev.arsenal.spi.Provider;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * The compression family: {@link Codec}s served by {@link CompressionProvider}s, and the shuffle
 * codecs, whose shuffle stage is a {@link ShuffleProvider}'s (the compressor behind it is the inner
 * codec's).
 */
public final class CompressionFamily implements FamilyDescriptor {
    /** The one instance. */
    public static final CompressionFamily INSTANCE = new CompressionFamily();

    private static final List<Contract> CONTRACTS = List.of(
            new Contract("compression codecs", CompressionProvider.class, a -> a instanceof Codec c && !c.isShuffle()),
            new Contract("shuffle codecs", ShuffleProvider.class, a -> a instanceof Codec c && c.isShuffle()));

    private static final String[] WORDS = ("the of and to in is that for it as was with be by on not he this are or his"
                    + " from at which but have an they you were her she there been one all we their has would when"
                    + " compression 1024 0x5EED <tr><td> \"id\": 42, error warning info 2026-12-07T10:49:40Z")
            .split(" ");

    private CompressionFamily() {}

    @Override
    public Family family() {
        return Family.COMPRESSION;
    }

    @Override
    public List<Codec> algorithms() {
        return List.of(Codec.values());
    }

    /** Ids and the names {@link Codec#byId} accepts ("lz4_frame"). */
    @Override
    public Optional<Algorithm> byId(String id) {
        try {
            return Optional.of(Codec.byId(id));
        } catch (UnknownAlgorithmException e) {
            return Optional.empty();
        }
    }

    @Override
    public List<Contract> contracts() {
        return CONTRACTS;
    }

    /**
     * No: each provider writes its own (valid) frames, and the level and options a request needs may
     * be supported by one provider only. The generated classes route compressors all the same
     * ({@code small == large}).
     */
    @Override
    public boolean splitsBySize() {
        return false;
    }

    /**
     * A round trip at the codec's default level ({@link CompressLoop}: compress, then decompress)
     * over text-like input (words, numbers and markup drawn from a small vocabulary, about 3:1 with
     * lz4), counted in input bytes. Shuffle codecs and providers without the default level are not
     * measured.
     */
    @Override
    public Optional<Workload> workload(Provider provider, Algorithm algorithm) {
        if (!(provider instanceof CompressionProvider p)
                || !(algorithm instanceof Codec codec)
                || codec.isShuffle()
                || !p.supports(codec, codec.defaultLevel())) {
            return Optional.empty();
        }
        Object[] pair = {p.compressor(codec, codec.defaultLevel()), p.decompressor(codec)};
        return Optional.of(new Workload(CompressLoop.class, pair, corpus((1 << 20) + 16)));
    }

    /** Text-like bytes: words of {@link #WORDS} separated by spaces and newlines. */
    static byte[] corpus(int length) {
        SplittableRandom random = new SplittableRandom(0x5EED);
        StringBuilder text = new StringBuilder(length + 64);
        while (text.length() < length) {
            text.append(WORDS[random.nextInt(WORDS.length)]).append(random.nextInt(12) == 0 ? '\n' : ' ');
        }
        byte[] bytes = text.toString().getBytes(StandardCharsets.US_ASCII);
        return java.util.Arrays.copyOf(bytes, length);
    }

    /**
     * No: measuring every codec would load every compression library and take seconds; {@code
     * arsenal calibrate --family compression} measures on demand.
     */
    @Override
    public boolean measuredAtStartup() {
        return false;
    }

    /** The {@link CompressionView} that {@link dev.arsenal.ArsenalRuntime}'s methods of this family delegate to. */
    @Override
    public Optional<View<?>> view() {
        return Optional.of(new View<>(CompressionView.class, SelectedCodecs::new));
    }
}
