package dev.arsenal.spi.compression;

import dev.arsenal.compression.Codec;
import dev.arsenal.compression.Compressor;
import dev.arsenal.compression.Decompressor;
import dev.arsenal.report.SelfTest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The compression self-test: every frame in {@link KnownFrameLines} (written by the zstd, lz4 and
 * gzip tools from fixed inputs) must decode to its input, and a few inputs (empty, one byte,
 * repetitive text, random bytes, a run of zeros) must round-trip through the provider's own
 * compressor at its lowest and default supported levels, one-shot and through its streams. A
 * provider that gets any of it wrong is never chosen.
 */
public final class KnownFrames {
    /** One frame: the codec, which input, the tool's command and its output. */
    public record Frame(Codec codec, String input, String command, byte[] frame) {}

    private static final List<Frame> FRAMES = load();

    private KnownFrames() {}

    /** The fixed inputs by name: {@code empty}, {@code text4000}, {@code bytes256}. */
    public static byte[] input(String name) {
        return switch (name) {
            case "empty" -> new byte[0];
            case "text4000" -> "Arsenal known frame\n".repeat(200).getBytes(StandardCharsets.US_ASCII);
            case "bytes256" -> {
                byte[] b = new byte[256];
                for (int i = 0; i < b.length; i++) {
                    b[i] = (byte) i;
                }
                yield b;
            }
            default -> throw new IllegalArgumentException("no known input " + name);
        };
    }

    /** Every frame of {@code codec}. */
    public static List<Frame> frames(Codec codec) {
        return FRAMES.stream().filter(f -> f.codec() == codec).toList();
    }

    /** The round-trip inputs of the self-test. */
    public static Map<String, byte[]> roundTripInputs() {
        byte[] random = new byte[10_000];
        new Random(7).nextBytes(random);
        return Map.of(
                "empty", new byte[0],
                "one byte", new byte[] {42},
                "text", input("text4000"),
                "random", random,
                "zeros", new byte[70_000]);
    }

    /** Runs the self-test of {@code provider} for {@code codec}. */
    public static SelfTest check(CompressionProvider provider, Codec codec) {
        try {
            Decompressor d = provider.decompressor(codec);
            int checks = 0;
            for (Frame f : frames(codec)) {
                byte[] expected = input(f.input());
                byte[] actual = d.decompress(f.frame(), expected.length);
                if (!Arrays.equals(expected, actual)) {
                    return new SelfTest(
                            SelfTest.Status.FAILED,
                            codec.id() + ": the frame of '" + f.command() + "' from " + f.input() + " decoded to "
                                    + actual.length + " different bytes");
                }
                checks++;
            }
            List<Integer> levels = new ArrayList<>();
            for (int level : new int[] {codec.minLevel(), codec.defaultLevel()}) {
                if (provider.supports(codec, level) && !levels.contains(level)) {
                    levels.add(level);
                }
            }
            if (levels.isEmpty()) {
                return new SelfTest(
                        SelfTest.Status.FAILED, codec.id() + ": supports neither the lowest nor the default level");
            }
            for (int level : levels) {
                Compressor c = provider.compressor(codec, level);
                for (var e : roundTripInputs().entrySet()) {
                    byte[] packed = c.compress(e.getValue());
                    byte[] back = codec == Codec.LZ4_BLOCK
                            ? blockBack(d, packed, e.getValue().length)
                            : d.decompress(packed, e.getValue().length);
                    if (!Arrays.equals(e.getValue(), back)) {
                        return new SelfTest(
                                SelfTest.Status.FAILED,
                                codec.id() + " level " + level + ": " + e.getKey() + " did not survive a round trip");
                    }
                    checks++;
                }
            }
            return new SelfTest(
                    SelfTest.Status.PASSED,
                    checks + " checks: " + frames(codec).size() + " tool frames, round trips at level"
                            + (levels.size() > 1 ? "s " : " ") + levels);
        } catch (RuntimeException | LinkageError e) {
            return new SelfTest(SelfTest.Status.FAILED, codec.id() + ": " + e);
        }
    }

    private static byte[] blockBack(Decompressor d, byte[] packed, int length) {
        byte[] out = new byte[length];
        int n = d.decompress(packed, 0, packed.length, out, 0, length);
        return n == length ? out : Arrays.copyOf(out, n);
    }

    private static List<Frame> load() {
        List<Frame> frames = new ArrayList<>();
        for (String line : KnownFrameLines.LINES.split("\n")) {
            String[] f = line.split(";");
            frames.add(
                    new Frame(Codec.byId(f[0]), f[1], f[2], Base64.getDecoder().decode(f[3])));
        }
        return List.copyOf(frames);
    }
}
