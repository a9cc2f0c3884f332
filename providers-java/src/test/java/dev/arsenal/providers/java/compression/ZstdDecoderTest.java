package dev.arsenal.providers.java.compression;

import static dev.arsenal.providers.java.compression.ZstdTestInputs.resource;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.arsenal.compression.Codec;
import dev.arsenal.compression.CompressionOptions;
import dev.arsenal.compression.Decompressor;
import dev.arsenal.compression.MalformedInputException;
import dev.arsenal.spi.compression.ZstdGoldenFiles;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The pure-Java zstd decoder ({@link ZstdJava.Decompressor}) on frames the {@code zstd} tool wrote
 * (committed, see {@code zstd/README.txt}: every level from -5 to 22, long mode, without checksum or
 * content size, a window smaller than the content, two frames, dictionaries in the zstd format and
 * raw), on zstd's own golden files, valid and invalid, and on what must fail and how: every form
 * (one-shot, into an exact range with guard bytes, a stream read in odd chunks from an input that
 * arrives a few bytes at a time).
 */
class ZstdDecoderTest {
    private static final byte GUARD = (byte) 0xA5;

    private final Decompressor plain = new ZstdJava.Decompressor();

    @ParameterizedTest
    @ValueSource(
            strings = {
                "mixed-fast5.zst",
                "mixed-1.zst",
                "mixed-3.zst",
                "mixed-9.zst",
                "mixed-19.zst",
                "mixed-ultra22.zst",
                "mixed-long27-stdin.zst",
                "mixed-nocheck.zst",
                "mixed-nosize.zst",
                "mixed-wlog17-stdin.zst"
            })
    void theToolsFramesDecodeInEveryForm(String name) throws IOException {
        checkEveryForm(plain, resource(name), ZstdTestInputs.mixed(), name);
    }

    @Test
    void aStreamsBufferHoldsTheWindowAndTwoBlocksAtMost() throws IOException {
        // A 128 MiB window and 210 KB of content: two blocks of buffer.
        byte[] expected = ZstdTestInputs.mixed();
        try (ZstdDecodingStream in =
                new ZstdDecodingStream(new ByteArrayInputStream(resource("mixed-long27-stdin.zst")), null)) {
            assertArrayEquals(expected, in.readAllBytes());
            assertEquals(2 * 128 * 1024 + ZstdSequenceDecoder.OUTPUT_SLACK, in.bufferLength());
        }
        // A 128 KiB window: the window and two blocks at most, though the content is larger.
        try (ZstdDecodingStream in =
                new ZstdDecodingStream(new ByteArrayInputStream(resource("mixed-wlog17-stdin.zst")), null)) {
            assertArrayEquals(expected, in.readAllBytes());
            assertTrue(in.bufferLength() <= 3 * 128 * 1024 + ZstdSequenceDecoder.OUTPUT_SLACK, "" + in.bufferLength());
        }
    }

    @Test
    void framesFollowEachOtherAndSkippableFramesAreSkipped() throws IOException {
        byte[] multi = resource("multi.zst");
        byte[] expected = concat(ZstdTestInputs.mixed(), ZstdTestInputs.hello());
        checkEveryForm(plain, multi, expected, "multi.zst");
        byte[] skippable = {0x50, 0x2A, 0x4D, 0x18, 3, 0, 0, 0, 1, 2, 3};
        byte[] emptySkippable = {0x5F, 0x2A, 0x4D, 0x18, 0, 0, 0, 0};
        byte[] frames = concat(skippable, multi, emptySkippable, resource("mixed-nosize.zst"), skippable);
        checkEveryForm(plain, frames, concat(expected, ZstdTestInputs.mixed()), "skippable frames around");
        MalformedInputException e =
                assertThrows(MalformedInputException.class, () -> plain.decompress(Arrays.copyOf(skippable, 10), 100));
        assertTrue(e.reason().contains("skippable frame") && e.reason().contains("1 more bytes"), e.getMessage());
    }

    // ---- dictionaries ----

