package dev.arsenal.spi.compression;

import dev.arsenal.compression.Codec;
import dev.arsenal.compression.Compressor;
import dev.arsenal.compression.Decompressor;
import dev.arsenal.compression.MalformedInputException;
import dev.arsenal.spi.TestData;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.zip.CRC32;

/**
 * The same bytes must get the same verdict and the same output from every provider of a codec, so
 * that hot-swap (or a missing library) never changes what an application reads: this decodes
 * mutated frames of real data with every provider given, in every form, and reports each input on
 * which two providers disagree (a <em>split</em>).
 *
 * <p>Cases come from a fixed seed, so a run is repeatable: each takes a frame of real data (the
 * reference tools' {@link KnownFrames}, and every provider's own frames of the first KiB of the
 * corpus files at its lowest and default levels) and applies one to three mutations: a bit flipped,
 * a byte set, a truncation (to nothing too), a splice of another frame's tail, bytes appended (noise,
 * zeros, another whole frame, part of one), a byte inserted or removed.
 *
 * <p>Verdicts are compared per form, since a form is what a caller keeps across a swap:
 *
 * <ul>
 *   <li>{@code decompress(byte[], LIMIT)}, the allocating one-shot form;
 *   <li>{@code decompress(byte[], ..., byte[], ..., room)} at an odd offset, with {@link #LIMIT} of
 *       room (for raw LZ4 blocks, whose verdict depends on the room, the exact size the first
 *       one-shot success gave, and that plus 16);
 *   <li>{@code decompress(MemorySegment, MemorySegment)}, native memory to native memory;
 *   <li>{@code decompressing(InputStream, LIMIT)} read to its end (every codec but raw blocks).
 * </ul>
 *
 * A verdict is the decoded bytes (their length and CRC-32) or "malformed" (a {@link
 * MalformedInputException}, or an {@link IOException} caused by one); any other exception is its
 * own verdict, so it always splits from a correct provider.
 */
public final class DecoderDifferential {
    /** The most bytes an input may decode to in the allocating and stream forms. */
    public static final int LIMIT = 1 << 20;

    /** How much of each corpus file a seed frame holds. */
    private static final int SEED_PLAIN_LENGTH = 1024;

    /** Where the input starts in its array for the range form: odd, and not zero. */
    private static final int INPUT_OFFSET = 3;

    private final Codec codec;
    private final List<CompressionProvider> providers;
    private final List<Decompressor> decompressors;
    private final List<byte[]> seeds;

    /**
     * Compares {@code providers} (at least two, all available) on {@code codec}; the seeds are made
     * here, from the known frames and each provider's compressor.
     */
    public DecoderDifferential(Codec codec, List<CompressionProvider> providers) throws IOException {
        if (providers.size() < 2) {
            throw new IllegalArgumentException("a differential needs two providers of " + codec.id() + ", not "
                    + providers.stream().map(CompressionProvider::id).toList());
        }
        this.codec = codec;
        this.providers = List.copyOf(providers);
        this.decompressors = providers.stream().map(p -> p.decompressor(codec)).toList();
        this.seeds = seeds(codec, providers);
    }

    /** The seed frames, for tests that want to see them. */
    public List<byte[]> seeds() {
        return seeds;
    }

    private static List<byte[]> seeds(Codec codec, List<CompressionProvider> providers) throws IOException {
        List<byte[]> seeds = new ArrayList<>();
        for (KnownFrames.Frame f : KnownFrames.frames(codec)) {
            seeds.add(f.frame());
        }
        List<Path> files = TestData.corpus();
        for (CompressionProvider p : providers) {
            List<Compressor> compressors = new ArrayList<>();
            for (int level : new int[] {codec.minLevel(), codec.defaultLevel()}) {
                if (p.supports(codec, level) && compressors.stream().noneMatch(c -> c.level() == level)) {
                    compressors.add(p.compressor(codec, level));
                }
            }
            for (int i = 0; i < files.size(); i++) {
                byte[] plain;
                try (InputStream in = Files.newInputStream(files.get(i))) {
                    plain = in.readNBytes(SEED_PLAIN_LENGTH);
                }
                Compressor c = compressors.get(i % compressors.size());
                seeds.add(c.compress(plain));
            }
            if (!compressors.isEmpty()) {
                seeds.add(compressors.getFirst().compress(new byte[0]));
                seeds.add(compressors.getFirst().compress(new byte[5000]));
            }
        }
        return List.copyOf(seeds);
    }

