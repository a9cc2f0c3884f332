package dev.arsenal.benchmarks.compression;

import dev.arsenal.compression.Codec;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * LZ4 block (`lz4-block`), level 1: Arsenal's selection, each Arsenal provider and the libraries directly (level 1 only for the direct aircompressor; lz4-java's high compressor above). See
 * {@link CodecBenchmark} for what is measured and {@link Implementations} for each {@code impl}.
 */
@State(Scope.Thread)
public class Lz4BlockBenchmark extends CodecBenchmark {
    @Param({
        "selected",
        "java-compression",
        "lz4java-compression",
        "native-lz4",
        "direct-lz4-java",
        "direct-aircompressor",
        "direct-lz4-java-fastdec",
        "direct-liblz4"
    })
    public String impl;

    @Param("1")
    public int level = 1; // the @Param's, also when made without JMH (CompressionRatios)

    @Override
    Codec codec() {
        return Codec.LZ4_BLOCK;
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
