package dev.arsenal.providers.java.compression;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The inputs of the zstd decoder tests, made the same way every time (the {@code zstd} tool's
 * frames under {@code zstd/} in the test resources were written from them: see the README there),
 * and the resources themselves.
 *
 * <p>{@code main(dir)} writes the inputs to {@code dir} for the tool.
 */
final class ZstdTestInputs {
    private static final String[] WORDS = {
        "zstd",
        "frame",
        "block",
        "literal",
        "sequence",
        "offset",
        "window",
        "huffman",
        "entropy",
        "table",
        "the",
        "of",
        "and",
        "a",
        "to",
        "decoder",
        "stream",
        "match",
        "length",
        "repeat",
        "arsenal",
        "java",
        "bits"
    };

    private ZstdTestInputs() {}

    /**
     * {@code length} bytes of words and numbers, lines of varying length: Huffman literals, FSE
     * sequences, repeat offsets.
     */
    static byte[] text(int length, long seed) {
        Random random = new Random(seed);
        StringBuilder s = new StringBuilder(length + 100);
        while (s.length() < length) {
            int words = 3 + random.nextInt(12);
            for (int i = 0; i < words; i++) {
                s.append(WORDS[random.nextInt(WORDS.length)]);
                if (random.nextInt(5) == 0) {
                    s.append(' ').append(random.nextInt(100_000));
                }
                s.append(i + 1 < words ? ' ' : '\n');
            }
        }
        return s.substring(0, length).getBytes(StandardCharsets.US_ASCII);
    }

    /** {@code length} bytes of a 64-bit LCG's high bytes: incompressible. */
    static byte[] noise(int length, long seed) {
        byte[] b = new byte[length];
        long x = seed;
        for (int i = 0; i < length; i++) {
            x = x * 6364136223846793005L + 1442695040888963407L;
            b[i] = (byte) (x >>> 56);
        }
        return b;
    }

    /**
     * 210 KB that take every kind of block and section: text (compressed literals, FSE sequences),
     * noise (raw literals or raw blocks), 140 KB of zeros (RLE blocks), short periods (offsets
     * below 8), and the text's and noise's starts again 200 KB later (long offsets).
     */
    static byte[] mixed() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] text = text(24_000, 1);
        byte[] noise = noise(4096, 2);
        out.writeBytes(text);
        out.writeBytes(noise);
        out.writeBytes(new byte[140_000]);
        out.writeBytes("abc".repeat(1000).getBytes(StandardCharsets.US_ASCII));
        out.writeBytes("xy".repeat(500).getBytes(StandardCharsets.US_ASCII));
        out.writeBytes("0123456".repeat(300).getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(text(24_000, 3));
        out.write(text, 0, 8192);
        out.writeBytes(noise);
        return out.toByteArray();
    }

    /** "hello, zstd\n" three times: a tiny second frame. */
    static byte[] hello() {
        return "hello, zstd\n".repeat(3).getBytes(StandardCharsets.US_ASCII);
    }

    /** 300 JSON-like records of 150-500 bytes: samples to train a dictionary on. */
    static List<byte[]> samples() {
        Random random = new Random(7);
        String[] cities = {"Lisbon", "Oslo", "Quito", "Hanoi", "Perth", "Lagos", "Lima", "Riga"};
        String[] tags = {"admin", "beta", "trial", "gold", "silver", "api", "mobile", "web"};
        List<byte[]> samples = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            StringBuilder s = new StringBuilder();
            s.append("{\"id\":").append(1000 + i * 7 + random.nextInt(7));
            s.append(",\"name\":\"user").append(random.nextInt(100_000)).append('"');
            s.append(",\"city\":\"")
                    .append(cities[random.nextInt(cities.length)])
                    .append('"');
            s.append(",\"score\":").append(random.nextInt(1000) / 10.0);
            s.append(",\"tags\":[");
            int n = 1 + random.nextInt(5);
            for (int t = 0; t < n; t++) {
                s.append(t > 0 ? "," : "")
                        .append('"')
                        .append(tags[random.nextInt(tags.length)])
                        .append('"');
            }
            s.append("],\"active\":").append(random.nextBoolean());
            s.append(",\"note\":\"");
            s.append(new String(text(random.nextInt(300), i), StandardCharsets.US_ASCII).replace('\n', ' '));
            s.append("\"}\n");
            samples.add(s.toString().getBytes(StandardCharsets.US_ASCII));
        }
        return samples;
    }

    /** The samples from {@code from} to {@code to}, one after the other. */
    static byte[] samples(int from, int to) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        samples().subList(from, to).forEach(out::writeBytes);
        return out.toByteArray();
    }

    /** A test resource under this package's {@code zstd/} directory. */
    static byte[] resource(String name) {
        try (InputStream in = ZstdTestInputs.class.getResourceAsStream("zstd/" + name)) {
            if (in == null) {
                throw new IOException("missing test resource zstd/" + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes the inputs the README's commands read into the directory given. */
    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args[0]);
        Files.createDirectories(dir.resolve("samples"));
        Files.write(dir.resolve("mixed"), mixed());
        Files.write(dir.resolve("hello"), hello());
        List<byte[]> samples = samples();
        for (int i = 0; i < samples.size(); i++) {
            Files.write(dir.resolve("samples").resolve(String.format("s%03d", i)), samples.get(i));
        }
        Files.write(dir.resolve("records"), samples(0, 20));
        Files.write(dir.resolve("rawdict"), samples(20, 40));
        Files.write(dir.resolve("record"), samples(250, 251));
    }
}
