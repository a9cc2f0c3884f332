package dev.arsenal.launcher;

import dev.arsenal.Arsenal;
import dev.arsenal.ArsenalRuntime;
import dev.arsenal.Configuration;
import dev.arsenal.hashing.HashAlgorithm;
import dev.arsenal.hashing.HashStream128;
import dev.arsenal.hashing.HashStream32;
import dev.arsenal.hashing.HashStream64;
import dev.arsenal.hashing.Hasher128;
import dev.arsenal.hashing.Hasher32;
import dev.arsenal.hashing.Hasher64;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * {@code arsenal hash -a ALGO [--provider ID] [--seed N] [FILE...]}: prints {@code <hex>  <name>}
 * per input, as {@code xxhsum}, {@code sha256sum} and {@code b3sum} do. Regular files are mapped
 * and hashed in one call; stdin and other streams are read through the streaming API. A file that
 * cannot be read is one line on stderr; the other inputs are still hashed and the exit status is
 * 1.
 */
final class HashCommand {
    private static final int BUFFER = 1 << 16;

    private final PrintStream out;
    private final PrintStream err;

    HashCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    int run(List<String> args) {
        String algorithmName = null;
        String provider = null;
        long seed = 0;
        List<String> inputs = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            switch (arg) {
                case "-a", "--algorithm" -> algorithmName = value(args, ++i, arg);
                case "--provider" -> provider = value(args, ++i, arg);
                case "--seed" -> seed = parseSeed(value(args, ++i, arg));
                case "--" -> {
                    inputs.addAll(args.subList(i + 1, args.size()));
                    i = args.size();
                }
                default -> {
                    if (arg.startsWith("-") && !arg.equals("-")) {
                        throw new UsageException("unknown option '" + arg
                                + "'; usage: arsenal hash -a ALGO [--provider ID] [--seed N] [FILE...]");
                    }
                    inputs.add(arg);
                }
            }
        }
        if (algorithmName == null) {
            throw new UsageException("missing -a ALGO; algorithms: " + String.join(", ", HashAlgorithm.ids()));
        }
        HashAlgorithm algorithm = HashAlgorithm.byId(algorithmName);
        algorithm.checkSeed(seed);
        ArsenalRuntime runtime = provider == null
                ? Arsenal.runtime()
                : Arsenal.create(Configuration.load().withForcedProvider(algorithm, provider));
        Digester digester = digester(runtime, algorithm, seed);
        if (inputs.isEmpty()) {
            inputs.add("-");
        }
        int status = Main.OK;
        for (String input : inputs) {
            try {
                out.println(hash(digester, input) + "  " + input);
            } catch (NoSuchFileException e) {
                err.println("arsenal hash: " + input + ": no such file");
                status = Main.PARTIAL;
            } catch (AccessDeniedException e) {
                err.println("arsenal hash: " + input + ": permission denied");
                status = Main.PARTIAL;
            } catch (IOException e) {
                err.println("arsenal hash: " + input + ": " + e.getMessage());
                status = Main.PARTIAL;
            }
        }
        out.flush();
        return status;
    }

    private static String value(List<String> args, int i, String option) {
        if (i >= args.size()) {
            throw new UsageException(option + " needs a value");
        }
        return args.get(i);
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

    private static String hash(Digester digester, String input) throws IOException {
        if (input.equals("-")) {
            return digester.stream(System.in);
        }
        Path path = Path.of(input);
        if (Files.isDirectory(path)) {
            throw new IOException("is a directory");
        }
        if (!Files.isRegularFile(path)) {
            // FIFOs, devices, /dev/stdin: read as a stream.
            try (InputStream in = Files.newInputStream(path)) {
                return digester.stream(in);
            }
        }
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ);
                Arena arena = Arena.ofConfined()) {
            long size = channel.size();
            MemorySegment segment = size == 0
                    ? MemorySegment.ofArray(new byte[0])
                    : channel.map(FileChannel.MapMode.READ_ONLY, 0, size, arena);
            return digester.oneShot().apply(segment);
        }
    }

    /** Takes a chunk of streamed bytes. */
    private interface Chunk {
        void update(byte[] buffer, int offset, int length);
    }

    /** Where streamed bytes go, and the canonical hex at the end. */
    private record Sink(Chunk chunk, Supplier<String> hex) {}

    /** One algorithm's two ways of hashing: a mapped file at once, or a stream in chunks. */
    private record Digester(Function<MemorySegment, String> oneShot, Supplier<Sink> sinks) {
        String stream(InputStream in) throws IOException {
            Sink sink = sinks.get();
            byte[] buffer = new byte[BUFFER];
            for (int n; (n = in.read(buffer)) >= 0; ) {
                sink.chunk().update(buffer, 0, n);
            }
            return sink.hex().get();
        }
    }

    private static Digester digester(ArsenalRuntime runtime, HashAlgorithm algorithm, long seed) {
        return switch (algorithm.bits()) {
            case 32 -> {
                Hasher32 h = runtime.hasher32(algorithm, seed);
                yield new Digester(seg -> hex32(h.hash(seg)), () -> {
                    HashStream32 s = h.newStream();
                    return new Sink(s::update, () -> hex32(s.digest()));
                });
            }
            case 64 -> {
                Hasher64 h = runtime.hasher64(algorithm, seed);
                yield new Digester(seg -> hex64(h.hash(seg)), () -> {
                    HashStream64 s = h.newStream();
                    return new Sink(s::update, () -> hex64(s.digest()));
                });
            }
            default -> {
                Hasher128 h = runtime.hasher128(algorithm, seed);
                yield new Digester(seg -> h.hash(seg).toHexString(), () -> {
                    HashStream128 s = h.newStream();
                    return new Sink(s::update, () -> s.digest().toHexString());
                });
            }
        };
    }

    private static String hex32(int value) {
        return HexFormat.of().toHexDigits(value);
    }

    private static String hex64(long value) {
        return HexFormat.of().toHexDigits(value);
    }
}
