package dev.arsenal.benchmarks.compression;

import dev.arsenal.compression.Codec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The exact compression ratios (compressed ÷ original bytes over all of each {@code data}) of every
 * implementation of the compression benchmarks, as a Markdown table per codec; no timing, so no JMH.
 * The ratios of the JMH report come from the ops that were measured, which in a short run do not
 * cover the whole corpus; these do. An implementation that cannot run here shows "—" and the reason
 * below the table.
 *
 * <p>Run, from the project root (about a minute; give the codec ids to do only some):
 *
 * <pre>{@code
 * java --enable-native-access=ALL-UNNAMED -cp benchmarks/target/benchmarks.jar \
 *     dev.arsenal.benchmarks.compression.CompressionRatios [lz4-block lz4 zstd gzip]
 * }</pre>
 */
public final class CompressionRatios {
    private static final List<String> DATA = List.of("4k", "64k", "1m", "canterbury", "calgary");

    private CompressionRatios() {}

    public static void main(String[] args) {
        Map<Codec, CodecBenchmark> benchmarks = new LinkedHashMap<>();
        benchmarks.put(Codec.LZ4_BLOCK, new Lz4BlockBenchmark());
        benchmarks.put(Codec.LZ4, new Lz4FrameBenchmark());
        benchmarks.put(Codec.ZSTD, new ZstdBenchmark());
        benchmarks.put(Codec.GZIP, new GzipBenchmark());
        List<String> only = List.of(args);
        StringBuilder md = new StringBuilder();
        benchmarks.forEach((codec, benchmark) -> {
            if (!only.isEmpty() && !only.contains(codec.id())) {
                return;
            }
            md.append("**").append(codec.id()).append(" level ").append(benchmark.level());
            md.append(": ratio, compressed ÷ original**\n\n| impl |");
            DATA.forEach(d -> md.append(' ').append(d).append(" |"));
            md.append("\n|---|");
            DATA.forEach(d -> md.append("---:|"));
            md.append('\n');
            List<String> failures = new ArrayList<>();
            for (String impl : declaredImpls(benchmark)) {
                md.append("| ").append(impl).append(" |");
                BlockCodec c;
                try {
                    c = Implementations.create(codec, benchmark.level(), impl);
                } catch (RuntimeException e) {
                    failures.add(impl + ": " + e.getMessage());
                    DATA.forEach(d -> md.append(" — |"));
                    md.append('\n');
                    continue;
                }
                for (String d : DATA) {
                    long original = 0;
                    long compressed = 0;
                    for (byte[][] group : Corpus.groups(d)) {
                        for (byte[] input : group) {
                            byte[] out = new byte[c.maxCompressedLength(input.length)];
                            compressed += c.compress(input, input.length, out);
                            original += input.length;
                        }
                    }
                    md.append(String.format(Locale.ROOT, " %.4f |", (double) compressed / original));
                }
                md.append('\n');
            }
            md.append('\n');
            failures.forEach(f -> md.append("- ").append(f).append('\n'));
            md.append(failures.isEmpty() ? "" : "\n");
        });
        System.out.print(md);
    }

    /** The {@code impl} values the class declares, in order. */
    private static List<String> declaredImpls(CodecBenchmark benchmark) {
        try {
            return List.of(benchmark
                    .getClass()
                    .getField("impl")
                    .getAnnotation(org.openjdk.jmh.annotations.Param.class)
                    .value());
        } catch (NoSuchFieldException e) {
            throw new IllegalStateException(e);
        }
    }
}
