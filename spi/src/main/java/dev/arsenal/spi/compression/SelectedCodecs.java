package dev.arsenal.spi.compression;

import dev.arsenal.ProviderUnavailableException;
import dev.arsenal.compression.Codec;
import dev.arsenal.compression.CompressionOptions;
import dev.arsenal.compression.CompressionView;
import dev.arsenal.compression.Compressor;
import dev.arsenal.compression.Decompressor;
import dev.arsenal.spi.Provider;
import dev.arsenal.spi.Selections;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The compression view over a runtime's selections: among the eligible providers of a codec, best
 * first, the first that supports the level and options asked for; a shuffle codec's selected
 * shuffle stage in front of the inner codec's compressor.
 */
record SelectedCodecs(Selections selections) implements CompressionView {
    @Override
    public Compressor compressor(Codec codec, int level, CompressionOptions options) {
        checkCompressor(codec, level, options);
        return selections.handOut(
                Compressor.class,
                codec,
                "compressor",
                () -> Map.of("codec", codec, "level", level),
                s -> compressor(s, codec, level, options));
    }

    private static Compressor compressor(Selections s, Codec codec, int level, CompressionOptions options) {
        if (codec.isShuffle()) {
            Compressor inner = compressor(
                    s, codec.inner(), level, options.withElementSize(CompressionOptions.DEFAULT_ELEMENT_SIZE));
            return ShuffleFrames.compressor(codec, shuffle(s, codec), inner, options.elementSize());
        }
        // The selected provider first, alone: the others are checked only when it cannot serve.
        CompressionProvider selected = (CompressionProvider) s.chosen(codec);
        if (selected.supports(codec, level, options)) {
            return s.madeBy(selected, selected.compressor(codec, level, options));
        }
        List<CompressionProvider> order = candidates(s, codec);
        for (CompressionProvider p : order) {
            if (p.supports(codec, level, options)) {
                return s.madeBy(p, p.compressor(codec, level, options));
            }
        }
        throw new ProviderUnavailableException("no " + forced(s, codec) + "provider compresses " + codec.id()
                + " at level " + level + (options.isPlain() ? "" : " with " + options) + ": "
                + order.stream()
                        .map(p -> p.id() + " supports levels " + p.supportedLevels(codec)
                                + (options.isPlain() ? "" : " with " + p.supportedOptions(codec)))
                        .collect(Collectors.joining("; ")));
    }

    /**
     * Refuses what no provider could change: a level outside the codec's range, an element size for
     * a codec without a shuffle stage.
     *
     * @throws IllegalArgumentException naming the bad value
     */
    private static void checkCompressor(Codec codec, int level, CompressionOptions options) {
        codec.checkLevel(level);
        if (!codec.isShuffle() && options.elementSize() != CompressionOptions.DEFAULT_ELEMENT_SIZE) {
            throw new IllegalArgumentException("an element size applies to the shuffle codecs only, not to "
                    + codec.id() + " (use " + codec.id() + "+shuffle)");
        }
    }

    @Override
    public Decompressor decompressor(Codec codec, CompressionOptions options) {
        return selections.handOut(
                Decompressor.class,
                codec,
                "decompressor",
                () -> Map.of("codec", codec),
                s -> decompressor(s, codec, options));
    }

    private static Decompressor decompressor(Selections s, Codec codec, CompressionOptions options) {
        if (codec.isShuffle()) {
            return ShuffleFrames.decompressor(codec, shuffle(s, codec), decompressor(s, codec.inner(), options));
        }
        CompressionProvider selected = (CompressionProvider) s.chosen(codec);
        if (selected.supportsDecompression(codec, options)) {
            return s.madeBy(selected, selected.decompressor(codec, options));
        }
        List<CompressionProvider> order = candidates(s, codec);
        for (CompressionProvider p : order) {
            if (p.supportsDecompression(codec, options)) {
                return s.madeBy(p, p.decompressor(codec, options));
            }
        }
        throw new ProviderUnavailableException("no " + forced(s, codec) + "provider decodes " + codec.id()
                + " with a dictionary: "
                + order.stream()
                        .map(p -> p.id() + " supports " + p.supportedOptions(codec))
                        .collect(Collectors.joining("; ")));
    }

    /** A dictionary trained by the provider selected now. */
    @Override
    public byte[] trainDictionary(Codec codec, List<byte[]> samples, int maxSize) {
        Selections s = selections.snapshot();
        List<CompressionProvider> order = candidates(s, codec);
        for (CompressionProvider p : order) {
            if (p.trainsDictionaries(codec)) {
                return p.trainDictionary(codec, samples, maxSize);
            }
        }
        throw new ProviderUnavailableException("no " + forced(s, codec) + "provider trains " + codec.id()
                + " dictionaries (asked: "
                + order.stream().map(Provider::id).collect(Collectors.joining(", ")) + ")");
    }

    /** The selected shuffle stage of a shuffle codec. */
    private static ByteShuffle shuffle(Selections s, Codec codec) {
        ShuffleProvider p = (ShuffleProvider) s.chosen(codec);
        return s.madeBy(p, p.shuffle());
    }

    /**
     * The providers to ask for {@code codec}, best first: the selected one, then (unless it was
     * forced) the other eligible ones, so that a level or option the first lacks reaches another.
     */
    private static List<CompressionProvider> candidates(Selections s, Codec codec) {
        List<CompressionProvider> order = new ArrayList<>();
        order.add((CompressionProvider) s.chosen(codec));
        if (!s.isForced(codec)) {
            for (Provider p : s.eligible(codec)) {
                if (!order.contains(p)) {
                    order.add((CompressionProvider) p);
                }
            }
        }
        return order;
    }

    private static String forced(Selections s, Codec codec) {
        return s.isForced(codec) ? "forced " : "";
    }
}
