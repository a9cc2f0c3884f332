package dev.arsenal.benchmarks.compression;

import dev.arsenal.compression.Codec;
import dev.arsenal.compression.Compression;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What the compression benchmarks share: one codec per subclass, the implementation ({@code impl},
 * see {@link Implementations}) and the level as the subclass's parameters, the input ({@code data},
 * see {@link Corpus}) here.
 *
 * <p>One op of {@code compress} compresses one group of inputs, one op of {@code decompress}
 * decompresses it back (each implementation its own output): for block sizes one block, the next
 * one at each op, round the whole corpus (about 6 MB: 1478 blocks of 4 KiB, 92 of 64 KiB, 5 of 1
 * MiB), so that caches hold no more than they would for fresh data; for {@code canterbury} and
 * {@code calgary} every file of the set, each compressed alone. The groups' sizes differ, so JMH's
 * ops/s is not the result: the auxiliary counters {@code bytes} (original bytes) and {@code
 * compressedBytes} (compressed bytes) of {@link Counters}, reported per second, are. MB/s = {@code
 * bytes}/s ÷ 10<sup>6</sup>, for compress and decompress alike (as lzbench and the zstd tool count);
 * the ratio compressed/original = {@code compressedBytes} ÷ {@code bytes} of the same run, exact
 * since both count the same ops. {@code dev.arsenal.benchmarks.report.MarkdownReport} makes tables
 * of them.
 *
 * <p>Setup round-trips every group through the implementation (which also warms it up: JMH's
 * warm-up can be short), has Arsenal's selected decompressor read a direct library's first output
 * (so that it writes the same format), prints the exact ratio over the whole data, the
 * implementation's classes and, for {@code selected}, the runtime's choice, and fails with the
 * reason when anything is amiss. The ratio of the report is the counters' one, over the ops of the
 * measured iterations: the whole corpus several times over in a measured run, but only the blocks
 * visited in a short smoke run.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(
        value = 1,
        jvmArgsAppend = {
            "--add-modules",
            "jdk.incubator.vector",
            "--enable-native-access=ALL-UNNAMED",
            // JMH uses sun.misc.Unsafe: allowed, without JDK 25's warning.
            "--sun-misc-unsafe-memory-access=allow"
        })
public abstract class CodecBenchmark {
    @Param({"4k", "64k", "1m", "canterbury", "calgary"})
    public String data;

    private BlockCodec codec;
    private byte[][][] originals;
    private byte[][][] compressed;
    private int[][] compressedLengths;
    private byte[] out;
    private int cursor;

    /** The codec measured. */
    abstract Codec codec();

    /** The {@code impl} parameter. */
    abstract String impl();

    /** The {@code level} parameter. */
    abstract int level();

    /** Original and compressed bytes of the ops of one iteration, reported per second. */
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    @State(Scope.Thread)
    public static class Counters {
        public long bytes;
        public long compressedBytes;

        @Setup(Level.Iteration)
        public void reset() {
            bytes = 0;
            compressedBytes = 0;
        }
    }

    @Setup(Level.Trial)
    public void setUp() {
        long start = System.nanoTime();
        Codec c = codec();
        codec = Implementations.create(c, level(), impl());
        long created = System.nanoTime();
        originals = Corpus.groups(data);
        long loaded = System.nanoTime();
        int largest = 0;
        for (byte[][] group : originals) {
            for (byte[] input : group) {
                largest = Math.max(largest, input.length);
            }
        }
        out = new byte[Math.max(largest, codec.maxCompressedLength(largest))];
        compressed = new byte[originals.length][][];
        compressedLengths = new int[originals.length][];
        long originalTotal = 0;
        long compressedTotal = 0;
        for (int g = 0; g < originals.length; g++) {
            byte[][] group = originals[g];
            compressed[g] = new byte[group.length][];
            compressedLengths[g] = new int[group.length];
            for (int i = 0; i < group.length; i++) {
                byte[] input = group[i];
                int n = codec.compress(input, input.length, out);
                compressed[g][i] = Arrays.copyOf(out, n);
                compressedLengths[g][i] = n;
                originalTotal += input.length;
                compressedTotal += n;
                Arrays.fill(out, (byte) 0);
                int m = codec.decompress(compressed[g][i], n, out, input.length);
                if (m != input.length || !Arrays.equals(out, 0, m, input, 0, input.length)) {
                    throw new IllegalStateException("not measured: " + impl() + " does not round-trip " + c.id()
                            + " on " + data + " group " + g + " input " + i + " (" + input.length + " bytes)");
                }
            }
        }
        if (impl().startsWith(Implementations.DIRECT)) {
            // Only here: building the default runtime costs a second of every fork.
            byte[] first = originals[0][0];
            byte[] back = Compression.decompressor(c).decompress(compressed[0][0], first.length);
            if (!Arrays.equals(back, first)) {
                throw new IllegalStateException("not measured: Arsenal's " + c.id() + " decoder reads " + impl()
                        + "'s output as other bytes: not the same format");
            }
        }
        System.out.printf(
                Locale.ROOT,
                "%n# %s level %d, impl %s: %s%n# %s on %s: %d -> %d bytes, ratio %.4f%s%n"
                        + "# setup: %d ms to make the implementation, %d ms to read the corpus, %d ms to round-trip it%n",
                c.id(),
                level(),
                impl(),
                codec,
                c.id(),
                data,
                originalTotal,
                compressedTotal,
                (double) compressedTotal / originalTotal,
                impl().equals(Implementations.SELECTED) ? "; selected: " + Implementations.describeSelection(c) : "",
                (created - start) / 1_000_000,
                (loaded - created) / 1_000_000,
                (System.nanoTime() - loaded) / 1_000_000);
    }

    private int nextGroup() {
        int g = cursor;
        cursor = g + 1 == originals.length ? 0 : g + 1;
        return g;
    }

    @Benchmark
    public int compress(Counters counters) {
        byte[][] group = originals[nextGroup()];
        byte[] output = out;
        int written = 0;
        long read = 0;
        for (byte[] input : group) {
            written += codec.compress(input, input.length, output);
            read += input.length;
        }
        counters.bytes += read;
        counters.compressedBytes += written;
        return written;
    }

    @Benchmark
    public int decompress(Counters counters) {
        int g = nextGroup();
        byte[][] group = compressed[g];
        byte[][] originalGroup = originals[g];
        int[] lengths = compressedLengths[g];
        byte[] output = out;
        int written = 0;
        long read = 0;
        for (int i = 0; i < group.length; i++) {
            written += codec.decompress(group[i], lengths[i], output, originalGroup[i].length);
            read += lengths[i];
        }
        counters.bytes += written;
        counters.compressedBytes += read;
        return written;
    }
}
