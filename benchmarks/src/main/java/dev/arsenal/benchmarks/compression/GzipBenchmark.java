package dev.arsenal.benchmarks.compression;

import dev.arsenal.compression.Codec;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * gzip (`gzip`), level 6: Arsenal's selection, each Arsenal provider and the libraries directly (the JDK's Deflater with the gzip header and CRC-32 written by the benchmark, as Arsenal's gzip has them). See
 * {@link CodecBenchmark} for what is measured and {@link Implementations} for each {@code impl}.
 */
@State(Scope.Thread)
public class GzipBenchmark extends CodecBenchmark {
    @Param({"selected", "java-compression", "native-gzip", "direct-deflater", "direct-libdeflate"})
    public String impl;

    @Param("6")
    public int level = 6; // the @Param's, also when made without JMH (CompressionRatios)

    @Override
    Codec codec() {
        return Codec.GZIP;
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