    /** Case {@code index} of the run from {@code seed}: the same bytes on every machine. */
    public byte[] input(long seed, int index) {
        Random r = new Random(seed * 1_000_003L + index);
        byte[] b = seeds.get(r.nextInt(seeds.size())).clone();
        int mutations = 1 + r.nextInt(3);
        for (int m = 0; m < mutations; m++) {
            b = mutate(r, b);
        }
        return b;
    }

    private byte[] mutate(Random r, byte[] b) {
        int kind = r.nextInt(10);
        if (b.length == 0 && kind < 6) {
            kind = 6;
        }
        switch (kind) {
            case 0, 1 -> { // a bit flipped
                int at = r.nextInt(b.length);
                b[at] ^= (byte) (1 << r.nextInt(8));
                return b;
            }
            case 2 -> { // a byte set, often to 0 or 0xFF
                int at = r.nextInt(b.length);
                int v = r.nextInt(4);
                b[at] = (byte) (v == 0 ? 0 : v == 1 ? 0xFF : r.nextInt(256));
                return b;
            }
            case 3 -> { // truncated, often near the end
                int cut = r.nextBoolean() ? r.nextInt(b.length + 1) : Math.max(0, b.length - 1 - r.nextInt(8));
                return Arrays.copyOf(b, r.nextInt(50) == 0 ? 0 : cut);
            }
            case 4 -> { // another frame's tail spliced in
                byte[] other = seeds.get(r.nextInt(seeds.size()));
                int at = r.nextInt(b.length + 1);
                int from = other.length == 0 ? 0 : r.nextInt(other.length);
                byte[] c = Arrays.copyOf(b, at + other.length - from);
                System.arraycopy(other, from, c, at, other.length - from);
                return c;
            }
            case 5 -> { // a byte inserted or removed
                int at = r.nextInt(b.length);
                if (r.nextBoolean()) {
                    byte[] c = new byte[b.length - 1];
                    System.arraycopy(b, 0, c, 0, at);
                    System.arraycopy(b, at + 1, c, at, b.length - at - 1);
                    return c;
                }
                byte[] c = new byte[b.length + 1];
                System.arraycopy(b, 0, c, 0, at);
                c[at] = (byte) r.nextInt(256);
                System.arraycopy(b, at, c, at + 1, b.length - at);
                return c;
            }
            default -> { // bytes appended: noise, zeros, a whole frame, part of one
                byte[] tail;
                switch (r.nextInt(4)) {
                    case 0 -> {
                        tail = new byte[1 + r.nextInt(16)];
                        r.nextBytes(tail);
                    }
                    case 1 -> tail = new byte[1 + r.nextInt(16)];
                    case 2 -> tail = seeds.get(r.nextInt(seeds.size()));
                    default -> {
                        byte[] other = seeds.get(r.nextInt(seeds.size()));
                        tail = Arrays.copyOf(other, other.length == 0 ? 0 : r.nextInt(other.length));
                    }
                }
                byte[] c = Arrays.copyOf(b, b.length + tail.length);
                System.arraycopy(tail, 0, c, b.length, tail.length);
                return c;
            }
        }
    }

    /**
     * The verdict of every provider on {@code input} in {@code form}: provider id to verdict, in the
     * order given.
     */
    public Map<String, String> verdicts(byte[] input, String form) {
        Map<String, String> v = new LinkedHashMap<>();
        for (int i = 0; i < providers.size(); i++) {
            v.put(providers.get(i).id(), verdict(decompressors.get(i), input, form));
        }
        return v;
    }

    /** The forms compared for {@code input} (raw blocks: their rooms follow the one-shot results). */
    public List<String> forms(byte[] input) {
        List<String> forms = new ArrayList<>(List.of("one-shot", "segment"));
        if (codec == Codec.LZ4_BLOCK) {
            int exact = -1;
            for (Decompressor d : decompressors) {
                try {
                    exact = d.decompress(input, LIMIT).length;
                    break;
                } catch (MalformedInputException e) {
                    // try the next one
                }
            }
            if (exact >= 0) {
                forms.add("range " + exact);
                forms.add("range " + (exact + 16));
            } else {
                forms.add("range 4096");
            }
        } else {
            forms.add("range " + LIMIT);
            forms.add("stream");
        }
        return forms;
    }

