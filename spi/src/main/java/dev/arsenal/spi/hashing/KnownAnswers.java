package dev.arsenal.spi.hashing;

import dev.arsenal.hashing.HashAlgorithm;
import dev.arsenal.hashing.HashStream128;
import dev.arsenal.hashing.HashStream32;
import dev.arsenal.hashing.HashStream64;
import dev.arsenal.report.SelfTest;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * The known answers every hashing provider is checked against before it is used: for each
 * algorithm, 14 lengths chosen to reach every branch of the xxHash family (0, 1-3, 4-8, 9-16,
 * 17-128, 129-240, beyond, more than one stripe block) with two seeds, computed by the reference
 * implementations (libxxhash 0.8.1, zlib) and kept in {@link KnownAnswerLines}.
 *
 * <p>A check hashes each input as a {@code byte[]}, as an off-heap segment and as a stream fed in
 * two parts, and fails at the first mismatch with the facts.
 */
public final class KnownAnswers {
    /**
     * One known answer.
     *
     * @param algorithm the algorithm
     * @param length the input length; the input is {@link #pattern(int)}
     * @param seed the seed
     * @param hex the expected hash in lower-case hex, as {@code xxhsum} prints it
     */
    public record Vector(HashAlgorithm algorithm, int length, long seed, String hex) {}

    private static final List<Vector> VECTORS = load();

    private KnownAnswers() {}

    /** All known answers. */
    public static List<Vector> vectors() {
        return VECTORS;
    }

    /** The known answers for one algorithm. */
    public static List<Vector> vectors(HashAlgorithm algorithm) {
        return VECTORS.stream().filter(v -> v.algorithm() == algorithm).toList();
    }

    /**
     * The deterministic input of length {@code n}: a 64-bit LCG (Knuth's MMIX constants) from
     * {@code 0x2545F4914F6CDD1D}, one byte per step from its top 8 bits.
     */
    public static byte[] pattern(int n) {
        byte[] out = new byte[n];
        long x = 0x2545F4914F6CDD1DL;
        for (int i = 0; i < n; i++) {
            x = x * 6364136223846793005L + 1442695040888963407L;
            out[i] = (byte) (x >>> 56);
        }
        return out;
    }

    /** Checks a provider's hashers for {@code algorithm} against every known answer. Never throws. */
    public static SelfTest check(HashingProvider provider, HashAlgorithm algorithm) {
        List<Vector> vectors = vectors(algorithm);
        if (vectors.isEmpty()) {
            return new SelfTest(SelfTest.Status.FAILED, "no known answers for " + algorithm.id());
        }
        try (Arena arena = Arena.ofConfined()) {
            for (Vector v : vectors) {
                byte[] input = pattern(v.length());
                MemorySegment offHeap =
                        arena.allocate(Math.max(1, input.length)).asSlice(0, input.length);
                offHeap.copyFrom(MemorySegment.ofArray(input));
                int split = input.length / 3;
                String[] got = hexes(provider, v, input, offHeap, split);
                String[] forms = {"byte[]", "off-heap segment", "stream split at " + split};
                for (int i = 0; i < got.length; i++) {
                    if (!got[i].equals(v.hex())) {
                        return new SelfTest(
                                SelfTest.Status.FAILED,
                                algorithm.id() + " length " + v.length() + " seed 0x" + Long.toHexString(v.seed())
                                        + " (" + forms[i] + "): expected " + v.hex() + ", got " + got[i]);
                    }
                }
            }
        } catch (RuntimeException | LinkageError e) {
            return new SelfTest(SelfTest.Status.FAILED, algorithm.id() + " threw " + e);
        }
        return new SelfTest(
                SelfTest.Status.PASSED, vectors.size() + " known answers as byte[], off-heap segment and stream");
    }

    private static String[] hexes(HashingProvider provider, Vector v, byte[] in, MemorySegment seg, int split) {
        HexFormat hex = HexFormat.of();
        return switch (v.algorithm().bits()) {
            case 32 -> {
                var h = provider.hasher32(v.algorithm(), v.seed());
                HashStream32 s = h.newStream();
                s.update(in, 0, split);
                s.update(in, split, in.length - split);
                yield new String[] {
                    hex.toHexDigits(h.hash(in)), hex.toHexDigits(h.hash(seg)), hex.toHexDigits(s.digest())
                };
            }
            case 64 -> {
                var h = provider.hasher64(v.algorithm(), v.seed());
                HashStream64 s = h.newStream();
                s.update(in, 0, split);
                s.update(in, split, in.length - split);
                yield new String[] {
                    hex.toHexDigits(h.hash(in)), hex.toHexDigits(h.hash(seg)), hex.toHexDigits(s.digest())
                };
            }
            default -> {
                var h = provider.hasher128(v.algorithm(), v.seed());
                HashStream128 s = h.newStream();
                s.update(in, 0, split);
                s.update(in, split, in.length - split);
                yield new String[] {
                    h.hash(in).toHexString(),
                    h.hash(seg).toHexString(),
                    s.digest().toHexString()
                };
            }
        };
    }

    private static List<Vector> load() {
        List<Vector> vectors = new ArrayList<>();
        for (String line : KnownAnswerLines.LINES.split("\n")) {
            // Fields split by hand: a regular expression would cost a first use its classes.
            String[] f = line.strip().split(" ");
            vectors.add(new Vector(
                    HashAlgorithm.byId(f[0]), Integer.parseInt(f[1]), Long.parseUnsignedLong(f[2], 16), f[3]));
        }
        return List.copyOf(vectors);
    }
}
