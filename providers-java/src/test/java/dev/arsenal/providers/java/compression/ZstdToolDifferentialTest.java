package dev.arsenal.providers.java.compression;

import static dev.arsenal.providers.java.compression.ZstdDecoderTest.stream;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.arsenal.compression.Decompressor;
import dev.arsenal.spi.ReferenceTools;
import dev.arsenal.spi.compression.DecoderFuzzing;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The decoder against the {@code zstd} tool, live: the corpora (Canterbury, Calgary, artificial)
 * and random inputs compressed by the tool at levels from -5 to 22 and in its other modes decode
 * to themselves, one-shot, into an exact range and streamed; with a trained dictionary too.
 * Skipped when the tool is not on the PATH; the committed frames of {@link ZstdDecoderTest} need
 * no tool.
 */
class ZstdToolDifferentialTest {
    /** The tool's options, one frame each: levels, long mode, small windows, no checksum or size. */
    private static final List<List<String>> MODES = List.of(
            List.of("--fast=5"),
            List.of("-1"),
            List.of("-3"),
            List.of("-9"),
            List.of("-19"),
            List.of("--ultra", "-22"),
            List.of("-3", "--long=27"),
            List.of("-3", "--no-check", "--no-content-size"),
            List.of("-6", "--zstd=wlog=12"),
            List.of("-12", "--zstd=wlog=17,hlog=16"));

    private final Decompressor decoder = new ZstdJava.Decompressor();

    @BeforeAll
    static void toolPresent() {
        ReferenceTools.assumeCommand("zstd");
    }

    @Test
    void theCorporaDecodeAtEveryLevelAndMode(@TempDir Path dir) throws Exception {
        List<Path> files = DecoderFuzzing.corpus();
        for (Path file : files) {
            byte[] original = Files.readAllBytes(file);
            for (List<String> mode : MODES) {
                // The slowest levels get each file's first 128 KiB.
                boolean slow = mode.contains("-19") || mode.contains("-22");
                byte[] input = slow ? Arrays.copyOf(original, Math.min(original.length, 128 << 10)) : original;
                check(dir, input, mode, file.getFileName() + " " + mode);
            }
        }
    }

    @Test
    void randomInputsDecode(@TempDir Path dir) throws Exception {
        Random random = new Random(2024);
        for (int round = 0; round < 40; round++) {
            int length = random.nextInt(4) == 0 ? random.nextInt(100) : random.nextInt(400_000);
            byte[] input = new byte[length];
            // Runs of a few symbols, random bytes, repeats from far back: every kind of block.
            int p = 0;
            while (p < length) {
                int run = Math.min(length - p, 1 + random.nextInt(5000));
                switch (random.nextInt(4)) {
                    case 0 -> {
                        for (int i = 0; i < run; i++) {
                            input[p + i] = (byte) random.nextInt();
                        }
                    }
                    case 1 -> Arrays.fill(input, p, p + run, (byte) random.nextInt(3));
                    case 2 -> {
                        if (p > 0) {
                            int from = random.nextInt(p);
                            for (int i = 0; i < run; i++) {
                                input[p + i] = input[from + i % (p - from)];
                            }
                        }
                    }
                    default -> {
                        for (int i = 0; i < run; i++) {
                            input[p + i] = (byte) ('a' + random.nextInt(1 + random.nextInt(26)));
                        }
                    }
                }
                p += run;
            }
            List<String> mode = MODES.get(round % MODES.size());
            check(dir, input, mode, "random " + round + " (" + length + " bytes) " + mode);
        }
    }

    @Test
    void framesWithATrainedDictionaryDecode(@TempDir Path dir) throws Exception {
        List<byte[]> samples = ZstdTestInputs.samples();
        List<String> train = new ArrayList<>(List.of("zstd", "-q", "--train", "--maxdict=2048", "-o"));
        Path dict = dir.resolve("dict");
        train.add(dict.toString());
        for (int i = 0; i < samples.size(); i++) {
            Path s = dir.resolve("s" + i);
            Files.write(s, samples.get(i));
            train.add(s.toString());
        }
        assertEquals(0, new ProcessBuilder(train).inheritIO().start().waitFor(), "zstd --train");
        Decompressor withDict = new ZstdJava.Decompressor(Files.readAllBytes(dict));
        List<List<String>> modes = List.of(
                List.of("-1"),
                List.of("-19"),
                List.of("-3", "--no-dictID"),
                List.of("-5", "--zstd=wlog=10"), // the dictionary within reach for the first KiB only
                List.of("-3", "--no-content-size"));
        for (int i = 0; i < samples.size(); i += 7) {
            // One sample, and 40 of them: larger than the window of wlog=10.
            for (byte[] input : List.of(samples.get(i), ZstdTestInputs.samples(i / 7, i / 7 + 40))) {
                for (List<String> mode : modes) {
                    List<String> args = new ArrayList<>(mode);
                    args.addAll(List.of("-D", dict.toString()));
                    byte[] frame = zstd(dir, input, args);
                    String what = "samples from " + i + " (" + input.length + " bytes) " + mode;
                    assertArrayEquals(input, withDict.decompress(frame, 1 << 20), what);
                    assertArrayEquals(input, stream(withDict, new ByteArrayInputStream(frame), 1000), what);
                }
            }
        }
    }

    private void check(Path dir, byte[] input, List<String> mode, String what) throws Exception {
        byte[] frame = zstd(dir, input, mode);
        assertArrayEquals(input, decoder.decompress(frame, input.length), what + ": one-shot");
        byte[] out = new byte[input.length + 2];
        assertEquals(input.length, decoder.decompress(frame, 0, frame.length, out, 1, input.length), what);
        assertArrayEquals(input, Arrays.copyOfRange(out, 1, 1 + input.length), what + ": into a range");
        assertArrayEquals(input, stream(decoder, new ByteArrayInputStream(frame), 4093), what + ": streamed");
    }

    /** The tool's frame of {@code input}, from a file (with its content size unless told otherwise). */
    private static byte[] zstd(Path dir, byte[] input, List<String> options) throws Exception {
        Path in = Files.createTempFile(dir, "in", "");
        Files.write(in, input);
        List<String> command = new ArrayList<>(List.of("zstd", "-q", "-c"));
        command.addAll(options);
        command.add(in.toString());
        Process p = new ProcessBuilder(command)
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        CompletableFuture<byte[]> out = CompletableFuture.supplyAsync(() -> readAll(p.getInputStream()));
        assertEquals(0, p.waitFor(), String.join(" ", command));
        Files.delete(in);
        return out.get();
    }

    private static byte[] readAll(InputStream in) {
        try (in) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