    /**
     * The splits on {@code input}: per form where providers disagree, a message naming the input
     * (hex), the form, and every provider's verdict; empty when all agree in every form.
     */
    public List<String> splits(byte[] input) {
        return splits(input, Set.of()).splits();
    }

    /**
     * The splits found by a run, and those where only providers that know their library's decoder is
     * buggy (and rank themselves below a correct one for it) differ from the others, who agree.
     *
     * @param splits the splits that fail
     * @param known the splits of the known-buggy providers alone
     */
    public record Splits(List<String> splits, List<String> known) {}

    /** {@link #splits(byte[])}, with the splits of {@code knownBuggy} providers alone kept apart. */
    public Splits splits(byte[] input, Set<String> knownBuggy) {
        List<String> splits = new ArrayList<>();
        List<String> known = new ArrayList<>();
        for (String form : forms(input)) {
            Map<String, String> v = verdicts(input, form);
            if (v.values().stream().distinct().count() > 1) {
                StringBuilder s = new StringBuilder(codec.id() + ", " + form + ", input of " + input.length + " bytes: "
                        + HexFormat.of().formatHex(input));
                v.forEach((id, verdict) ->
                        s.append("\n    ").append(id).append(": ").append(verdict));
                boolean othersAgree = v.entrySet().stream()
                                .filter(e -> !knownBuggy.contains(e.getKey()))
                                .map(Map.Entry::getValue)
                                .distinct()
                                .count()
                        <= 1;
                (othersAgree && !knownBuggy.isEmpty() ? known : splits).add(s.toString());
            }
        }
        return new Splits(splits, known);
    }

    private String verdict(Decompressor d, byte[] input, String form) {
        try {
            if (form.equals("one-shot")) {
                return ok(d.decompress(input, LIMIT));
            }
            if (form.equals("stream")) {
                try (InputStream in = d.decompressing(new ByteArrayInputStream(input), LIMIT)) {
                    return ok(in.readAllBytes());
                }
            }
            if (form.equals("segment")) {
                try (Arena arena = Arena.ofConfined()) {
                    MemorySegment in = arena.allocate(Math.max(1, input.length)).asSlice(0, input.length);
                    MemorySegment.copy(input, 0, in, ValueLayout.JAVA_BYTE, 0, input.length);
                    int room = codec == Codec.LZ4_BLOCK ? (int) Math.min(LIMIT, 255L * input.length + 16) : LIMIT;
                    MemorySegment out = arena.allocate(room);
                    long n = d.decompress(in, out);
                    return ok(out.asSlice(0, n).toArray(ValueLayout.JAVA_BYTE));
                }
            }
            int room = Integer.parseInt(form.substring("range ".length()));
            byte[] in = new byte[INPUT_OFFSET + input.length + 8];
            System.arraycopy(input, 0, in, INPUT_OFFSET, input.length);
            byte[] out = new byte[5 + room];
            int n = d.decompress(in, INPUT_OFFSET, input.length, out, 5, room);
            return ok(Arrays.copyOfRange(out, 5, 5 + n));
        } catch (MalformedInputException e) {
            return "malformed";
        } catch (IOException e) {
            return e.getCause() instanceof MalformedInputException ? "malformed" : "threw " + e;
        } catch (RuntimeException | Error e) {
            return "threw " + e;
        }
    }

    private static String ok(byte[] out) {
        CRC32 crc = new CRC32();
        crc.update(out);
        return out.length + " bytes, CRC-32 " + Long.toHexString(crc.getValue());
    }

    /**
     * Runs cases {@code from .. to-1} of {@code seed}; returns every split found, each message naming
     * its case, with those of the {@code knownBuggy} providers alone kept apart.
     */
    public Splits run(long seed, int from, int to, Set<String> knownBuggy) {
        List<String> found = new ArrayList<>();
        List<String> known = new ArrayList<>();
        for (int i = from; i < to; i++) {
            Splits s = splits(input(seed, i), knownBuggy);
            for (String split : s.splits()) {
                found.add("case " + i + " of seed " + seed + ": " + split);
            }
            for (String split : s.known()) {
                known.add("case " + i + " of seed " + seed + ": " + split);
            }
        }
        return new Splits(found, known);
    }
}