    @Test
    void zstdDictionariesDecodeTheirFrames() throws IOException {
        Decompressor withDict = new ZstdJava.Decompressor(resource("records.dict"));
        byte[] records = ZstdTestInputs.samples(0, 20);
        checkEveryForm(withDict, resource("records-dict.zst"), records, "records-dict.zst");
        checkEveryForm(withDict, resource("records-dict-noid.zst"), records, "records-dict-noid.zst");
        checkEveryForm(withDict, resource("record-dict.zst"), ZstdTestInputs.samples(250, 251), "record-dict.zst");

        MalformedInputException e = assertThrows(
                MalformedInputException.class, () -> plain.decompress(resource("records-dict.zst"), 10_000));
        assertTrue(e.reason().contains("needs dictionary 92877439, and no dictionary was given"), e.getMessage());
        assertEquals(5, e.offset(), e.getMessage());
        byte[] otherDict = resource("records.dict").clone();
        otherDict[4] ^= 1; // another dictionary ID
        Decompressor other = new ZstdJava.Decompressor(otherDict);
        e = assertThrows(MalformedInputException.class, () -> other.decompress(resource("records-dict.zst"), 10_000));
        assertTrue(e.reason().contains("not dictionary 92877438"), e.getMessage());
        // Without a dictionary ID in the frame, nothing tells: the content decodes to other bytes or fails.
        assertThrows(MalformedInputException.class, () -> plain.decompress(resource("records-dict-noid.zst"), 10_000));
    }

    @Test
    void rawContentDictionariesDecodeTheirFrames() throws IOException {
        Decompressor raw = new ZstdJava.Decompressor(ZstdTestInputs.samples(20, 40));
        checkEveryForm(raw, resource("records-rawdict.zst"), ZstdTestInputs.samples(0, 20), "records-rawdict.zst");
        // Under 8 bytes a dictionary is raw content, even with the magic number; a frame that uses
        // no dictionary decodes with it as without.
        checkEveryForm(
                new ZstdJava.Decompressor(Arrays.copyOf(resource("records.dict"), 7)),
                resource("mixed-3.zst"),
                ZstdTestInputs.mixed(),
                "a frame without dictionary, given a 7-byte dictionary");
    }

    @Test
    void theProviderDecodesZstdWithADictionaryAndOnlyZstd() {
        JavaCompressionProvider provider = new JavaCompressionProvider();
        CompressionOptions withDict = CompressionOptions.defaults().withDictionary(resource("records.dict"));
        assertTrue(provider.supportsDecompression(Codec.ZSTD, withDict));
        assertTrue(provider.supportsDecompression(Codec.ZSTD, CompressionOptions.defaults()));
        assertFalse(provider.supportsDecompression(Codec.LZ4, withDict));
        assertTrue(provider.supportsDecompression(Codec.LZ4, CompressionOptions.defaults()));
        assertArrayEquals(
                ZstdTestInputs.samples(0, 20),
                provider.decompressor(Codec.ZSTD, withDict).decompress(resource("records-dict.zst"), 10_000));
        assertThrows(UnsupportedOperationException.class, () -> provider.decompressor(Codec.GZIP, withDict));
    }

    @Test
    void aCorruptZstdDictionaryIsRefused() {
        for (int length : new int[] {8, 9, 12, 40}) {
            byte[] cut = Arrays.copyOf(resource("records.dict"), length);
            IllegalArgumentException e = assertThrows(
                    IllegalArgumentException.class, () -> new ZstdJava.Decompressor(cut), length + " bytes");
            assertTrue(e.getMessage().contains("corrupt zstd dictionary: truncated"), e.getMessage());
        }
    }

    // ---- zstd's golden files ----

    @Test
    void zstdsGoldenFramesDecode() throws IOException {
        checkEveryForm(plain, ZstdGoldenFiles.read("decompression/block-128k.zst"), new byte[131_068], "block-128k");
        checkEveryForm(plain, ZstdGoldenFiles.read("decompression/empty-block.zst"), new byte[0], "empty-block");
        checkEveryForm(
                plain, ZstdGoldenFiles.read("decompression/rle-first-block.zst"), new byte[1 << 20], "rle-first");
        checkEveryForm(
                plain,
                ZstdGoldenFiles.read("decompression/zeroSeq_2B.zst"),
                "Hello World!\n".getBytes(StandardCharsets.US_ASCII),
                "zeroSeq_2B");
    }

