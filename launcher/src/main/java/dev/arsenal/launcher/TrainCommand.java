package dev.arsenal.launcher;

import dev.arsenal.Arsenal;
import dev.arsenal.ArsenalRuntime;
import dev.arsenal.Configuration;
import dev.arsenal.UnknownAlgorithmException;
import dev.arsenal.compression.Codec;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * {@code arsenal train -c zstd [--max-size BYTES] [--provider ID] -o DICT FILE...}: a dictionary
 * trained on sample files (directories are walked), as {@code zstd --train FILE... -o DICT}, for
 * {@code compress -D DICT} and {@code decompress -D DICT} (and the {@code zstd} tool's {@code -D}).
 */
final class TrainCommand {
    /** zstd's default dictionary size, {@value} bytes. */
    static final int DEFAULT_MAX_SIZE = 112_640;

    private static final String USAGE =
            "usage: arsenal train -c zstd [--max-size BYTES] [--provider ID] -o DICT FILE...";

    private final PrintStream err;

    TrainCommand(PrintStream err) {
        this.err = err;
    }

    int run(List<String> args) {
        String codecName = null;
        String provider = null;
        String output = null;
        long maxSize = DEFAULT_MAX_SIZE;
        List<Path> inputs = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            switch (arg) {
                case "-c", "--codec" -> codecName = value(args, ++i, arg);
                case "--provider" -> provider = value(args, ++i, arg);
                case "-o", "--output" -> output = value(args, ++i, arg);
                case "--max-size" -> maxSize = CompressCommand.parseSize(value(args, ++i, arg));
                default -> {
                    if (arg.startsWith("-")) {
                        throw new UsageException("unknown option '" + arg + "'; " + USAGE);
                    }
                    inputs.add(Path.of(arg));
                }
            }
        }
        if (codecName == null || output == null || inputs.isEmpty()) {
            throw new UsageException(
                    (codecName == null ? "missing -c CODEC" : output == null ? "missing -o DICT" : "no sample files")
                            + "; " + USAGE);
        }
        if (maxSize < 256 || maxSize > Integer.MAX_VALUE - 8) {
            throw new UsageException("--max-size must be 256 bytes to 2 GiB, not " + maxSize);
        }
        Codec codec;
        try {
            codec = Codec.byId(codecName);
        } catch (UnknownAlgorithmException e) {
            throw new UsageException("unknown codec '" + codecName + "'; dictionaries are trained for zstd");
        }
        List<byte[]> samples = new ArrayList<>();
        long total = 0;
        try {
            for (Path input : inputs) {
                for (Path file : files(input)) {
                    byte[] sample = Files.readAllBytes(file);
                    samples.add(sample);
                    total += sample.length;
                }
            }
        } catch (IOException e) {
            err.println("arsenal train: " + CompressCommand.describe(e, null) + "; no dictionary written");
            return Main.PARTIAL;
        }
        ArsenalRuntime runtime = provider == null
                ? Arsenal.runtime()
                : Arsenal.create(Configuration.load().withForcedProvider(codec, provider));
        byte[] dictionary = runtime.trainDictionary(codec, samples, (int) maxSize);
        Path target = Path.of(output);
        try {
            Path temp = Files.createTempFile(target.toAbsolutePath().getParent(), "." + target.getFileName(), ".tmp");
            try {
                Files.write(temp, dictionary);
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            err.println("arsenal train: " + CompressCommand.describe(e, output) + "; no dictionary written");
            return Main.PARTIAL;
        }
        err.println("arsenal train: " + output + ": " + dictionary.length + " bytes from " + samples.size()
                + " samples of " + total + " bytes");
        return Main.OK;
    }

    private static List<Path> files(Path input) throws IOException {
        if (!Files.isDirectory(input)) {
            return List.of(input);
        }
        try (Stream<Path> walk = Files.walk(input)) {
            return walk.filter(Files::isRegularFile).sorted().toList();
        }
    }

    private static String value(List<String> args, int i, String option) {
        if (i >= args.size()) {
            throw new UsageException(option + " needs a value");
        }
        return args.get(i);
    }
}
