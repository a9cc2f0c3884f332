package dev.arsenal.benchmarks.compression;

import dev.arsenal.compression.Codec;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * LZ4 frames (`lz4`), level 1: 64 KiB independent blocks, content size and checksum: Arsenal's selection, each Arsenal provider and the libraries directly (Arsenal's frame writer and lz4-java's frame streams; neither aircompressor nor zstd-jni has LZ4 frames). See
 * {@link CodecBenchmark} for what is measured and {@link Implementations} for each {@code impl}.
 */
@State(Scope.Thread)
public class Lz4FrameBenchmark extends CodecBenchmark {
    @Param({"selected", "java-compression", "native-lz4", "direct-lz4-java-frame"})
    public String impl;

    @Param("1")
    public int level = 1; // the @Param's, also when made without JMH (CompressionRatios)

    @Override
    Codec codec() {
        return Codec.LZ4;
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
