package dev.arsenal.benchmarks.compression;

import com.github.luben.zstd.Zstd;
import com.github.luben.zstd.ZstdCompressCtx;
import com.github.luben.zstd.ZstdDecompressCtx;
import dev.arsenal.Arsenal;
import dev.arsenal.ArsenalRuntime;
import dev.arsenal.Configuration;
import dev.arsenal.ProviderUnavailableException;
import dev.arsenal.compression.Codec;
import dev.arsenal.compression.Compression;
import dev.arsenal.compression.Compressor;
import dev.arsenal.compression.Decompressor;
import io.airlift.compress.v3.lz4.Lz4JavaCompressor;
import io.airlift.compress.v3.lz4.Lz4JavaDecompressor;
import io.airlift.compress.v3.zstd.ZstdJavaCompressor;
import io.airlift.compress.v3.zstd.ZstdJavaDecompressor;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;
import net.jpountz.lz4.LZ4Compressor;
import net.jpountz.lz4.LZ4Factory;
import net.jpountz.lz4.LZ4FastDecompressor;
import net.jpountz.lz4.LZ4FrameInputStream;
import net.jpountz.lz4.LZ4FrameOutputStream;
import net.jpountz.lz4.LZ4SafeDecompressor;
import net.jpountz.xxhash.XXHash32;
import net.jpountz.xxhash.XXHashFactory;

/**
 * The implementations the compression benchmarks measure, by the {@code impl} parameter's value:
 *
 * <table>
 *   <caption>Values of {@code impl}</caption>
 *   <tr><th>value</th><th>what runs</th></tr>
 *   <tr><td>{@code selected}</td><td>{@link Compression#compressor(Codec, int)} and {@link
 *       Compression#decompressor(Codec)}: the default runtime's choice</td></tr>
 *   <tr><td>a provider id ({@code java-compression}, {@code zstd-jni}, ...)</td><td>that provider
 *       alone, forced by configuration ({@code arsenal.provider.<codec>=<id>}) in a runtime built
 *       from the defaults: the engine probes and self-tests it as for users, and hands out the
 *       provider's own compressor (no wrapper)</td></tr>
 *   <tr><td>{@code direct-lz4-java}</td><td>lz4-java {@code LZ4Factory.fastestInstance()}: {@code
 *       fastCompressor()} (level 1; {@code highCompressor(level)} above) and {@code
 *       safeDecompressor()}, the one Arsenal's {@code lz4java-compression} uses</td></tr>
 *   <tr><td>{@code direct-lz4-java-fastdec}</td><td>as above but {@code fastDecompressor()} (trusts
 *       its input; deprecated); its compress is the same as {@code direct-lz4-java}'s</td></tr>
 *   <tr><td>{@code direct-lz4-java-frame}</td><td>lz4-java's {@code LZ4FrameOutputStream} /
 *       {@code LZ4FrameInputStream} with the fastest instance, in the frame layout Arsenal writes: 64
 *       KiB independent blocks, content size and content checksum; a new stream per op, as the API
 *       requires</td></tr>
 *   <tr><td>{@code direct-aircompressor}</td><td>aircompressor v3's pure-Java {@code
 *       Lz4JavaCompressor}/{@code Lz4JavaDecompressor} or {@code
 *       ZstdJavaCompressor}/{@code ZstdJavaDecompressor} (one level each: LZ4 1, zstd 3)</td></tr>
 *   <tr><td>{@code direct-zstd-jni}</td><td>zstd-jni's {@code ZstdCompressCtx} / {@code
 *       ZstdDecompressCtx}, one of each per thread, reused (its fastest form), {@code byte[]}
 *       API; content size and checksum on, as Arsenal's frames</td></tr>
 *   <tr><td>{@code direct-deflater}</td><td>the JDK's {@code Deflater(level, nowrap)} and {@code
 *       Inflater(nowrap)}, one of each per thread, {@code reset()} per op, plus a 10-byte gzip
 *       header, CRC-32 and 8-byte trailer written and checked here: the same gzip member as
 *       Arsenal's, so like is compared with like</td></tr>
 *   <tr><td>{@code direct-libzstd}, {@code direct-liblz4}, {@code direct-libdeflate}</td><td>the
 *       system libraries that {@code native-zstd}, {@code native-lz4} (blocks) and {@code
 *       native-gzip} wrap, called directly through FFM ({@link SystemLibraries})</td></tr>
 * </table>
 *
 * <p>A provider that is absent, unavailable here, failed its self-test or lacks the level, and a
 * direct library that cannot do the codec or level, throw {@link IllegalStateException} with the
 * reason: JMH then reports that benchmark as failed, never a number measured for something else.
 */
