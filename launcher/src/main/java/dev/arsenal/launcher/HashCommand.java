package dev.arsenal.launcher;

import dev.arsenal.Algorithm;
import dev.arsenal.Arsenal;
import dev.arsenal.ArsenalRuntime;
import dev.arsenal.Configuration;
import dev.arsenal.UnknownAlgorithmException;
import dev.arsenal.crypto.CryptoView;
import dev.arsenal.crypto.DigestAlgorithm;
import dev.arsenal.crypto.DigestSpec;
import dev.arsenal.crypto.DigestStream;
import dev.arsenal.hashing.HashAlgorithm;
import dev.arsenal.hashing.HashStream128;
import dev.arsenal.hashing.HashStream32;
import dev.arsenal.hashing.HashStream64;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.ReadableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * {@code arsenal hash -a ALGO [--provider ID] [--seed N | --length L] [FILE...]}: prints {@code
 * <hex>  <name>} per input, as {@code xxhsum}, {@code sha256sum}, {@code b2sum} and {@code b3sum}
 * do: the hashing family's algorithms and the crypto family's digests ({@code --length} in bits for
 * BLAKE2b as {@code b2sum -l} takes it, in bytes for BLAKE3 as {@code b3sum --length}). A file that cannot be read
 * is one line on stderr; the other inputs are still hashed and the exit status is 1.
 *
 * <p>Every input is read to its end, in reads of {@value #READ_SIZE} bytes into off-heap buffers
 * that a stream hasher takes in place, whatever the file system says its size is: {@code
 * /proc/cpuinfo} says 0 and has content, sysfs attributes say 4096 and hold a few bytes, pipes and
 * devices say nothing. Files that claim {@value #READ_AHEAD_FROM} bytes or more are read a few
 * buffers ahead on a thread of their own ({@link ReadAhead}), so that reading and hashing overlap.
 * Memory is those buffers (4 MiB) for any input. Reading copies the bytes once from the page
 * cache, which costs less than mapping: on the 2-vCPU test machine, reading a cached 3 GiB file in
 * 1 MiB pieces took 0.26 s, touching each page of it mapped in 64 MiB windows 0.30 s (page
 * faults), and mapping it whole held 4 GB resident; see docs/hashing.md for the whole command
 * against {@code xxhsum}.
 */
final class HashCommand {
    /**
     * The read size: large enough that the system call costs nothing per byte and the hasher runs
     * its wide loop, small enough to stay in the L2 and L3 caches between the copy and the hash.
     */
    static final int READ_SIZE = 1 << 20;

    /**
     * The size a file must claim to be read on a thread of its own ({@link ReadAhead}) while it is
     * hashed: below it, the thread's start costs more than the overlap saves.
     */
    static final long READ_AHEAD_FROM = 8L << 20;

    /**
     * The longest BLAKE3 output the command prints: 1 MiB (2 MiB of hex). Each input's output is
     * held whole; a longer one belongs to the API's streams, not to a line of text.
     */
    static final int MAX_BLAKE3_LENGTH = 1 << 20;

    static final String USAGE = """
            usage: arsenal hash -a ALGO [--provider ID] [--seed N | --length L] [FILE...]

            Prints '<hex>  <name>' per input, as xxhsum (xxh32 -H0, xxh64 -H1, xxh128 -H2, xxh3 -H3,
            which xxhsum prints as 'XXH3 (name) = hex'), sha256sum, sha512sum, b2sum and b3sum do.
            FILE '-' or none: stdin. Every input is read to its end: files, pipes, devices, /proc
            and /sys files alike.

              -a, --algorithm ALGO     xxh32, xxh64, xxh3, xxh128, crc32, crc32c (hashing);
                                       sha256, sha512, blake2b, blake3 (cryptographic digests)
              --seed N                 decimal or 0x hex; 32 bits for xxh32; none for the CRCs
              -l, --length L           blake2b: bits, a multiple of 8 up to 512 (as b2sum -l);
                                       blake3: bytes, 1 to 1048576 (as b3sum --length)
              --provider ID            this provider only ('arsenal info' lists them)

            Exit status: 0 all hashed; 1 an input could not be read (the others were hashed) or
            stdout failed; 2 usage.""";

    private static final String SYNOPSIS =
            "usage: arsenal hash -a ALGO [--provider ID] [--seed N | --length L] [FILE...]";

    private final InputStream stdin;
    private final PrintStream out;
    private final PrintStream err;

    /** Hashes {@code stdin} for "-", prints to {@code out}, reports failures on {@code err}. */
    HashCommand(InputStream stdin, PrintStream out, PrintStream err) {
        this.stdin = stdin;
        this.out = out;
        this.err = err;
    }

    int run(List<String> args) {
        String algorithmName = null;
        String provider = null;
        long seed = 0;
        boolean seeded = false;
        String length = null;
        List<String> inputs = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            switch (arg) {
                case "-a", "--algorithm" -> algorithmName = UsageException.value(args, ++i, arg);
                case "--provider" -> provider = UsageException.value(args, ++i, arg);
                case "--seed" -> {
                    seed = parseSeed(UsageException.value(args, ++i, arg));
                    seeded = true;
                }
                case "-l", "--length" -> length = UsageException.value(args, ++i, arg);
                case "--" -> {
                    inputs.addAll(args.subList(i + 1, args.size()));
                    i = args.size();
                }
                default -> {
                    if (arg.startsWith("-") && !arg.equals("-")) {
                        throw new UsageException("unknown option '" + arg + "'; " + SYNOPSIS);
                    }
                    inputs.add(arg);
                }
            }
        }
        if (algorithmName == null) {
            throw new UsageException("missing -a ALGO; algorithms: " + String.join(", ", allIds()));
        }
        Algorithm algorithm = algorithm(algorithmName);
        ArsenalRuntime runtime = provider == null
                ? Arsenal.runtime()
                : Arsenal.create(Configuration.load().withForcedProvider(algorithm, provider, "--provider"));
        Digest digest;
        if (algorithm instanceof HashAlgorithm h) {
            if (length != null) {
                throw new UsageException("--length is for blake2b and blake3, not " + h.id());
            }
            h.checkSeed(seed);
            digest = digest(runtime, h, seed);
        } else {
            DigestAlgorithm d = (DigestAlgorithm) algorithm;
            if (seeded) {
                throw new UsageException("--seed is for the hashing algorithms; " + d.id() + " takes none");
            }
            digest = digest(runtime.view(CryptoView.class).digest(d, spec(d, length)));
        }
        if (inputs.isEmpty()) {
            inputs.add("-");
        }
        int status = Main.OK;
        try (Arena arena = Arena.ofConfined();
                ReadAhead readAhead = new ReadAhead(READ_SIZE)) {
            MemorySegment buffer = arena.allocate(READ_SIZE, 4096);
            for (String input : inputs) {
                try {
                    out.println(hash(digest, buffer, readAhead, input) + "  " + input);
                } catch (IOException e) {
                    err.println("arsenal hash: " + input + ": " + IoErrors.reason(e));
                    status = Main.PARTIAL;
                }
                if (out.checkError()) { // flushes: each line as soon as its input is hashed
                    if (Stdout.readerGone(out)) {
                        return Main.CLOSED_PIPE;
                    }
                    err.println("arsenal hash: stdout: " + Stdout.reason(out));
                    return Main.PARTIAL;
                }
            }
        }
        return status;
    }

    /** A hashing algorithm or a digest, by any of their names. */
    private static Algorithm algorithm(String name) {
        try {
            return HashAlgorithm.byId(name);
        } catch (UnknownAlgorithmException e) {
            try {
                return DigestAlgorithm.byId(name);
            } catch (UnknownAlgorithmException f) {
                throw new UnknownAlgorithmException(name, allIds());
            }
        }
    }

    private static List<String> allIds() {
        List<String> ids = new ArrayList<>(HashAlgorithm.ids());
        ids.addAll(DigestAlgorithm.ids());
        return ids;
    }

    /**
     * The digest's spec from {@code --length}: bits for BLAKE2b (b2sum's {@code -l}), bytes for
     * BLAKE3 (b3sum's {@code --length}); the SHA-2 lengths are fixed.
     */
    static DigestSpec spec(DigestAlgorithm algorithm, String length) {
        if (length == null) {
            return DigestSpec.defaults();
        }
        long n;
        try {
            n = Long.parseLong(length.strip());
        } catch (NumberFormatException e) {
            throw new UsageException("bad --length '" + length + "': expected a number");
        }
        return switch (algorithm) {
            case BLAKE2B -> {
                if (n < 8 || n > 512 || n % 8 != 0) {
                    throw new UsageException(
                            "--length for blake2b is in bits, as b2sum takes it: a multiple of 8 from 8 to 512, not "
                                    + length);
                }
                yield DigestSpec.ofLength((int) (n / 8));
            }
            case BLAKE3 -> {
                if (n < 1 || n > MAX_BLAKE3_LENGTH) {
                    throw new UsageException("--length for blake3 is in bytes, as b3sum takes it: 1 to "
                            + MAX_BLAKE3_LENGTH + " (the output is held whole and printed in hex), not " + length);
                }
                yield DigestSpec.ofLength((int) n);
            }
            default ->
                throw new UsageException("--length is for blake2b and blake3; " + algorithm.id() + " gives "
                        + algorithm.defaultLength() + " bytes");
        };
    }

    /** Parses a seed: decimal (possibly negative) or {@code 0x} hex up to 64 bits. */
    static long parseSeed(String text) {
        try {
            String t = text.strip();
            if (t.startsWith("0x") || t.startsWith("0X")) {
                return Long.parseUnsignedLong(t.substring(2), 16);
            }
            if (t.startsWith("-")) {
                return Long.parseLong(t);
            }
            return Long.parseUnsignedLong(t);
        } catch (NumberFormatException e) {
            throw new UsageException("bad seed '" + text + "': expected a decimal or 0x-prefixed hex number");
        }
    }

    private String hash(Digest digest, MemorySegment buffer, ReadAhead readAhead, String input) throws IOException {
        if (input.equals("-")) {
            if (stdin != System.in) {
                return hash(digest.stream(), stdin); // in-process callers' streams
            }
            // File descriptor 0 read as a channel, straight into the buffer; it stays open.
            return hash(digest, buffer, new FileInputStream(FileDescriptor.in).getChannel());
        }
        Path path = Path.of(input);
        if (Files.isDirectory(path)) {
            throw new IOException("is a directory");
        }
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
            if (channel.size() >= READ_AHEAD_FROM) {
                // Only a hint, taken from a large size: every input is read to its end either way.
                Sink sink = digest.stream();
                readAhead.forEach(channel, sink::update);
                return sink.hex();
            }
            return hash(digest, buffer, channel);
        }
    }

    /**
     * Reads {@code channel} to its end into {@code buffer}. An input that fits in the buffer is
     * hashed in one call, which the hasher routes by its size (a small file never waits for the
     * bulk provider to load); a longer one goes through a stream, a buffer at a time.
     */
    private static String hash(Digest digest, MemorySegment buffer, ReadableByteChannel channel) throws IOException {
        ByteBuffer view = buffer.asByteBuffer();
        while (view.hasRemaining()) {
            if (channel.read(view) < 0) {
                return digest.whole(buffer.asSlice(0, view.position()));
            }
        }
        Sink sink = digest.stream();
        sink.update(buffer);
        for (int n; (n = channel.read(view.clear())) >= 0; ) {
            sink.update(buffer.asSlice(0, n));
        }
        return sink.hex();
    }

    /** Reads an in-process caller's stream to its end. */
    private static String hash(Sink sink, InputStream in) throws IOException {
        byte[] buffer = new byte[1 << 16];
        for (int n; (n = in.read(buffer)) >= 0; ) {
            sink.update(MemorySegment.ofArray(buffer).asSlice(0, n));
        }
        return sink.hex();
    }

    /** One stream hasher: takes the bytes, gives the canonical hex at the end. */
    private interface Sink {
        void update(MemorySegment data);

        String hex();

        static Sink of(Consumer<MemorySegment> update, Supplier<String> hex) {
            return new Sink() {
                @Override
                public void update(MemorySegment data) {
                    update.accept(data);
                }

                @Override
                public String hex() {
                    return hex.get();
                }
            };
        }
    }

    /** The algorithm's hasher, as the canonical hex of a whole input or as a fresh stream per input. */
    private interface Digest {
        String whole(MemorySegment data);

        Sink stream();

        static Digest of(Function<MemorySegment, String> whole, Supplier<Sink> stream) {
            return new Digest() {
                @Override
                public String whole(MemorySegment data) {
                    return whole.apply(data);
                }

                @Override
                public Sink stream() {
                    return stream.get();
                }
            };
        }
    }

    /** A cryptographic digest, through its one-shot form and its streams. */
    private static Digest digest(dev.arsenal.crypto.Digest digest) {
        HexFormat hex = HexFormat.of();
        return Digest.of(d -> hex.formatHex(digest.digest(d.asByteBuffer())), () -> {
            DigestStream s = digest.newStream();
            return Sink.of(d -> s.update(d.asByteBuffer()), () -> hex.formatHex(s.digest()));
        });
    }

    private static Digest digest(ArsenalRuntime runtime, HashAlgorithm algorithm, long seed) {
        HexFormat hex = HexFormat.of();
        return switch (algorithm.bits()) {
            case 32 -> {
                var h = runtime.hasher32(algorithm, seed);
                yield Digest.of(d -> hex.toHexDigits(h.hash(d)), () -> {
                    HashStream32 s = h.newStream();
                    return Sink.of(s::update, () -> hex.toHexDigits(s.digest()));
                });
            }
            case 64 -> {
                var h = runtime.hasher64(algorithm, seed);
                yield Digest.of(d -> hex.toHexDigits(h.hash(d)), () -> {
                    HashStream64 s = h.newStream();
                    return Sink.of(s::update, () -> hex.toHexDigits(s.digest()));
                });
            }
            default -> {
                var h = runtime.hasher128(algorithm, seed);
                yield Digest.of(d -> h.hash(d).toHexString(), () -> {
                    HashStream128 s = h.newStream();
                    return Sink.of(s::update, () -> s.digest().toHexString());
                });
            }
        };
    }
}
