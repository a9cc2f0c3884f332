package dev.arsenal.providers.natives.compression;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arsenal.compression.Codec;
import dev.arsenal.compression.CompressionOptions;
import dev.arsenal.providers.natives.ffm.NativeBinding;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A libzstd without the dictionary functions (an old or trimmed build) keeps native-zstd, with
 * checksum and content size options, and loses only dictionaries and training.
 */
class ZstdFfmDictionarySymbolsTest {
    @BeforeAll
    static void libzstdIsHere() {
        Tools.assumeAvailable("libzstd through FFM", ZstdFfmBindings.binding().availability());
    }

    /**
     * The real binding with both optional groups unavailable, as {@code NativeBinder} leaves them
     * for a libzstd without their symbols ({@code NativeBinderTest} binds such a group).
     */
    private static NativeBinding<ZstdFfmBindings.Handles> withoutDictionaries() {
        NativeBinding<ZstdFfmBindings.Handles> real = ZstdFfmBindings.binding();
        ZstdFfmBindings.Handles h = real.handles();
        ZstdFfmBindings.Handles trimmed = new ZstdFfmBindings.Handles(
                h.compressBound(),
                h.isError(),
                h.getErrorName(),
                h.createCCtx(),
                h.freeCCtx(),
                h.setParameter(),
                h.compress2(),
                h.compressStream2(),
                h.createDCtx(),
                h.freeDCtx(),
                h.decompressDCtx(),
                h.decompressStream(),
                h.decompressBound(),
                h.compress2Heap(),
                h.decompressDCtxHeap(),
                h.setPledgedSrcSize(),
                NativeBinding.unavailable("libzstd 1.5.0 at libzstd.so.1 lacks the symbol ZSTD_createCDict", null),
                NativeBinding.unavailable(
                        "libzstd 1.5.0 at libzstd.so.1 lacks the symbol ZDICT_trainFromBuffer", null));
        return new NativeBinding<>(trimmed, real.availability(), real.library());
    }

    @Test
    void theSystemLibzstdHasBothGroups() {
        ZstdFfmBindings.Handles real = ZstdFfmBindings.handles();
        assertTrue(
                real.dictionaries().availability().isAvailable(),
                real.dictionaries().availability()::cause);
        assertTrue(real.training().availability().isAvailable(), real.training().availability()::cause);
        assertEquals(ZstdFfmBindings.binding().library(), real.dictionaries().library());
    }

    @Test
    void withoutThemOnlyDictionariesAreUnsupported() {
        NativeBinding<ZstdFfmBindings.Handles> binding = withoutDictionaries();
        ZstdFfmProvider p = new ZstdFfmProvider(() -> binding);
        assertTrue(p.probe(null).isAvailable());
        CompressionOptions dictionary = CompressionOptions.defaults().withDictionary(new byte[] {1, 2, 3, 4});
        CompressionOptions noChecksum = CompressionOptions.defaults().withChecksum(false);
        assertFalse(p.supports(Codec.ZSTD, 3, dictionary));
        assertFalse(p.supportsDecompression(Codec.ZSTD, dictionary));
        assertFalse(p.trainsDictionaries(Codec.ZSTD));
        assertTrue(p.supports(Codec.ZSTD, 3, noChecksum));
        assertEquals(
                "checksum on/off, content size on/off, no dictionaries (libzstd 1.5.0 at libzstd.so.1 lacks the"
                        + " symbol ZSTD_createCDict)",
                p.supportedOptions(Codec.ZSTD));

        ZstdFfmCodec.Compressor c = new ZstdFfmCodec.Compressor(binding.handles(), 3, noChecksum);
        ZstdFfmCodec.Decompressor d = new ZstdFfmCodec.Decompressor(binding.handles());
        byte[] input = Tools.text(5000);
        byte[] frame = c.compress(input);
        assertFalse(ZstdOptionsTest.hasChecksum(frame));
        assertArrayEquals(input, d.decompress(frame, input.length));
        assertEquals(
                "this libzstd has no dictionaries: libzstd 1.5.0 at libzstd.so.1 lacks the symbol ZSTD_createCDict",
                assertThrows(
                                UnsupportedOperationException.class,
                                () -> new ZstdFfmCodec.Compressor(binding.handles(), 3, dictionary))
                        .getMessage());
        assertEquals(
                "this libzstd cannot train dictionaries: libzstd 1.5.0 at libzstd.so.1 lacks the symbol"
                        + " ZDICT_trainFromBuffer",
                assertThrows(
                                UnsupportedOperationException.class,
                                () -> ZstdFfmDictionaries.train(
                                        binding.handles().training(), List.of(), 1024))
                        .getMessage());
    }
}
