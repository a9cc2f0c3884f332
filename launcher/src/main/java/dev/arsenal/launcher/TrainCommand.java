package dev.arsenal.launcher;

import dev.arsenal.Arsenal;
import dev.arsenal.ArsenalRuntime;
import dev.arsenal.Configuration;
import dev.arsenal.UnknownAlgorithmException;
import dev.arsenal.compression.Codec;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * {@code arsenal train -c zstd [--max-size BYTES] [--provider ID] -o DICT FILE...}: a dictionary
 * trained on sample files (directories are walked), as {@code zstd --train FILE... -o DICT}, for
 * {@code compress -D DICT} and {@code decompress -D DICT} (and the {@code zstd} tool's {@code -D}).
 * {@code DICT} is an {@link OutputFile}, replaced when it exists (as {@code zstd --train} does),
 * keeping its permissions; a new one gets the default permissions.
 */
final class TrainCommand {
    /** zstd's default dictionary size, {@value} bytes. */
    static final int DEFAULT_MAX_SIZE = 112_640;

    /** The largest sample: samples are read whole, into one array each. */
    static final long MAX_SAMPLE = Integer.MAX_VALUE - 8;

    private static final String SYNOPSIS =
            "usage: arsenal train -c zstd [--max-size BYTES] [--provider ID] -o DICT FILE...";

    static final String USAGE = SYNOPSIS + """


            Trains a zstd dictionary on sample files (directories are walked), as 'zstd --train', for
            'compress -D DICT' and 'decompress -D DICT' (and zstd's -D). Give it many samples, about 100
            times the dictionary's size.

              -c, --codec zstd         the codec (only zstd has dictionaries)
              -o, --output DICT        where to write it: replaced if it exists (keeping its
                                       permissions), whole or not at all
              --max-size BYTES         the dictionary's largest size, 256 bytes to 2 GiB (K, M, G:
                                       powers of 1024; default 110K, zstd's)
              --provider ID            this provider only ('arsenal info' lists them)

            Exit status: 0 done; 1 a sample could not be read or DICT not written; 2 usage.""";

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
                case "-c", "--codec" -> codecName = UsageException.value(args, ++i, arg);
                case "--provider" -> provider = UsageException.value(args, ++i, arg);
                case "-o", "--output" -> output = UsageException.value(args, ++i, arg);
                case "--max-size" -> maxSize = CompressCommand.parseSize(UsageException.value(args, ++i, arg));
                default -> {
                    if (arg.startsWith("-")) {
                        throw new UsageException("unknown option '" + arg + "'; " + SYNOPSIS);
                    }
                    inputs.add(Path.of(arg));
                }
            }
        }
        if (codecName == null || output == null || inputs.isEmpty()) {
            throw new UsageException(
                    (codecName == null ? "missing -c CODEC" : output == null ? "missing -o DICT" : "no sample files")
                            + "; " + SYNOPSIS);
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
                    long size = Files.size(file);
                    if (size > MAX_SAMPLE) {
                        err.println("arsenal train: " + file + ": " + size + " bytes, too large for a sample (at most "
                                + MAX_SAMPLE + "; samples are read whole); no dictionary written");
                        return Main.PARTIAL;
                    }
                    byte[] sample = Files.readAllBytes(file);
                    samples.add(sample);
                    total += sample.length;
                }
            }
        } catch (IOException e) {
            err.println("arsenal train: " + IoErrors.describe(e, null) + "; no dictionary written");
            return Main.PARTIAL;
        } catch (UncheckedIOException e) { // from the walk of a directory
            err.println("arsenal train: " + IoErrors.describe(e.getCause(), null) + "; no dictionary written");
            return Main.PARTIAL;
        }
        ArsenalRuntime runtime = provider == null
                ? Arsenal.runtime()
                : Arsenal.create(Configuration.load().withForcedProvider(codec, provider, "--provider"));
        byte[] dictionary = runtime.trainDictionary(codec, samples, (int) maxSize);
        try (OutputFile file =
                OutputFile.open(output, true, false, null, note -> err.println("arsenal train: " + note))) {
            if (file.isTerminal()) {
                err.println("arsenal train: a dictionary is not written to a terminal (" + output + ")");
                return Main.USAGE;
            }
            try (OutputStream o = file.stream()) {
                o.write(dictionary);
            }
            file.commit();
        } catch (OutputFile.Refused e) {
            err.println("arsenal train: " + e.getMessage() + "; no dictionary written");
            return Main.PARTIAL;
        } catch (IOException e) {
            err.println("arsenal train: " + IoErrors.describe(e, output) + "; no dictionary written");
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
        try (Stream<Path> walk = Files.walk(input, FileVisitOption.FOLLOW_LINKS)) {
            return walk.filter(Files::isRegularFile).sorted().toList();
        }
    }
}
