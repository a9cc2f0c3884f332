package dev.arsenal.spi.compression;

import dev.arsenal.compression.Codec;
import dev.arsenal.compression.Compressor;
import dev.arsenal.compression.Decompressor;
import dev.arsenal.compression.MalformedInputException;
import dev.arsenal.spi.TestData;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * What a fuzz input must satisfy for one provider's codec, and the seeds to start from; {@link
 * AbstractDecoderFuzzTest} runs it under Jazzer, and anything else (a unit test reproducing a
 * finding, a longer local campaign) can call {@link #check} directly.
 *
 * <p>Every input goes through every decoding form the codec has:
 *
 * <ul>
 *   <li>one-shot, {@code decompress(input, LIMIT)}: the bytes, at most {@link #LIMIT} of them, or
 *       a {@link MalformedInputException};
 *   <li>into an array range, the input at an odd offset with a copy of itself after it (a decoder
 *       that reads past its range sees a plausible next frame) and canary bytes around the output
 *       range: with room for exactly the one-shot result, the same bytes (or malformed); with one
 *       byte less, malformed; in every case no canary changed;
 *   <li>native memory to native memory, with canaries around the output segment;
 *   <li>a stream (every codec but raw LZ4 blocks), read in odd chunks: the same bytes, or an {@link
 *       IOException} whose cause is a {@link MalformedInputException}.
 * </ul>
 *
 * Any other exception, a result over the limit, a changed canary, a count outside the room, or
 * two forms that both succeed with different bytes (or one that fits in less room than the bytes
 * another produced) is a finding: an {@link AssertionError} that names the form. Forms may disagree
 * on whether an input is valid at all, and that is not a finding: libzstd's one-pass decoder (the
 * range forms of the native providers) accepts a block larger than the frame's window, which its
 * streaming decoder (their one-shot and stream forms) refuses; liblz4 decodes a one-byte block
 * with a match token to nothing when given room, and refuses it without. Then the input is
 * compressed by the same provider (at its lowest, default and highest supported levels, one per
 * input) and must decompress to itself, also into exactly its size: a round trip.
 *
 * <p>Seeds: the frames the reference tools wrote ({@link KnownFrames}), and this provider's own
 * frames of the Canterbury, Calgary and artificial corpora, each file cut to its first 4 KiB.
 */
public final class DecoderFuzzing {
    /** The most bytes one input may decode to; more is malformed. Small, so fuzzing stays fast. */
    public static final int LIMIT = 256 * 1024;

    /** How much of each corpus file a seed holds. */
    static final int SEED_PLAIN_LENGTH = 4096;

    private static final int GUARD = 16;
    private static final byte CANARY = (byte) 0xA5;
    /** Where the input starts in its array for the range form: odd, and not zero. */
    private static final int INPUT_OFFSET = 3;
    /** Room given to the range forms when the one-shot form found the input malformed. */
    private static final int ROOM_FOR_MALFORMED = 4096;

    private final CompressionProvider provider;
    private final Codec codec;
    private final Decompressor decompressor;
    private final List<Compressor> compressors;

    /** Checks {@code codec} of {@code provider}, which must be available. */
    public DecoderFuzzing(CompressionProvider provider, Codec codec) {
        if (!provider.algorithms().contains(codec)) {
            throw new IllegalArgumentException(provider.id() + " does not implement " + codec.id());
        }
        this.provider = provider;
        this.codec = codec;
        this.decompressor = provider.decompressor(codec);
        this.compressors =
                levels().stream().map(l -> provider.compressor(codec, l)).toList();
    }

    /** The provider's lowest, default (or nearest) and highest supported levels of the codec. */
    private List<Integer> levels() {
        TreeSet<Integer> supported = new TreeSet<>();
        for (int l = codec.minLevel(); l <= codec.maxLevel(); l++) {
            if (provider.supports(codec, l)) {
                supported.add(l);
            }
        }
        if (supported.isEmpty()) {
            return List.of();
        }
        Integer atDefault = supported.ceiling(codec.defaultLevel());
        TreeSet<Integer> chosen = new TreeSet<>(List.of(supported.first(), supported.last()));
        chosen.add(atDefault != null ? atDefault : supported.last());
        return List.copyOf(chosen);
    }

    /** What is fuzzed, for messages: "zstd of native-zstd". */
    @Override
    public String toString() {
        return codec.id() + " of " + provider.id();
    }

    /** Runs every check on {@code input}; throws an {@link AssertionError} for a finding. */
    public void check(byte[] input) {
        decode(input);
        roundTrip(input);
    }

    // ---- decoding hostile input ----

    /** Decodes {@code input} in every form; see the class comment. */
    public void decode(byte[] input) {
        byte[] oneShot = null;
        try {
            oneShot = decompressor.decompress(input, LIMIT);
        } catch (MalformedInputException expected) {
            // what bad input gives
        } catch (RuntimeException | Error e) {
            throw finding("one-shot decompress(byte[], " + LIMIT + ")", e);
        }
        if (oneShot != null && oneShot.length > LIMIT) {
            throw finding("one-shot: " + oneShot.length + " bytes, over the limit of " + LIMIT);
        }

        if (oneShot != null) {
            intoRange(input, oneShot.length, oneShot);
            if (oneShot.length > 0) { // too little room: malformed, or a finding if it "fits"
                intoRange(input, oneShot.length - 1, oneShot);
            }
            intoSegment(input, oneShot.length, oneShot);
        } else {
            intoRange(input, ROOM_FOR_MALFORMED, null);
            intoSegment(input, ROOM_FOR_MALFORMED, null);
        }
        if (codec != Codec.LZ4_BLOCK) {
            fromStream(input, oneShot);
        }
    }

    /**
     * The range form with {@code room} bytes of room. {@code expected} is the one-shot result, or
     * null if that was malformed.
     */
    private void intoRange(byte[] input, int room, byte[] expected) {
        byte[] in = new byte[INPUT_OFFSET + 2 * input.length];
        Arrays.fill(in, 0, INPUT_OFFSET, (byte) 0x28);
        System.arraycopy(input, 0, in, INPUT_OFFSET, input.length);
        System.arraycopy(input, 0, in, INPUT_OFFSET + input.length, input.length);
        byte[] out = new byte[GUARD + room + GUARD];
        Arrays.fill(out, CANARY);
        String form =
                "decompress(byte[], " + INPUT_OFFSET + ", " + input.length + ", byte[], " + GUARD + ", " + room + ")";
        int n;
        try {
            n = decompressor.decompress(in, INPUT_OFFSET, input.length, out, GUARD, room);
        } catch (MalformedInputException e) {
            checkCanaries(out, room, form + " (malformed)");
            return;
        } catch (RuntimeException | Error e) {
            throw finding(form, e);
        }
        checkCanaries(out, room, form);
        if (n < 0 || n > room) {
            throw finding(form + " returned " + n + ", outside 0.." + room);
        }
        if (expected == null) {
            return; // the forms may disagree on validity (see the class comment), not on bytes
        }
        if (room < expected.length) {
            throw finding(form + " decoded " + n + " bytes into too little room for the " + expected.length
                    + " bytes of the one-shot form");
        }
        if (!Arrays.equals(out, GUARD, GUARD + n, expected, 0, expected.length)) {
            throw finding(form + " decoded other bytes than the one-shot form (" + n + " vs " + expected.length + ")");
        }
    }

    /** Native memory to native memory, {@code room} bytes of room between canaries. */
    private void intoSegment(byte[] input, int room, byte[] expected) {
        String form = "decompress(MemorySegment[" + input.length + "], MemorySegment[" + room + "])";
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment in = arena.allocate(Math.max(1, input.length)).asSlice(0, input.length);
            MemorySegment.copy(input, 0, in, ValueLayout.JAVA_BYTE, 0, input.length);
            MemorySegment all = arena.allocate(GUARD + room + GUARD);
            all.fill(CANARY);
            MemorySegment out = all.asSlice(GUARD, room);
            long n;
            try {
                n = decompressor.decompress(in, out);
            } catch (MalformedInputException e) {
                checkCanaries(all.toArray(ValueLayout.JAVA_BYTE), room, form + " (malformed)");
                return;
            } catch (RuntimeException | Error e) {
                throw finding(form, e);
            }
            byte[] written = all.toArray(ValueLayout.JAVA_BYTE);
            checkCanaries(written, room, form);
            if (n < 0 || n > room) {
                throw finding(form + " returned " + n + ", outside 0.." + room);
            }
            if (expected == null) {
                return;
            }
            if (!Arrays.equals(written, GUARD, GUARD + (int) n, expected, 0, expected.length)) {
                throw finding(form + " decoded other bytes than the one-shot form");
            }
        }
    }

    /** The stream form, read in odd chunks; {@code expected} as for {@link #intoRange}. */
    private void fromStream(byte[] input, byte[] expected) {
        String form = "decompressing(InputStream, " + LIMIT + ")";
        ByteArrayOutputStream got = new ByteArrayOutputStream();
        try (InputStream in = decompressor.decompressing(new ByteArrayInputStream(input), LIMIT)) {
            byte[] buffer = new byte[GUARD + 1000 + GUARD];
            int[] chunks = {1, 999, 7, 1000, 64};
            for (int i = 0; ; i++) {
                int want = chunks[i % chunks.length];
                Arrays.fill(buffer, CANARY);
                int n = in.read(buffer, GUARD, want);
                checkCanaries(buffer, GUARD, want, form + ".read");
                if (n < 0) {
                    break;
                }
                if (n > want) {
                    throw finding(form + ".read(buffer, " + GUARD + ", " + want + ") returned " + n);
                }
                got.write(buffer, GUARD, n);
                if (got.size() > LIMIT) {
                    throw finding(form + " produced more than the limit of " + LIMIT + " bytes");
                }
            }
        } catch (IOException e) {
            if (e.getCause() instanceof MalformedInputException) {
                return;
            }
            throw finding(form + " threw an IOException not caused by a MalformedInputException", e);
        } catch (RuntimeException | Error e) {
            throw finding(form, e);
        }
        if (expected != null && !Arrays.equals(got.toByteArray(), expected)) {
            throw finding(form + " decoded other bytes than the one-shot form (" + got.size() + " vs " + expected.length
                    + ")");
        }
    }

    // ---- round trips ----

    /** Compresses {@code input} at one of the provider's levels and decompresses it back. */
    public void roundTrip(byte[] input) {
        if (compressors.isEmpty()) {
            return;
        }
        Compressor compressor = compressors.get(input.length % compressors.size());
        String form = "round trip at level " + compressor.level();
        byte[] packed;
        try {
            packed = compressor.compress(input);
        } catch (RuntimeException | Error e) {
            throw finding(form + ": compress(byte[" + input.length + "])", e);
        }
        byte[] back;
        try {
            back = decompressor.decompress(packed, input.length);
        } catch (RuntimeException | Error e) {
            throw finding(form + ": decompress of the " + packed.length + "-byte result", e);
        }
        if (!Arrays.equals(back, input)) {
            throw finding(form + ": " + back.length + " bytes back, not the " + input.length + " given");
        }
        byte[] out = new byte[GUARD + input.length + GUARD];
        Arrays.fill(out, CANARY);
        int n;
        try {
            n = decompressor.decompress(packed, 0, packed.length, out, GUARD, input.length);
        } catch (RuntimeException | Error e) {
            throw finding(form + ": decompress into exactly " + input.length + " bytes of room", e);
        }
        checkCanaries(out, input.length, form);
        if (n != input.length || !Arrays.equals(out, GUARD, GUARD + n, input, 0, input.length)) {
            throw finding(form + ": decompress into exactly the room gave " + n + " other bytes");
        }
    }

    // ---- seeds ----

    /**
     * The seeds, named: the reference tools' frames of this codec, then this provider's frames of
     * the corpus files (their first 4 KiB, at the default level; the first few files also at the
     * lowest and highest levels), then a few plain inputs.
     */
    public List<Map.Entry<String, byte[]>> seeds() throws IOException {
        List<Map.Entry<String, byte[]>> seeds = new ArrayList<>();
        for (KnownFrames.Frame frame : KnownFrames.frames(codec)) {
            seeds.add(Map.entry(frame.command() + " of " + frame.input(), frame.frame()));
        }
        List<Path> files = corpus();
        for (int i = 0; i < files.size(); i++) {
            Path file = files.get(i);
            byte[] plain = head(file, SEED_PLAIN_LENGTH);
            for (Compressor c : compressors) {
                boolean atDefault = c == compressors.get(compressors.size() / 2);
                if (atDefault || i < 3) {
                    seeds.add(Map.entry(
                            codec.id() + " level " + c.level() + " of " + file.getFileName() + " (" + plain.length
                                    + " bytes)",
                            c.compress(plain)));
                }
            }
            if (i < 3) {
                seeds.add(Map.entry("plain " + file.getFileName(), plain));
            }
        }
        seeds.add(Map.entry("plain text", "hello, fuzzer\n".repeat(20).getBytes(StandardCharsets.US_ASCII)));
        return seeds;
    }

    private static byte[] head(Path file, int length) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(length);
        }
    }

    /**
     * The corpus files (Canterbury, Calgary, artificial), sorted, from the project's {@code
     * testdata/corpus}; {@link TestData} fails if they are missing.
     */
    public static List<Path> corpus() {
        return TestData.corpus();
    }

    // ---- findings ----

    private void checkCanaries(byte[] out, int room, String form) {
        checkCanaries(out, GUARD, room, form);
    }

    /** The bytes before {@code start} and from {@code start + room} on must still be canaries. */
    private void checkCanaries(byte[] out, int start, int room, String form) {
        for (int i = 0; i < out.length; i++) {
            if ((i < start || i >= start + room) && out[i] != CANARY) {
                throw finding(form + " wrote outside its output range: byte " + (i - start) + " of a range of " + room);
            }
        }
    }

    private AssertionError finding(String what) {
        return new AssertionError(this + ": " + what);
    }

    private AssertionError finding(String what, Throwable cause) {
        return new AssertionError(this + ": " + what + ": " + cause, cause);
    }
}