final class Implementations {
    static final String SELECTED = "selected";
    static final String DIRECT = "direct-";

    private Implementations() {}

    static BlockCodec create(Codec codec, int level, String impl) {
        codec.checkLevel(level);
        if (impl.equals(SELECTED)) {
            return arsenal(Compression.compressor(codec, level), Compression.decompressor(codec));
        }
        if (!impl.startsWith(DIRECT)) {
            return provider(codec, level, impl);
        }
        return switch (codec) {
            case LZ4_BLOCK ->
                switch (impl) {
                    case "direct-lz4-java" -> new Lz4JniBlock(level, false);
                    case "direct-lz4-java-fastdec" -> new Lz4JniBlock(level, true);
                    case "direct-aircompressor" -> new AircompressorLz4(onlyLevel(codec, level, 1, impl));
                    case "direct-liblz4" -> new SystemLibraries.Lz4Block(level);
                    default -> throw unknown(codec, impl);
                };
            case LZ4 ->
                switch (impl) {
                    case "direct-lz4-java-frame" -> new Lz4JniFrame(level);
                    default -> throw unknown(codec, impl);
                };
            case ZSTD ->
                switch (impl) {
                    case "direct-zstd-jni" -> new ZstdJni(level);
                    case "direct-aircompressor" -> new AircompressorZstd(onlyLevel(codec, level, 3, impl));
                    case "direct-libzstd" -> new SystemLibraries.Zstd(level);
                    default -> throw unknown(codec, impl);
                };
            case GZIP ->
                switch (impl) {
                    case "direct-deflater" -> new JdkGzip(level);
                    case "direct-libdeflate" -> new SystemLibraries.Gzip(level);
                    default -> throw unknown(codec, impl);
                };
            default -> throw unknown(codec, impl);
        };
    }

    /** What the default runtime chose for {@code codec} and why, for the fork's log. */
    static String describeSelection(Codec codec) {
        return Arsenal.runtime()
                .report()
                .decision(codec.id())
                .map(d -> d.provider().orElse("no provider") + " (" + d.reason() + ")")
                .orElse("no decision recorded");
    }

    private static BlockCodec provider(Codec codec, int level, String providerId) {
        try {
            ArsenalRuntime runtime = Arsenal.create(Configuration.defaults().withForcedProvider(codec, providerId));
            return arsenal(runtime.compressor(codec, level), runtime.decompressor(codec));
        } catch (ProviderUnavailableException e) {
            throw new IllegalStateException(
                    "not measured: provider '" + providerId + "' cannot serve " + codec.id() + " level " + level
                            + " here: " + e.getMessage(),
                    e);
        }
    }

    private static int onlyLevel(Codec codec, int level, int only, String impl) {
        if (level != only) {
            throw new IllegalStateException(
                    "not measured: " + impl + " has " + codec.id() + " at level " + only + " only, not " + level);
        }
        return level;
    }

    private static IllegalStateException unknown(Codec codec, String impl) {
        return new IllegalStateException("not measured: no direct implementation '" + impl + "' of " + codec.id());
    }

    private static BlockCodec arsenal(Compressor compressor, Decompressor decompressor) {
        return new BlockCodec() {
            @Override
            public int maxCompressedLength(int length) {
                return Math.toIntExact(compressor.maxCompressedLength(length));
            }

            @Override
            public int compress(byte[] input, int length, byte[] output) {
                return compressor.compress(input, 0, length, output, 0, output.length);
            }

            @Override
            public int decompress(byte[] input, int length, byte[] output, int originalLength) {
                return decompressor.decompress(input, 0, length, output, 0, originalLength);
            }

            @Override
            public String toString() {
                return compressor.getClass().getName() + " / "
                        + decompressor.getClass().getName();
            }
        };
    }

    private static final class Lz4JniBlock implements BlockCodec {
        private final LZ4Compressor compressor;
        private final LZ4SafeDecompressor safe;
        private final LZ4FastDecompressor fast;

        Lz4JniBlock(int level, boolean fastDecompressor) {
            LZ4Factory factory = LZ4Factory.fastestInstance();
            compressor = level == 1 ? factory.fastCompressor() : factory.highCompressor(level);
            safe = fastDecompressor ? null : factory.safeDecompressor();
            fast = fastDecompressor ? factory.fastDecompressor() : null;
        }

