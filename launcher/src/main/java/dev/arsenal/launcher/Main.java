package dev.arsenal.launcher;

import dev.arsenal.Arsenal;
import dev.arsenal.ArsenalException;
import java.io.InputStream;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * The {@code arsenal} command. Each subcommand is a class of its own; this one parses the first
 * word, sets up logging and turns expected failures into one line on stderr and an exit status.
 */
public final class Main {
    /** Exit status for success. */
    static final int OK = 0;
    /**
     * Exit status when an input or output failed (a missing file, a full disk); for commands of
     * several inputs, the others were still processed.
     */
    static final int PARTIAL = 1;
    /** Exit status for a usage or configuration error. */
    static final int USAGE = 2;
    /**
     * Exit status for compressed input that is malformed or decompresses to more than allowed. Not
     * 3: the {@code arsenal} script exits with 3 when its build fails.
     */
    static final int BAD_INPUT = 4;

    /** Held here: java.util.logging keeps loggers weakly, and a collected one forgets its level. */
    private static final Logger ENGINE_LOG = Logger.getLogger("dev.arsenal");

    private Main() {}

    /**
     * The engine's log on {@code err}, one line a record ("arsenal: WARNING: ..."): its warnings
     * always, its selection lines (DEBUG, java.util.logging's FINE) with {@code -v}.
     */
    private static void logTo(PrintStream err, boolean verbose) {
        Level level = verbose ? Level.FINE : Level.WARNING;
        for (Handler h : ENGINE_LOG.getHandlers()) {
            ENGINE_LOG.removeHandler(h);
        }
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                if (isLoggable(record)) {
                    String prefix = record.getLevel().intValue() >= Level.WARNING.intValue()
                            ? "arsenal: warning: "
                            : "arsenal: ";
                    err.println(prefix + record.getMessage().replaceFirst("^Arsenal: ", ""));
                }
            }

            @Override
            public void flush() {
                err.flush();
            }

            @Override
            public void close() {}
        };
        handler.setLevel(level);
        ENGINE_LOG.addHandler(handler);
        ENGINE_LOG.setUseParentHandlers(false);
        ENGINE_LOG.setLevel(level);
    }

    /** Runs the command and exits with its status. */
    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs the command with the given streams; returns the exit status. Used by tests. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        return run(args, System.in, out, err);
    }

    /** Runs the command with the given streams, {@code in} as stdin; returns the exit status. */
    public static int run(String[] args, InputStream in, PrintStream out, PrintStream err) {
        List<String> rest = Arrays.asList(args);
        boolean verbose = rest.contains("-v") || rest.contains("--verbose");
        logTo(err, verbose);
        rest = rest.stream()
                .filter(a -> !a.equals("-v") && !a.equals("--verbose"))
                .toList();
        if (rest.isEmpty()
                || rest.getFirst().equals("help")
                || rest.getFirst().equals("--help")
                || rest.getFirst().equals("-h")) {
            usage(rest.isEmpty() ? err : out);
            return rest.isEmpty() ? USAGE : OK;
        }
        String command = rest.getFirst();
        List<String> commandArgs = rest.subList(1, rest.size());
        try {
            return switch (command) {
                case "info" -> new InfoCommand(out).run(commandArgs);
                case "hash" -> new HashCommand(out, err).run(commandArgs);
                case "compress" -> new CompressCommand(true, in, out, err).run(commandArgs);
                case "decompress" -> new CompressCommand(false, in, out, err).run(commandArgs);
                case "train" -> new TrainCommand(err).run(commandArgs);
                case "selftest" -> new SelfTestCommand(out).run(commandArgs);
                case "calibrate" -> new MeasureCommands(out, err).calibrate(commandArgs);
                case "bench" -> new MeasureCommands(out, err).bench(commandArgs);
                case "shell" -> new ShellCommand(in, out, err).run(commandArgs);
                case "version", "--version" -> {
                    out.println("arsenal " + Arsenal.version());
                    yield OK;
                }
                default -> {
                    err.println(
                            "arsenal: unknown command '" + command
                                    + "'; commands: info, hash, compress, decompress, train, selftest, calibrate, bench, shell, version");
                    yield USAGE;
                }
            };
        } catch (UsageException e) {
            err.println("arsenal " + command + ": " + e.getMessage());
            return USAGE;
        } catch (ArsenalException | IllegalArgumentException e) {
            err.println("arsenal " + command + ": " + e.getMessage());
            return USAGE;
        }
    }

    private static void usage(PrintStream out) {
        out.println("""
                usage: arsenal [-v] COMMAND [ARGS]

                  info [--json]                      CPU features, providers, the choice per algorithm and why
                  hash -a ALGO [--provider ID] [--seed N] [FILE...]
                                                     print '<hex>  <name>' per input ('-' or none: stdin);
                                                     ALGO: xxh32 xxh64 xxh3 xxh128 crc32 crc32c
                  compress -c CODEC [-l LEVEL] [-e ELEMENT_SIZE] [-D DICT] [--no-check]
                           [--no-content-size] [--provider ID] [IN [OUT]]
                                                     compress IN (none or '-': stdin) to OUT (none or
                                                     '-': stdout); CODEC: lz4 zstd gzip lz4+shuffle
                                                     zstd+shuffle (-e: bytes per element, default 8)
                  decompress -c CODEC [-D DICT] [--provider ID] [--max-size BYTES] [IN [OUT]]
                                                     the reverse; --max-size stops at BYTES of output
                                                     (K, M, G: powers of 1024; default: no limit).
                                                     OUT is written whole or not at all
                  train -c zstd [--max-size BYTES] -o DICT FILE...
                                                     train a dictionary (at most BYTES, default 110K)
                                                     on sample files, as 'zstd --train'
                  selftest                           run every provider's known-answer self-tests
                  calibrate [--family hashing] [--budget SECONDS]
                                                     measure the providers and store the table the next
                                                     start chooses by (default 10 s)
                  bench hashing [--budget SECONDS] [--svg FILE]
                                                     measure and print a table (and an SVG chart)
                  shell [--storage DIR]              an OSGi (Felix) shell with every bundle; Gogo commands
                                                     from the terminal or stdin, 'exit' to leave
                  version                            print the version

                  -v, --verbose                      log the engine's selection line

                Exit status: 0 done; 1 an input or output failed; 2 usage or configuration error;
                4 malformed compressed input, or more than --max-size.

                Configuration: -Darsenal.*, ARSENAL_* environment variables or arsenal.properties;
                see docs/configuration.md.""");
    }
}