    @ParameterizedTest
    @ValueSource(strings = {"off0.bin.zst", "truncated_huff_state.zst", "zeroSeq_extraneous.zst"})
    void zstdsGoldenErrorsAreMalformed(String name) {
        byte[] frame = ZstdGoldenFiles.read("errors/" + name);
        MalformedInputException e = assertMalformedEverywhere(plain, frame, name);
        String expected = switch (name) {
            case "off0.bin.zst" -> "offset 0";
            case "truncated_huff_state.zst" -> "initial states";
            default -> "follow a sequences section without sequences";
        };
        assertTrue(e.reason().contains(expected), e.getMessage());
    }

    // ---- what fails, and how it says so ----

    @Test
    void emptyInputIsMalformed() {
        MalformedInputException e = assertMalformedEverywhere(plain, new byte[0], "empty");
        assertEquals("empty input: no zstd frame", e.reason());
        assertEquals(0, e.offset());
    }

    @Test
    void everyTruncationOfAToolFrameSaysWhatIsMissing() {
        byte[] frame = resource("mixed-19.zst");
        for (int length = 1; length < frame.length; length += length < 100 ? 1 : 97) {
            byte[] cut = Arrays.copyOf(frame, length);
            MalformedInputException e = assertMalformedEverywhere(plain, cut, length + " bytes");
            assertTrue(e.reason().startsWith("truncated"), length + ": " + e.getMessage());
            assertTrue(e.reason().matches(".* needs \\d+ more bytes.*"), length + ": " + e.getMessage());
            assertTrue(e.offset() >= 0 && e.offset() <= length, length + ": " + e.getMessage());
        }
    }

    @Test
    void reservedBlockTypeAndReservedBitAreMalformed() {
        byte[] frame = ZstdGoldenFiles.read("decompression/empty-block.zst").clone();
        // 28 B5 2F FD | 00 00 | block header 01 00 00 (last, raw, 0 bytes) | ...
        frame[6] = 0x07; // last, type 3
        MalformedInputException e = assertMalformedEverywhere(plain, frame, "reserved block type");
        assertEquals("reserved block type", e.reason());
        assertEquals(6, e.offset());
        byte[] reserved = ZstdGoldenFiles.read("decompression/empty-block.zst").clone();
        reserved[4] |= 0x08;
        e = assertMalformedEverywhere(plain, reserved, "reserved bit");
        assertTrue(e.reason().contains("reserved bit"), e.getMessage());
        assertEquals(4, e.offset());
    }

    @Test
    void aChecksumMismatchGivesBothValues() {
        byte[] frame = resource("mixed-3.zst").clone();
        frame[frame.length - 1] ^= 0x10;
        MalformedInputException e = assertMalformedEverywhere(plain, frame, "checksum");
        assertTrue(
                e.reason()
                        .matches(
                                "checksum mismatch: the frame says 0x[0-9A-F]{8}, the content hashes to 0x[0-9A-F]{8}"),
                e.getMessage());
        assertEquals(frame.length - 4, e.offset());
    }

    @Test
    void theContentSizeOfTheHeaderIsChecked() {
        // 28 B5 2F FD | 20 (single segment, 1-byte size) | size | block 19 00 00: last raw 3 bytes | "abc"
        byte[] frame = {0x28, (byte) 0xB5, 0x2F, (byte) 0xFD, 0x20, 3, 0x19, 0, 0, 'a', 'b', 'c'};
        assertArrayEquals("abc".getBytes(StandardCharsets.US_ASCII), plain.decompress(frame, 10));
        frame[5] = 4;
        MalformedInputException e = assertMalformedEverywhere(plain, frame, "size 4");
        assertTrue(e.reason().contains("holds 3 bytes, its header says 4"), e.getMessage());
        frame[5] = 2;
        e = assertMalformedEverywhere(plain, frame, "size 2");
        // A single-segment frame's window is its content size: the block is larger.
        assertTrue(e.reason().contains("exceeds the block maximum of 2"), e.getMessage());
    }