        @Override
        public int maxCompressedLength(int length) {
            return compressor.maxCompressedLength(length);
        }

        @Override
        public int compress(byte[] input, int length, byte[] output) {
            return compressor.compress(input, 0, length, output, 0, output.length);
        }

        @Override
        public int decompress(byte[] input, int length, byte[] output, int originalLength) {
            if (fast != null) {
                fast.decompress(input, 0, output, 0, originalLength);
                return originalLength;
            }
            return safe.decompress(input, 0, length, output, 0, originalLength);
        }

        @Override
        public String toString() {
            return compressor + " / " + (fast != null ? fast : safe);
        }
    }

    private static final class Lz4JniFrame implements BlockCodec {
        private final LZ4Compressor compressor;
        private final LZ4SafeDecompressor decompressor;
        private final XXHash32 xxh32 = XXHashFactory.fastestInstance().hash32();

        Lz4JniFrame(int level) {
            LZ4Factory factory = LZ4Factory.fastestInstance();
            compressor = level == 1 ? factory.fastCompressor() : factory.highCompressor(level);
            decompressor = factory.safeDecompressor();
        }

        @Override
        public int maxCompressedLength(int length) {
            // Header (at most 19 bytes), 8 bytes per block of framing and the end mark and checksum.
            return compressor.maxCompressedLength(length) + 8 * (length / 65_536 + 1) + 32;
        }

