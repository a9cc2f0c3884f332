package dev.arsenal.compression;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arsenal.UnknownAlgorithmException;
import org.junit.jupiter.api.Test;

/** Codec names and relations, and the rules of {@link CompressionOptions}. */
class CodecAndOptionsTest {
    @Test
    void codecsAreFoundByIdEnumNameAndTheFormsOfEnvironmentKeys() {
        for (Codec c : Codec.values()) {
            assertEquals(c, Codec.byId(c.id()));
            assertEquals(c, Codec.byId(c.name()));
            assertEquals(c, Codec.byId(" " + c.id().toUpperCase() + " "));
        }
        assertEquals(Codec.ZSTD_SHUFFLE, Codec.byId("zstd.shuffle"));
        assertEquals(Codec.LZ4_BLOCK, Codec.byId("lz4.block"));
        assertEquals(Codec.LZ4_SHUFFLE, Codec.byId("lz4-shuffle"));
        UnknownAlgorithmException e = assertThrows(UnknownAlgorithmException.class, () -> Codec.byId("brotli"));
        assertTrue(e.getMessage().contains("zstd+shuffle"), e.getMessage());
    }

    @Test
    void shuffleCodecsNameTheirInnerCodecAndItsLevels() {
        assertEquals(Codec.LZ4, Codec.LZ4_SHUFFLE.inner());
        assertEquals(Codec.ZSTD, Codec.ZSTD_SHUFFLE.inner());
        assertEquals(Codec.GZIP, Codec.GZIP.inner());
        for (Codec c : Codec.values()) {
            assertEquals(c.inner() != c, c.isShuffle(), c.id());
            assertEquals(c.inner().minLevel(), c.minLevel(), c.id());
            assertEquals(c.inner().maxLevel(), c.maxLevel(), c.id());
            assertEquals(c != Codec.LZ4_BLOCK, c.hasStreams(), c.id());
        }
    }

    @Test
    void optionsAreImmutableValuesWithCheckedRanges() {
        CompressionOptions d = CompressionOptions.defaults();
        assertTrue(d.checksum() && d.contentSize() && !d.hasDictionary() && d.isPlain());
        assertEquals(CompressionOptions.DEFAULT_ELEMENT_SIZE, d.elementSize());
        assertTrue(d.withElementSize(4).isPlain(), "the element size is the shuffle stage's, not the codec's");
        assertFalse(d.withChecksum(false).isPlain());
        assertFalse(d.withContentSize(false).isPlain());

        byte[] dict = {1, 2, 3};
        CompressionOptions withDict = d.withDictionary(dict);
        dict[0] = 9;
        assertArrayEquals(new byte[] {1, 2, 3}, withDict.dictionary().orElseThrow(), "copied in");
        withDict.dictionary().orElseThrow()[1] = 9;
        assertArrayEquals(new byte[] {1, 2, 3}, withDict.dictionary().orElseThrow(), "copied out");
        assertEquals(withDict, d.withDictionary(new byte[] {1, 2, 3}));
        assertEquals(withDict.hashCode(), d.withDictionary(new byte[] {1, 2, 3}).hashCode());
        assertNotEquals(withDict, d);
        assertEquals(d, withDict.withDictionary(null));
        assertEquals("options[checksum, content size, dictionary of 3 bytes]", withDict.toString());

        assertThrows(IllegalArgumentException.class, () -> d.withDictionary(new byte[0]));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> d.withElementSize(0));
        assertEquals("the element size must be 1 to 255 bytes, not 0", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> d.withElementSize(256));
    }
}