    @Test
    void everyFormOfTheFrameHeaderIsRead() throws IOException {
        // A raw dictionary has no ID of its own, so that frames naming any dictionary ID decode with it.
        Decompressor raw = new ZstdJava.Decompressor(new byte[] {9, 9, 9});
        byte[] abc = "abc".getBytes(StandardCharsets.US_ASCII);
        byte[] block = {0x19, 0, 0, 'a', 'b', 'c'}; // last, raw, 3 bytes
        for (int fcsFlag = 0; fcsFlag < 4; fcsFlag++) {
            for (int single = 0; single < 2; single++) {
                for (int dictFlag = 0; dictFlag < 4; dictFlag++) {
                    ByteArrayOutputStream f = new ByteArrayOutputStream();
                    f.writeBytes(new byte[] {0x28, (byte) 0xB5, 0x2F, (byte) 0xFD});
                    f.write(fcsFlag << 6 | single << 5 | dictFlag);
                    if (single == 0) {
                        f.write(0x08); // 2 KiB
                    }
                    int idBytes = dictFlag == 3 ? 4 : dictFlag;
                    for (int i = 0; i < idBytes; i++) {
                        f.write(0x11 * (i + 1));
                    }
                    int sizeBytes = fcsFlag == 0 ? single : 1 << fcsFlag;
                    for (int i = 0; i < sizeBytes; i++) {
                        f.write(i == 0 ? 3 : 0); // 3, or 259 in the 2-byte field, which counts from 256
                    }
                    long size = sizeBytes == 0 ? -1 : sizeBytes == 2 ? 259 : 3;
                    byte[] header = f.toByteArray();
                    String what =
                            "FCS flag " + fcsFlag + ", single segment " + single + ", dictionary ID flag " + dictFlag;
                    ZstdFrameHeader h = ZstdFrameHeader.parse(header, 0, 0);
                    assertEquals(header.length, h.size(), what);
                    assertEquals(header.length, ZstdFrameHeader.sizeOf(header[4]), what);
                    assertEquals(size, h.contentSize(), what);
                    assertEquals(single == 1 ? size : 2048, h.windowSize(), what);
                    assertEquals(new int[] {0, 0x11, 0x2211, 0x44332211}[dictFlag], h.dictionaryId(), what);
                    if (sizeBytes == 2) {
                        // 3 bytes cannot be said in 2 bytes: the field starts at 256.
                        MalformedInputException e = assertThrows(
                                MalformedInputException.class, () -> raw.decompress(concat(header, block), 1000));
                        assertTrue(e.reason().contains("holds 3 bytes, its header says 259"), e.getMessage());
                        continue;
                    }
                    checkEveryForm(raw, concat(header, block), abc, what);
                    if (dictFlag != 0) {
                        MalformedInputException e = assertThrows(
                                MalformedInputException.class, () -> plain.decompress(concat(header, block), 1000));
                        assertEquals(single == 1 ? 5 : 6, e.offset(), what + ": the dictionary ID's offset");
                    }
                }
            }
        }
    }

    @Test
    void aWindowAbove128MiBIsRefusedWithTheWindowAskedFor() {
        // Window descriptor 0x88: exponent 17, windowLog 27, mantissa 0: 128 MiB, the limit; 0x89: 144 MiB.
        byte[] frame = {0x28, (byte) 0xB5, 0x2F, (byte) 0xFD, 0x00, (byte) 0x88, 0x01, 0, 0};
        assertEquals(0, plain.decompress(frame, 10).length);
        frame[5] = (byte) 0x89;
        MalformedInputException e = assertMalformedEverywhere(plain, frame, "144 MiB");
        assertTrue(e.reason().contains("window of 150994944 bytes"), e.getMessage());
        assertTrue(e.reason().contains("limit of 134217728"), e.getMessage());
        // A single-segment frame needs its whole content as window.
        byte[] single = {0x28, (byte) 0xB5, 0x2F, (byte) 0xFD, (byte) 0xA0, 0, 0, 0, 0x10, 0x01, 0, 0};
        e = assertMalformedEverywhere(plain, single, "single segment of 256 MiB");
        assertTrue(e.reason().contains("single-segment frame of 268435456 bytes"), e.getMessage());
    }