        @Override
        public int compress(byte[] input, int length, byte[] output) {
            ArraySink sink = new ArraySink(output);
            try (LZ4FrameOutputStream out = new LZ4FrameOutputStream(
                    sink,
                    LZ4FrameOutputStream.BLOCKSIZE.SIZE_64KB,
                    length,
                    compressor,
                    xxh32,
                    LZ4FrameOutputStream.FLG.Bits.BLOCK_INDEPENDENCE,
                    LZ4FrameOutputStream.FLG.Bits.CONTENT_SIZE,
                    LZ4FrameOutputStream.FLG.Bits.CONTENT_CHECKSUM)) {
                out.write(input, 0, length);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return sink.count;
        }

        @Override
        public int decompress(byte[] input, int length, byte[] output, int originalLength) {
            try (LZ4FrameInputStream in =
                    new LZ4FrameInputStream(new ByteArrayInputStream(input, 0, length), decompressor, xxh32)) {
                return in.readNBytes(output, 0, originalLength);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public String toString() {
            return "LZ4FrameOutputStream/LZ4FrameInputStream over " + compressor + " / " + decompressor;
        }
    }

    /** An output stream into a given array, so that no copy is added to lz4-java's frame writer. */
    private static final class ArraySink extends OutputStream {
        private final byte[] array;
        int count;

        ArraySink(byte[] array) {
            this.array = array;
        }

        @Override
        public void write(int b) {
            array[count++] = (byte) b;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            System.arraycopy(b, off, array, count, len);
            count += len;
        }
    }

    private static final class AircompressorLz4 implements BlockCodec {
        private final Lz4JavaCompressor compressor = new Lz4JavaCompressor();
        private final Lz4JavaDecompressor decompressor = new Lz4JavaDecompressor();

        AircompressorLz4(int level) {}

        @Override
        public int maxCompressedLength(int length) {
            return compressor.maxCompressedLength(length);
        }

        @Override
        public int compress(byte[] input, int length, byte[] output) {
            return compressor.compress(input, 0, length, output, 0, output.length);
        }

        @Override
        public int decompress(byte[] input, int length, byte[] output, int originalLength) {
            return decompressor.decompress(input, 0, length, output, 0, originalLength);
        }

        @Override
        public String toString() {
            return "aircompressor Lz4JavaCompressor / Lz4JavaDecompressor";
        }
    }

    private static final class AircompressorZstd implements BlockCodec {
        private final ZstdJavaCompressor compressor = new ZstdJavaCompressor();
        private final ZstdJavaDecompressor decompressor = new ZstdJavaDecompressor();

        AircompressorZstd(int level) {}

        @Override
        public int maxCompressedLength(int length) {
            return compressor.maxCompressedLength(length);
        }

        @Override
        public int compress(byte[] input, int length, byte[] output) {
            return compressor.compress(input, 0, length, output, 0, output.length);
        }

        @Override
        public int decompress(byte[] input, int length, byte[] output, int originalLength) {
            return decompressor.decompress(input, 0, length, output, 0, originalLength);
        }

        @Override
        public String toString() {
            return "aircompressor ZstdJavaCompressor / ZstdJavaDecompressor";
        }
    }

    private static final class ZstdJni implements BlockCodec {
        private final ZstdCompressCtx compressor;
        private final ZstdDecompressCtx decompressor = new ZstdDecompressCtx();

        ZstdJni(int level) {
            compressor = new ZstdCompressCtx().setLevel(level).setChecksum(true).setContentSize(true);
        }

        @Override
        public int maxCompressedLength(int length) {
            return Math.toIntExact(Zstd.compressBound(length));
        }

        @Override
        public int compress(byte[] input, int length, byte[] output) {
            return compressor.compressByteArray(output, 0, output.length, input, 0, length);
        }

        @Override
        public int decompress(byte[] input, int length, byte[] output, int originalLength) {
            return decompressor.decompressByteArray(output, 0, originalLength, input, 0, length);
        }

        @Override
        public String toString() {
            return "zstd-jni ZstdCompressCtx / ZstdDecompressCtx (reused)";
        }
    }

    /**
     * gzip with the JDK's raw Deflate: a 10-byte header (no name, no time), the Deflate stream, the
     * CRC-32 and the length mod 2<sup>32</sup>. Reads back only what it writes.
     */
    private static final class JdkGzip implements BlockCodec {
        private static final int HEADER = 10;
        private static final int TRAILER = 8;

        private final Deflater deflater;
        private final Inflater inflater = new Inflater(true);
        private final CRC32 crc = new CRC32();

        JdkGzip(int level) {
            deflater = new Deflater(level, true);
        }

        @Override
        public int maxCompressedLength(int length) {
            // Deflate's stored blocks add 5 bytes per 16 KiB at worst; generous.
            return length + (length >>> 3) + 64 + HEADER + TRAILER;
        }

        @Override
        public int compress(byte[] input, int length, byte[] output) {
            output[0] = 0x1f;
            output[1] = (byte) 0x8b;
            output[2] = 8; // Deflate
            for (int i = 3; i < 9; i++) {
                output[i] = 0; // FLG, MTIME, XFL
            }
            output[9] = (byte) 255; // OS unknown
            deflater.reset();
            deflater.setInput(input, 0, length);
            deflater.finish();
            int at = HEADER;
            while (!deflater.finished()) {
                int n = deflater.deflate(output, at, output.length - TRAILER - at);
                if (n == 0 && at == output.length - TRAILER) {
                    throw new IllegalStateException("gzip: output buffer too small");
                }
                at += n;
            }
            crc.reset();
            crc.update(input, 0, length);
            putIntLE(output, at, (int) crc.getValue());
            putIntLE(output, at + 4, length);
            return at + TRAILER;
        }

        @Override
        public int decompress(byte[] input, int length, byte[] output, int originalLength) {
            if (length < HEADER + TRAILER || input[0] != 0x1f || input[1] != (byte) 0x8b || input[3] != 0) {
                throw new IllegalStateException("gzip: not a member this writer wrote");
            }
            inflater.reset();
            inflater.setInput(input, HEADER, length - HEADER - TRAILER);
            int n;
            try {
                n = inflater.inflate(output, 0, originalLength);
            } catch (DataFormatException e) {
                throw new IllegalStateException("gzip: " + e.getMessage(), e);
            }
            if (!inflater.finished()) {
                throw new IllegalStateException("gzip: more output than " + originalLength + " bytes");
            }
            crc.reset();
            crc.update(output, 0, n);
            if ((int) crc.getValue() != getIntLE(input, length - TRAILER) || n != getIntLE(input, length - 4)) {
                throw new IllegalStateException("gzip: CRC-32 or length mismatch");
            }
            return n;
        }

        @Override
        public String toString() {
            return "JDK Deflater/Inflater (nowrap, reused) + gzip header and CRC-32";
        }

        private static void putIntLE(byte[] b, int at, int v) {
            b[at] = (byte) v;
            b[at + 1] = (byte) (v >>> 8);
            b[at + 2] = (byte) (v >>> 16);
            b[at + 3] = (byte) (v >>> 24);
        }

        private static int getIntLE(byte[] b, int at) {
            return (b[at] & 0xFF) | (b[at + 1] & 0xFF) << 8 | (b[at + 2] & 0xFF) << 16 | (b[at + 3] & 0xFF) << 24;
        }
    }
}
