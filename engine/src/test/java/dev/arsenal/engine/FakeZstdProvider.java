package dev.arsenal.engine;

import dev.arsenal.Algorithm;
import dev.arsenal.ProviderKind;
import dev.arsenal.Strategy;
import dev.arsenal.compression.Codec;
import dev.arsenal.compression.CompressionOptions;
import dev.arsenal.compression.Compressor;
import dev.arsenal.compression.Decompressor;
import dev.arsenal.platform.PlatformInfo;
import dev.arsenal.report.SelfTest;
import dev.arsenal.spi.Availability;
import dev.arsenal.spi.compression.AbstractCompressor;
import dev.arsenal.spi.compression.AbstractDecompressor;
import dev.arsenal.spi.compression.CompressionProvider;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A zstd-only compression provider for engine tests: it stores bytes as they are, prefixed with its
 * id's first letter, enough to tell who compressed.
 */
record FakeZstdProvider(String id, int rank, int minLevel, int maxLevel, boolean dictionaries, AtomicInteger probes)
        implements CompressionProvider {
    FakeZstdProvider(String id, int rank, int minLevel, int maxLevel) {
        this(id, rank, minLevel, maxLevel, false, new AtomicInteger());
    }

    @Override
    public boolean supports(Codec codec, int level, CompressionOptions options) {
        return supports(codec, level) && (options.isPlain() || dictionaries && options.checksum());
    }

    @Override
    public String supportedOptions(Codec codec) {
        return dictionaries ? "dictionaries" : "no options";
    }

    @Override
    public Compressor compressor(Codec codec, int level, CompressionOptions options) {
        return compressor(codec, level);
    }

    @Override
    public boolean supportsDecompression(Codec codec, CompressionOptions options) {
        return codec == Codec.ZSTD && (dictionaries || !options.hasDictionary());
    }

    @Override
    public Decompressor decompressor(Codec codec, CompressionOptions options) {
        return decompressor(codec);
    }

    @Override
    public boolean trainsDictionaries(Codec codec) {
        return dictionaries;
    }

    @Override
    public byte[] trainDictionary(Codec codec, List<byte[]> samples, int maxSize) {
        return id.getBytes(StandardCharsets.US_ASCII);
    }

    @Override
    public ProviderKind kind() {
        return ProviderKind.JAVA;
    }

    @Override
    public Set<Codec> algorithms() {
        return Set.of(Codec.ZSTD);
    }

    @Override
    public Availability probe(PlatformInfo platform) {
        probes.incrementAndGet();
        return Availability.available();
    }

    @Override
    public SelfTest selfTest(Algorithm algorithm) {
        return new SelfTest(SelfTest.Status.PASSED, "fake");
    }

    @Override
    public int rank(Algorithm algorithm, Strategy strategy) {
        return rank;
    }

    @Override
    public boolean supports(Codec codec, int level) {
        return codec == Codec.ZSTD && level >= minLevel && level <= maxLevel;
    }

    @Override
    public String supportedLevels(Codec codec) {
        return minLevel + " to " + maxLevel;
    }

    @Override
    public Compressor compressor(Codec codec, int level) {
        String tag = id;
        return new AbstractCompressor(codec, level) {
            @Override
            public long maxCompressedLength(long inputLength) {
                return inputLength + 1;
            }

            @Override
            protected int compressArrays(byte[] in, int off, int len, byte[] out, int outOff, int max) {
                out[outOff] = (byte) tag.charAt(0);
                System.arraycopy(in, off, out, outOff + 1, len);
                return len + 1;
            }

            /** The tag, then the bytes as they come. */
            @Override
            protected OutputStream newStream(OutputStream out) {
                return new java.io.FilterOutputStream(out) {
                    private boolean tagged;

                    @Override
                    public void write(int b) throws java.io.IOException {
                        if (!tagged) {
                            out.write(tag.charAt(0));
                            tagged = true;
                        }
                        out.write(b);
                    }
                };
            }
        };
    }

    @Override
    public Decompressor decompressor(Codec codec) {
        return new AbstractDecompressor(codec) {
            @Override
            protected int decompressArrays(byte[] in, int off, int len, byte[] out, int outOff, int max) {
                System.arraycopy(in, off + 1, out, outOff, len - 1);
                return len - 1;
            }

            @Override
            protected InputStream newStream(InputStream in) {
                throw new UnsupportedOperationException();
            }
        };
    }
}
