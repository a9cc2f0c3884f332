package dev.arsenal.providers.natives.compression;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arsenal.ArsenalRuntime;
import dev.arsenal.Configuration;
import dev.arsenal.Strategy;
import dev.arsenal.compression.Codec;
import dev.arsenal.compression.CompressionOptions;
import dev.arsenal.compression.Compressor;
import dev.arsenal.compression.Decompressor;
import dev.arsenal.engine.EngineRuntimeFactory;
import dev.arsenal.engine.platform.PlatformDetector;
import dev.arsenal.providers.java.compression.JavaCompressionProvider;
import dev.arsenal.spi.compression.CompressionProvider;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The engine with a provider of plain zstd only ranked first: plain zstd goes there, zstd with a
 * dictionary or without a checksum to a native provider that supports it, and training too.
 *
 * <p>The provider ranked first would be java-compression under MINIMAL_MEMORY (100 against the
 * native providers' 50), but its zstd needs aircompressor, which is not on this module's test class
 * path (java-compression then offers gzip only); {@link PlainOnly} stands in for it: rank 300,
 * plain options only (the SPI's defaults), its codecs native-zstd's.
 */
class ZstdDictionaryEngineTest {
    @BeforeAll
    static void bothProvidersAreHere() {
        Tools.assumeAvailable("zstd-jni", ZstdDictionaryTest.JNI.probe(null));
        Tools.assumeAvailable("libzstd through FFM", ZstdDictionaryTest.FFM.probe(null));
    }

    private static ArsenalRuntime runtime(CompressionProvider... natives) {
        List<dev.arsenal.spi.Provider> providers = new java.util.ArrayList<>();
        providers.add(new JavaCompressionProvider());
        providers.add(new PlainOnly());
        providers.addAll(List.of(natives));
        return EngineRuntimeFactory.create(
                Configuration.defaults().withStrategy(Strategy.MINIMAL_MEMORY),
                PlatformDetector.detect(),
                providers,
                List.of());
    }

    @Test
    void aDictionaryGoesToANativeProviderEvenWhenJavaRanksFirst() {
        for (CompressionProvider p : List.of(ZstdDictionaryTest.JNI, ZstdDictionaryTest.FFM)) {
            ArsenalRuntime runtime = runtime(p);
            var decision = runtime.report().decision("zstd").orElseThrow();
            assertEquals(PlainOnly.ID, decision.provider().orElseThrow(), decision::toString);
            Compressor plain = runtime.compressor(Codec.ZSTD, 3, CompressionOptions.defaults());
            assertTrue(plain instanceof PlainOnly.Marked, plain.getClass().getName());

            byte[] dictionary = runtime.trainDictionary(Codec.ZSTD, ZstdDictionaryTest.records(2000, 61), 16 * 1024);
            CompressionOptions options = CompressionOptions.defaults().withDictionary(dictionary);
            Compressor c = runtime.compressor(Codec.ZSTD, 3, options);
            Decompressor d = runtime.decompressor(Codec.ZSTD, options);
            assertTrue(isNative(c), p + ": " + c.getClass().getName());
            byte[] record = ZstdDictionaryTest.records(1, 62).getFirst();
            assertArrayEquals(record, d.decompress(c.compress(record), record.length), p.id());

            Compressor noChecksum = runtime.compressor(
                    Codec.ZSTD, 3, CompressionOptions.defaults().withChecksum(false));
            assertFalse(ZstdOptionsTest.hasChecksum(noChecksum.compress(record)), p.id());
        }
    }

    /** Plain zstd only, ranked first, its codecs native-zstd's behind a marker. */
    private static final class PlainOnly implements CompressionProvider {
        static final String ID = "plain-zstd-only";

        /** What this provider made. */
        interface Marked {}

        private static final class MarkedCompressor implements Compressor, Marked {
            private final Compressor c = ZstdDictionaryTest.FFM.compressor(Codec.ZSTD, 3);

            @Override
            public Codec codec() {
                return c.codec();
            }

            @Override
            public int level() {
                return c.level();
            }

            @Override
            public long maxCompressedLength(long n) {
                return c.maxCompressedLength(n);
            }

            @Override
            public int compress(byte[] in, int off, int len, byte[] out, int outOff, int max) {
                return c.compress(in, off, len, out, outOff, max);
            }

            @Override
            public void compress(java.nio.ByteBuffer in, java.nio.ByteBuffer out) {
                c.compress(in, out);
            }

            @Override
            public long compress(java.lang.foreign.MemorySegment in, java.lang.foreign.MemorySegment out) {
                return c.compress(in, out);
            }

            @Override
            public java.io.OutputStream compressing(java.io.OutputStream out) {
                return c.compressing(out);
            }
        }

        @Override
        public String id() {
            return ID;
        }

        @Override
        public dev.arsenal.ProviderKind kind() {
            return dev.arsenal.ProviderKind.JAVA;
        }

        @Override
        public java.util.Set<Codec> algorithms() {
            return java.util.Set.of(Codec.ZSTD);
        }

        @Override
        public dev.arsenal.spi.Availability probe(dev.arsenal.platform.PlatformInfo platform) {
            return dev.arsenal.spi.Availability.available();
        }

        @Override
        public int rank(dev.arsenal.Algorithm algorithm, Strategy strategy) {
            return 300;
        }

        @Override
        public boolean supports(Codec codec, int level) {
            return codec == Codec.ZSTD && level == 3;
        }

        @Override
        public Compressor compressor(Codec codec, int level) {
            return new MarkedCompressor();
        }

        @Override
        public Decompressor decompressor(Codec codec) {
            return ZstdDictionaryTest.FFM.decompressor(codec);
        }
    }

    private static boolean isNative(Object codec) {
        return codec instanceof ZstdJniCompressor
                || codec instanceof ZstdFfmCodec.Compressor
                || codec instanceof ZstdJniDecompressor
                || codec instanceof ZstdFfmCodec.Decompressor;
    }
}
