package dev.arsenal.benchmarks.compression;

import dev.arsenal.Arsenal;
import dev.arsenal.compression.Codec;
import dev.arsenal.compression.Compression;
import dev.arsenal.compression.Compressor;
import dev.arsenal.compression.Decompressor;
import dev.arsenal.platform.PlatformInfo;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The byte shuffle of {@code lz4+shuffle} and {@code zstd+shuffle}, in two parts.
 *
 * <p><b>{@code kernel*}</b>: the shuffle kernels alone on one block of 64 KiB (the block of the
 * shuffle frames), random bytes, {@code impl} = {@code scalar} ({@code ScalarByteShuffle}, what
 * {@code java-shuffle} offers) or {@code vector} ({@code simd-shuffle}'s kernel, at the shape its
 * probe picks here), element sizes 2, 4, 8 and 16. One op is one block: MB/s = ops/s × 65,536 ÷
 * 10<sup>6</sup>. The kernels are internal classes of the engine and the SIMD provider (both on the
 * run-time class path only, as for users), so they are reached by name, through a method handle:
 * one indirect call per 64 KiB.
 *
 * <p><b>{@code codec*}</b>: {@link Compression#compressor(Codec, int)} and {@link
 * Compression#decompressor(Codec)}, the selected ones (the shuffle stage and the inner LZ4 or
 * zstd are each the best provider here; the setup prints which), of {@code lz4}, {@code
 * lz4+shuffle}, {@code zstd} and {@code zstd+shuffle} (zstd at level 3, the shuffle on 8-byte
 * elements, the default) on 1 MiB of numbers ({@code data}, little-endian, see {@link #data}):
 * {@code timestamps} (milliseconds, gaps of 1 to 100), {@code counters} (a byte counter growing by
 * 0 to 1,500), {@code prices} (a random walk in cents, as doubles) and {@code sensor} (a smooth
 * signal with a little noise, as doubles). One op is 1 MiB: MB/s = ops/s × 1,048,576 ÷
 * 10<sup>6</sup>, compress and decompress alike. The setup prints the compressed size; {@link
 * #main} prints the markdown table of ratios.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
// 3 s per warm-up iteration: until C2 has compiled the vector loops (a few seconds on a busy
// machine) the Vector API runs as objects, at some 25 MB/s; 300 ms of warm-up measures that.
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 1)
@Fork(
        value = 1,
        jvmArgsAppend = {
            "--add-modules",
            "jdk.incubator.vector",
            "--enable-native-access=ALL-UNNAMED",
            "--sun-misc-unsafe-memory-access=allow"
        })
public class ShuffleBenchmark {
    /** The block of the shuffle frames, and one op of the kernel benchmarks. */
    static final int BLOCK = 64 * 1024;

    /** One op of the codec benchmarks. */
    static final int DATA = 1 << 20;

    /** One kernel on one 64 KiB block. */
    @State(Scope.Thread)
    public static class Kernel {
        @Param({"scalar", "vector"})
        public String impl;

        @Param({"2", "4", "8", "16"})
        public int elementSize;

        byte[] plain;
        byte[] shuffled;
        byte[] out;
        MethodHandle shuffle;
        MethodHandle unshuffle;

        @Setup
        public void setup() throws Throwable {
            Object kernel = Kernels.kernel(impl);
            shuffle = Kernels.bind(kernel, "shuffle");
            unshuffle = Kernels.bind(kernel, "unshuffle");
            plain = new byte[BLOCK];
            new SplittableRandom(7).nextBytes(plain);
            shuffled = new byte[BLOCK];
            out = new byte[BLOCK];
            // check against the scalar reference before measuring
            Object reference = Kernels.kernel("scalar");
            byte[] want = new byte[BLOCK];
            Kernels.bind(reference, "shuffle").invokeExact(plain, 0, want, 0, BLOCK, elementSize);
            shuffle.invokeExact(plain, 0, shuffled, 0, BLOCK, elementSize);
            unshuffle.invokeExact(shuffled, 0, out, 0, BLOCK, elementSize);
            if (!Arrays.equals(want, shuffled) || !Arrays.equals(plain, out)) {
                throw new IllegalStateException(kernel + " differs from the scalar reference");
            }
            System.out.println("# kernel: " + kernel);
        }
    }

    @Benchmark
    public byte[] kernelShuffle(Kernel k) throws Throwable {
        k.shuffle.invokeExact(k.plain, 0, k.out, 0, BLOCK, k.elementSize);
        return k.out;
    }

    @Benchmark
    public byte[] kernelUnshuffle(Kernel k) throws Throwable {
        k.unshuffle.invokeExact(k.shuffled, 0, k.out, 0, BLOCK, k.elementSize);
        return k.out;
    }

    /** One codec, selected, on 1 MiB of numbers. */
    @State(Scope.Thread)
    public static class Codecs {
        @Param({"timestamps", "counters", "prices", "sensor"})
        public String data;

        @Param({"lz4", "lz4+shuffle", "zstd", "zstd+shuffle"})
        public String codec;

        byte[] plain;
        byte[] compressed;
        int compressedLength;
        byte[] out;
        Compressor compressor;
        Decompressor decompressor;

        @Setup
        public void setup() {
            Codec c = Codec.byId(codec);
            compressor = Compression.compressor(c, level(c));
            decompressor = Compression.decompressor(c);
            plain = data(data);
            compressed = new byte[(int) compressor.maxCompressedLength(DATA)];
            compressedLength = compressor.compress(plain, 0, DATA, compressed, 0, compressed.length);
            out = new byte[DATA];
            int n = decompressor.decompress(compressed, 0, compressedLength, out, 0, DATA);
            if (n != DATA || !Arrays.equals(plain, out)) {
                throw new IllegalStateException(codec + " did not round-trip " + data);
            }
            System.out.printf(
                    Locale.ROOT,
                    "# %s on %s: %d -> %d bytes, ratio %.3f (%.2fx); %s%n",
                    codec,
                    data,
                    DATA,
                    compressedLength,
                    compressedLength / (double) DATA,
                    DATA / (double) compressedLength,
                    selection(c));
        }
    }

    @Benchmark
    public int codecCompress(Codecs s) {
        return s.compressor.compress(s.plain, 0, DATA, s.compressed, 0, s.compressed.length);
    }

    @Benchmark
    public int codecDecompress(Codecs s) {
        return s.decompressor.decompress(s.compressed, 0, s.compressedLength, s.out, 0, DATA);
    }

    /** zstd at 3; LZ4 at its default (1). */
    static int level(Codec codec) {
        return codec.inner() == Codec.ZSTD ? 3 : codec.defaultLevel();
    }

    /** What the default runtime chose for {@code codec} (and, for a shuffle codec, for its inner codec). */
    static String selection(Codec codec) {
        String chosen = chosen(codec);
        return codec.isShuffle() ? chosen + " before " + chosen(codec.inner()) : chosen;
    }

    private static String chosen(Codec codec) {
        return Arsenal.runtime()
                .report()
                .decision(codec.id())
                .map(d -> codec.id() + ": " + d.provider().orElse("no provider"))
                .orElse(codec.id() + ": no decision recorded");
    }

    /** 1 MiB of little-endian numbers; the same bytes for a name at every call. */
    static byte[] data(String kind) {
        SplittableRandom random = new SplittableRandom(kind.hashCode());
        ByteBuffer b = ByteBuffer.allocate(DATA).order(ByteOrder.LITTLE_ENDIAN);
        int n = DATA / 8;
        switch (kind) {
            case "timestamps" -> {
                long t = 1_764_460_800_000L;
                for (int i = 0; i < n; i++) {
                    t += random.nextInt(1, 101);
                    b.putLong(t);
                }
            }
            case "counters" -> {
                long c = 3_000_000_000L;
                for (int i = 0; i < n; i++) {
                    c += random.nextInt(0, 1501);
                    b.putLong(c);
                }
            }
            case "prices" -> {
                long cents = 10_000;
                for (int i = 0; i < n; i++) {
                    cents = Math.max(1, cents + Math.round(random.nextGaussian() * 5));
                    b.putDouble(cents / 100.0);
                }
            }
            case "sensor" -> {
                for (int i = 0; i < n; i++) {
                    double v = 20 + 5 * Math.sin(i / 2000.0) + 0.01 * random.nextGaussian();
                    b.putDouble(v);
                }
            }
            default -> throw new IllegalArgumentException("no data set " + kind);
        }
        return b.array();
    }

    /** The kernels, reached by name: {@code ScalarByteShuffle.INSTANCE} and {@code simd-shuffle}'s, probed here. */
    static final class Kernels {
        private static final String BYTE_SHUFFLE = "dev.arsenal.spi.compression.ByteShuffle";
        private static final String SCALAR = "dev.arsenal.spi.compression.ScalarByteShuffle";
        private static final String SIMD_PROVIDER = "dev.arsenal.providers.simd.compression.SimdShuffleProvider";
        private static final String DETECTOR = "dev.arsenal.engine.platform.PlatformDetector";

        private Kernels() {}

        static Object kernel(String impl) throws ReflectiveOperationException {
            return switch (impl) {
                case "scalar" -> Class.forName(SCALAR).getField("INSTANCE").get(null);
                case "vector" -> {
                    Object provider =
                            Class.forName(SIMD_PROVIDER).getConstructor().newInstance();
                    PlatformInfo platform = (PlatformInfo)
                            Class.forName(DETECTOR).getMethod("detect").invoke(null);
                    Object availability = provider.getClass()
                            .getMethod("probe", PlatformInfo.class)
                            .invoke(provider, platform);
                    if (!(boolean)
                            availability.getClass().getMethod("isAvailable").invoke(availability)) {
                        throw new IllegalStateException("not measured: simd-shuffle is " + availability);
                    }
                    yield provider.getClass().getMethod("shuffle").invoke(provider);
                }
                default -> throw new IllegalArgumentException("no kernel " + impl);
            };
        }

        /** {@code void (byte[] src, int srcOffset, byte[] dst, int dstOffset, int length, int elementSize)}. */
        static MethodHandle bind(Object kernel, String method) throws ReflectiveOperationException {
            MethodType type = MethodType.methodType(
                    void.class, byte[].class, int.class, byte[].class, int.class, int.class, int.class);
            return MethodHandles.publicLookup()
                    .findVirtual(Class.forName(BYTE_SHUFFLE), method, type)
                    .bindTo(kernel);
        }
    }

    /** Prints the markdown table of compressed sizes of the codec part, with the selected providers. */
    public static void main(String[] args) {
        List<String> sets = List.of("timestamps", "counters", "prices", "sensor");
        List<Codec> codecs = List.of(Codec.LZ4, Codec.LZ4_SHUFFLE, Codec.ZSTD, Codec.ZSTD_SHUFFLE);
        System.out.println("Compressed size / original (and original / compressed), 1 MiB of each, 8-byte elements:");
        System.out.println();
        StringBuilder head = new StringBuilder("| data |");
        StringBuilder rule = new StringBuilder("|---|");
        for (Codec c : codecs) {
            head.append(' ')
                    .append(c.id())
                    .append(c.inner() == Codec.ZSTD ? " (3)" : "")
                    .append(" |");
            rule.append("---:|");
        }
        System.out.println(head);
        System.out.println(rule);
        for (String set : sets) {
            byte[] plain = data(set);
            StringBuilder row = new StringBuilder("| " + set + " |");
            for (Codec c : codecs) {
                byte[] z = Compression.compressor(c, level(c)).compress(plain);
                if (!Arrays.equals(plain, Compression.decompressor(c).decompress(z, DATA))) {
                    throw new IllegalStateException(c.id() + " did not round-trip " + set);
                }
                row.append(String.format(
                        Locale.ROOT, " %.3f (%.2fx) |", z.length / (double) DATA, DATA / (double) z.length));
            }
            System.out.println(row);
        }
        System.out.println();
        for (Codec c : codecs) {
            System.out.println("- " + c.id() + ": " + selection(c));
        }
    }
}
