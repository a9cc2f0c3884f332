package dev.arsenal.benchmarks.compression;

import dev.arsenal.compression.Codec;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * Zstandard (`zstd`), level 3 by default: Arsenal's selection, each Arsenal provider and the libraries directly (add a fast level with `-p level=-1` or `-p level=1` (direct-aircompressor then fails setup: it has level 3 only; java-compression has -7 to 9)). See
 * {@link CodecBenchmark} for what is measured and {@link Implementations} for each {@code impl}.
 */
@State(Scope.Thread)
public class ZstdBenchmark extends CodecBenchmark {
    @Param({
        "selected",
        "java-compression",
        "zstd-jni",
        "native-zstd",
        "direct-zstd-jni",
        "direct-aircompressor",
        "direct-libzstd"
    })
    public String impl;

    @Param("3")
    public int level = 3; // the @Param's, also when made without JMH (CompressionRatios)

    @Override
    Codec codec() {
        return Codec.ZSTD;
    }

    @Override
    String impl() {
        return impl;
    }

    @Override
    int level() {
        return level;
    }
}
