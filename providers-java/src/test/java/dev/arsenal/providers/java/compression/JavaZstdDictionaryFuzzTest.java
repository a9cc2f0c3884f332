package dev.arsenal.providers.java.compression;

import dev.arsenal.ProviderKind;
import dev.arsenal.Strategy;
import dev.arsenal.compression.Codec;
import dev.arsenal.compression.Compressor;
import dev.arsenal.compression.Decompressor;
import dev.arsenal.platform.PlatformInfo;
import dev.arsenal.spi.Availability;
import dev.arsenal.spi.compression.AbstractDecoderFuzzTest;
import dev.arsenal.spi.compression.CompressionProvider;
import java.util.Set;

/**
 * Fuzzes the zstd decoder of {@code java-compression} with a dictionary (the committed {@code
 * zstd/records.dict}, in the zstd format: its tables, repeat offsets and content): every form on
 * hostile input. No round trip: there is no compressor with dictionaries here, and a frame written
 * without one need not decode alike with one (its first sequences may use the repeat offsets a
 * frame starts with, which the dictionary replaces). The tool's frames written with the dictionary
 * are kept inputs, under {@code JavaZstdDictionaryFuzzTestInputs/fuzz/}, and so seeds.
 */
class JavaZstdDictionaryFuzzTest extends AbstractDecoderFuzzTest {
    @Override
    protected CompressionProvider provider() {
        return new WithDictionary(ZstdTestInputs.resource("records.dict"));
    }

    @Override
    protected Codec codec() {
        return Codec.ZSTD;
    }

    /** {@code java-compression}'s zstd, decoding with a dictionary. */
    private static final class WithDictionary implements CompressionProvider {
        private final JavaCompressionProvider java = new JavaCompressionProvider();
        private final byte[] dictionary;

        WithDictionary(byte[] dictionary) {
            this.dictionary = dictionary;
        }

        @Override
        public String id() {
            return java.id() + " with a dictionary";
        }

        @Override
        public ProviderKind kind() {
            return java.kind();
        }

        @Override
        public Set<Codec> algorithms() {
            return Set.of(Codec.ZSTD);
        }

        @Override
        public Availability probe(PlatformInfo platform) {
            return Availability.available();
        }

        @Override
        public int rank(dev.arsenal.Algorithm algorithm, Strategy strategy) {
            return 0;
        }

        /** No level: the fuzzing makes no round trips (see the class comment). */
        @Override
        public boolean supports(Codec codec, int level) {
            return false;
        }

        @Override
        public Compressor compressor(Codec codec, int level) {
            throw new UnsupportedOperationException("no compressor with a dictionary");
        }

        @Override
        public Decompressor decompressor(Codec codec) {
            return new ZstdJava.Decompressor(dictionary);
        }
    }
}
