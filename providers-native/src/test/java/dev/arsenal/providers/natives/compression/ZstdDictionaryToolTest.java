package dev.arsenal.providers.natives.compression;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arsenal.compression.Codec;
import dev.arsenal.compression.CompressionOptions;
import dev.arsenal.compression.Compressor;
import dev.arsenal.spi.ReferenceTools;
import dev.arsenal.spi.compression.CompressionProvider;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Dictionaries between the {@code zstd} command and both native providers: a dictionary {@code
 * zstd --train} wrote, used both ways; one we trained, used by the tool; and the window of the
 * ultra levels with a dictionary, which must stay within 8 MiB.
 */
class ZstdDictionaryToolTest {
    @TempDir
    Path dir;

    @BeforeAll
    static void everythingIsHere() {
        ReferenceTools.assumeCommand("zstd");
        Tools.assumeAvailable("zstd-jni", ZstdDictionaryTest.JNI.probe(null));
        Tools.assumeAvailable("libzstd through FFM", ZstdDictionaryTest.FFM.probe(null));
    }

    static Stream<CompressionProvider> providers() {
        return ZstdDictionaryTest.providers();
    }

    /** {@code zstd --train} on 1000 record files; the dictionary's bytes. */
    private byte[] toolDictionary() throws IOException, InterruptedException {
        Path samples = Files.createDirectories(dir.resolve("samples"));
        List<byte[]> records = ZstdDictionaryTest.records(1000, 21);
        for (int i = 0; i < records.size(); i++) {
            Files.write(samples.resolve("r" + i + ".json"), records.get(i));
        }
        ReferenceTools.run(dir, "zstd", "--train", "-q", "-r", "samples", "--maxdict=16384", "-o", "tool.dict");
        return Files.readAllBytes(dir.resolve("tool.dict"));
    }

    @ParameterizedTest
    @MethodSource("providers")
    void theToolsDictionaryWorksBothWays(CompressionProvider p) throws Exception {
        CompressionOptions options = CompressionOptions.defaults().withDictionary(toolDictionary());
        byte[] record = ZstdDictionaryTest.records(1, 22).getFirst();
        byte[] many = ZstdDictionaryTest.join(ZstdDictionaryTest.records(500, 23));

        // Ours, one-shot and streamed, decoded by zstd -D.
        Compressor c = p.compressor(Codec.ZSTD, 3, options);
        Files.write(dir.resolve("one.zst"), c.compress(record));
        Files.write(dir.resolve("many.zst"), ZstdDictionaryTest.streamed(c, many));
        ReferenceTools.run(dir, "zstd", "-q", "-d", "-D", "tool.dict", "one.zst", "-o", "one.out");
        ReferenceTools.run(dir, "zstd", "-q", "-d", "-D", "tool.dict", "many.zst", "-o", "many.out");
        assertArrayEquals(record, Files.readAllBytes(dir.resolve("one.out")));
        assertArrayEquals(many, Files.readAllBytes(dir.resolve("many.out")));

        // The tool's, decoded by us.
        Files.write(dir.resolve("record.json"), record);
        ReferenceTools.run(dir, "zstd", "-q", "-19", "-D", "tool.dict", "record.json", "-o", "tool.zst");
        byte[] toolFrame = Files.readAllBytes(dir.resolve("tool.zst"));
        assertArrayEquals(record, p.decompressor(Codec.ZSTD, options).decompress(toolFrame, record.length));
        assertArrayEquals(
                record, ZstdDictionaryTest.unstreamed(p.decompressor(Codec.ZSTD, options), toolFrame, record.length));
    }

    @ParameterizedTest
    @MethodSource("providers")
    void ourTrainedDictionaryWorksWithTheTool(CompressionProvider p) throws Exception {
        byte[] dictionary = p.trainDictionary(Codec.ZSTD, ZstdDictionaryTest.records(2000, 31), 16 * 1024);
        Files.write(dir.resolve("our.dict"), dictionary);
        CompressionOptions options = CompressionOptions.defaults().withDictionary(dictionary);
        byte[] record = ZstdDictionaryTest.records(1, 32).getFirst();

        Files.write(
                dir.resolve("ours.zst"), p.compressor(Codec.ZSTD, 3, options).compress(record));
        ReferenceTools.run(dir, "zstd", "-q", "-d", "-D", "our.dict", "ours.zst", "-o", "ours.out");
        assertArrayEquals(record, Files.readAllBytes(dir.resolve("ours.out")));

        Files.write(dir.resolve("record.json"), record);
        ReferenceTools.run(dir, "zstd", "-q", "-D", "our.dict", "record.json", "-o", "theirs.zst");
        byte[] theirs = Files.readAllBytes(dir.resolve("theirs.zst"));
        assertArrayEquals(record, p.decompressor(Codec.ZSTD, options).decompress(theirs, record.length));
        assertEquals(
                Integer.toUnsignedLong(ZstdDictionaryTest.littleEndianInt(dictionary, 4)),
                ZstdDictionaryTest.frameDictionaryId(theirs),
                "the tool's frame names our dictionary");
    }

    /** Levels 20 to 22 with a dictionary keep the 8 MiB window, one-shot and streamed. */
    @ParameterizedTest
    @MethodSource("providers")
    void theUltraLevelsKeepTheirWindowWithADictionary(CompressionProvider p) throws Exception {
        CompressionOptions options = CompressionOptions.defaults()
                .withDictionary(p.trainDictionary(Codec.ZSTD, ZstdDictionaryTest.records(1000, 41), 16 * 1024));
        byte[] input = Tools.text(300_000);
        for (int level : new int[] {19, 22}) {
            Compressor c = p.compressor(Codec.ZSTD, level, options);
            byte[] oneShot = c.compress(input);
            Files.write(dir.resolve("o.zst"), oneShot);
            Files.write(dir.resolve("s.zst"), ZstdDictionaryTest.streamed(c, input));
            for (String file : new String[] {"o.zst", "s.zst"}) {
                String listing = ReferenceTools.run(dir, "zstd", "-lv", file);
                Matcher m = Pattern.compile("Window Size: .*\\((\\d+) B\\)").matcher(listing);
                assertTrue(m.find(), listing);
                long window = Long.parseLong(m.group(1));
                assertTrue(window <= 8 << 20, p + " level " + level + " " + file + ": " + listing);
            }
            assertArrayEquals(input, p.decompressor(Codec.ZSTD, options).decompress(oneShot, input.length));
        }
    }
}