    @Test
    void badMagicNumbersAreNamed() {
        MalformedInputException e = assertMalformedEverywhere(plain, new byte[] {1, 2, 3, 4, 5, 6, 7, 8}, "bad magic");
        assertTrue(e.reason().contains("bad magic number 0x04030201"), e.getMessage());
        assertEquals(0, e.offset());
        e = assertMalformedEverywhere(plain, resource("records.dict"), "a dictionary");
        assertTrue(e.reason().contains("dictionary"), e.getMessage());
        byte[] trailing = concat(resource("multi.zst"), new byte[] {0, 0, 0, 0});
        e = assertMalformedEverywhere(plain, trailing, "trailing zeros");
        assertTrue(e.reason().contains("after the last frame"), e.getMessage());
        assertEquals(resource("multi.zst").length, e.offset());
    }

    @Test
    void tooLittleRoomIsMalformedAndNothingIsWrittenPastIt() {
        byte[] frame = resource("mixed-nosize.zst"); // no content size: the room runs out while decoding
        byte[] expected = ZstdTestInputs.mixed();
        for (int room : new int[] {0, 1, 1000, 65_536, 131_072, 150_003, expected.length - 1}) {
            byte[] out = new byte[room + 64];
            Arrays.fill(out, GUARD);
            MalformedInputException e = assertThrows(
                    MalformedInputException.class, () -> plain.decompress(frame, 0, frame.length, out, 32, room));
            assertTrue(e.reason().contains("output exceeds the " + room + " bytes of room given"), e.getMessage());
            for (int i = 0; i < 32; i++) {
                assertEquals(GUARD, out[i], room + ": byte " + i + " before the range");
                assertEquals(GUARD, out[32 + room + i], room + ": byte " + i + " after the range");
            }
        }
        // With the content size known the frame is refused before it is decoded.
        byte[] sized = resource("mixed-3.zst");
        MalformedInputException e = assertThrows(
                MalformedInputException.class, () -> plain.decompress(sized, 0, sized.length, new byte[9], 0, 9));
        assertEquals(0, e.offset());
    }

    @Test
    void theUnderlyingStreamsOwnFailurePassesThroughUnchanged() throws IOException {
        IOException failure = new IOException("disk on fire");
        byte[] frame = resource("mixed-3.zst");
        InputStream failing = new InputStream() {
            private int left = 5000;

            @Override
            public int read() throws IOException {
                if (left-- <= 0) {
                    throw failure;
                }
                return frame[5000 - left - 1] & 0xFF;
            }
        };
        try (InputStream in = plain.decompressing(failing, Long.MAX_VALUE)) {
            IOException e = assertThrows(IOException.class, in::readAllBytes);
            assertSame(failure, e);
        }
    }

    @Test
    void aStreamKeepsFailingAfterMalformedInput() throws IOException {
        byte[] bad = ZstdGoldenFiles.read("errors/off0.bin.zst");
        try (InputStream in = plain.decompressing(new ByteArrayInputStream(bad), Long.MAX_VALUE)) {
            IOException first = assertThrows(IOException.class, in::read);
            IOException again = assertThrows(IOException.class, in::read);
            assertSame(first.getCause(), again.getCause());
        }
    }

    @Test
    void theRfcConstantsAddUp() {
        // The predefined distributions fill their tables exactly ("less than 1" counts as 1).
        assertEquals(64, points(ZstdFormat.PREDEFINED_LITERAL_LENGTHS));
        assertEquals(64, points(ZstdFormat.PREDEFINED_MATCH_LENGTHS));
        assertEquals(32, points(ZstdFormat.PREDEFINED_OFFSETS));
        assertEquals(ZstdFormat.MAX_LITERAL_LENGTH_CODE + 1, ZstdFormat.PREDEFINED_LITERAL_LENGTHS.length);
        assertEquals(ZstdFormat.MAX_MATCH_LENGTH_CODE + 1, ZstdFormat.PREDEFINED_MATCH_LENGTHS.length);
        assertEquals(29, ZstdFormat.PREDEFINED_OFFSETS.length);
        // Each code's range ends where the next one's starts.
        for (int c = 0; c < ZstdFormat.MAX_LITERAL_LENGTH_CODE; c++) {
            assertEquals(
                    ZstdFormat.LITERAL_LENGTH_BASE[c + 1],
                    ZstdFormat.LITERAL_LENGTH_BASE[c] + (1 << ZstdFormat.LITERAL_LENGTH_BITS[c]),
                    "literal length code " + c);
        }
        for (int c = 0; c < ZstdFormat.MAX_MATCH_LENGTH_CODE; c++) {
            assertEquals(
                    ZstdFormat.MATCH_LENGTH_BASE[c + 1],
                    ZstdFormat.MATCH_LENGTH_BASE[c] + (1 << ZstdFormat.MATCH_LENGTH_BITS[c]),
                    "match length code " + c);
        }
        assertEquals(65536 + 65535, ZstdFormat.LITERAL_LENGTH_BASE[35] + (1 << 16) - 1);
        assertEquals(65539 + 65535, ZstdFormat.MATCH_LENGTH_BASE[52] + (1 << 16) - 1);
    }

    private static int points(short[] distribution) {
        int sum = 0;
        for (short p : distribution) {
            sum += Math.abs(p);
        }
        return sum;
    }

    // ---- helpers ----

    /**
     * One-shot, into a range of exactly the size at an odd offset (guards around untouched, one
     * byte less malformed), and streamed: read in odd chunks from an input that gives 1 to 13
     * bytes per read, and a byte at a time.
     */
    static void checkEveryForm(Decompressor d, byte[] frame, byte[] expected, String what) throws IOException {
        assertArrayEquals(expected, d.decompress(frame, expected.length), what + ": one-shot");
        byte[] in = new byte[frame.length + 7];
        System.arraycopy(frame, 0, in, 3, frame.length);
        byte[] out = new byte[expected.length + 40];
        Arrays.fill(out, GUARD);
        assertEquals(expected.length, d.decompress(in, 3, frame.length, out, 17, expected.length), what);
        assertArrayEquals(expected, Arrays.copyOfRange(out, 17, 17 + expected.length), what + ": into a range");
        for (int i = 0; i < 17; i++) {
            assertEquals(GUARD, out[i], what + ": byte before the range");
        }
        for (int i = 17 + expected.length; i < out.length; i++) {
            assertEquals(GUARD, out[i], what + ": byte after the range");
        }
        if (expected.length > 0) {
            assertThrows(
                    MalformedInputException.class,
                    () -> d.decompress(in, 3, frame.length, new byte[expected.length], 1, expected.length - 1),
                    what + ": one byte short");
        }
        assertArrayEquals(expected, stream(d, new Trickle(frame), 777), what + ": streamed, input in trickles");
        assertArrayEquals(expected, stream(d, new ByteArrayInputStream(frame), 1), what + ": a byte at a time");
    }

    static byte[] stream(Decompressor d, InputStream source, int chunk) throws IOException {
        ByteArrayOutputStream back = new ByteArrayOutputStream();
        try (InputStream in = d.decompressing(source, Long.MAX_VALUE)) {
            byte[] b = new byte[chunk];
            for (int n = in.read(b); n >= 0; n = in.read(b)) {
                back.write(b, 0, n);
            }
        }
        return back.toByteArray();
    }

    /** Malformed in one-shot, range and stream forms, with the same reason and offset; returns it. */
    static MalformedInputException assertMalformedEverywhere(Decompressor d, byte[] input, String what) {
        MalformedInputException oneShot =
                assertThrows(MalformedInputException.class, () -> d.decompress(input, 4 << 20), what + ": one-shot");
        MalformedInputException range = assertThrows(
                MalformedInputException.class,
                () -> d.decompress(input, 0, input.length, new byte[4 << 20], 0, 4 << 20),
                what + ": into a range");
        assertEquals(oneShot.getMessage(), range.getMessage(), what + ": range and stream forms agree");
        try (InputStream in = d.decompressing(new Trickle(input), 4 << 20)) {
            in.readAllBytes();
            fail(what + ": the stream decoded it");
        } catch (IOException e) {
            assertInstanceOf(MalformedInputException.class, e.getCause(), what + ": " + e);
            assertEquals(oneShot.getMessage(), e.getCause().getMessage(), what + ": trickled stream");
        }
        return oneShot;
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    /** An input that gives 1 to 13 bytes per read, as a socket might. */
    static final class Trickle extends FilterInputStream {
        private int turn;

        Trickle(byte[] b) {
            super(new ByteArrayInputStream(b));
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            turn = turn % 13 + 1;
            return super.read(b, off, Math.min(len, turn));
        }
    }
}
