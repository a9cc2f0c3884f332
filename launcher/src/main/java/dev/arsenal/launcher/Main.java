package dev.arsenal.launcher;

import dev.arsenal.Arsenal;
import dev.arsenal.ArsenalException;
import dev.arsenal.Configuration;
import java.io.InputStream;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
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
    /**
     * Exit status when the work was done but something was ignored with a warning: bytes after gzip
     * data that are neither zeros nor a member, which {@code gzip -d} ignores with its status 2
     * (Arsenal's 2 is a usage error).
     */
    static final int WARNING = 5;
    /**
     * Exit status when stdout's reader went away (a closed pipe: {@code arsenal hash * | head -1}):
     * what the shell shows for the C tools, which SIGPIPE ends (128 + 13); nothing is said.
     */
    static final int CLOSED_PIPE = 141;

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

    /**
     * Runs the command on the process's standard streams (stdout buffered, its errors kept: {@link
     * Stdout}) and exits with its status.
     */
    public static void main(String[] args) {
        markShortLived(args);
        Stdout out = Stdout.open();
        int status = run(args, System.in, out, System.err, Terminals.detect());
        out.flush();
        System.exit(status);
    }

    /** The commands that do one job and exit, for which the engine plans a short-lived process. */
    private static final Set<String> ONE_JOB =
            Set.of("hash", "compress", "decompress", "train", "keygen", "sign", "verify", "random");

    /**
     * Tells the engine that this process lives for one command ({@link
     * Configuration.Lifetime#SHORT}: one provider per algorithm, the best at small inputs, rather
     * than a second one for bulk inputs whose library or vector kernel would take longer to load
     * or warm up than the command lasts), unless the user set {@value Configuration#LIFETIME}
     * as a system property or in the environment. The reports ({@code info}, {@code selftest})
     * describe what a long-lived application gets, and keep the default.
     */
    static void markShortLived(String[] args) {
        String command = Arrays.stream(args)
                .filter(a -> !a.equals("-v") && !a.equals("--verbose"))
                .findFirst()
                .orElse("");
        if (ONE_JOB.contains(command)
                && System.getProperty(Configuration.LIFETIME) == null
                && System.getenv("ARSENAL_LIFETIME") == null) {
            System.setProperty(Configuration.LIFETIME, "short");
        }
    }

    /** Runs the command with the given streams; returns the exit status. Used by tests. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        return run(args, System.in, out, err);
    }

    /**
     * Runs the command with the given streams, {@code in} as stdin, none of them a terminal;
     * returns the exit status.
     */
    public static int run(String[] args, InputStream in, PrintStream out, PrintStream err) {
        return run(args, in, out, err, Terminals.NONE);
    }

    /**
     * Runs the command; {@code terminals} says which of the streams are terminals. Whatever the
     * command, a failure of {@code out} (a full disk, which {@link PrintStream} does not report)
     * ends in a message and a non-zero status.
     */
    static int run(String[] args, InputStream in, PrintStream out, PrintStream err, Terminals terminals) {
        List<String> rest = Arrays.asList(args);
        String command = rest.stream()
                .filter(a -> !a.equals("-v") && !a.equals("--verbose"))
                .findFirst()
                .orElse("arsenal");
        int status = dispatch(args, in, out, err, terminals);
        if (!out.checkError()) { // flushes
            return status;
        }
        if (Stdout.readerGone(out)) {
            return CLOSED_PIPE;
        }
        if (status != OK) {
            return status; // the command failed and said why (a command that writes to stdout says so)
        }
        err.println((command.equals("arsenal") ? "arsenal" : "arsenal " + command) + ": stdout: " + Stdout.reason(out));
        return PARTIAL;
    }

    private static int dispatch(String[] args, InputStream in, PrintStream out, PrintStream err, Terminals terminals) {
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
            if (rest.size() == 2 && rest.getFirst().equals("help") && usage(rest.get(1)) != null) {
                out.println(usage(rest.get(1)));
                return OK;
            }
            usage(rest.isEmpty() ? err : out);
            return rest.isEmpty() ? USAGE : OK;
        }
        String command = rest.getFirst();
        List<String> commandArgs = rest.subList(1, rest.size());
        if (asksForHelp(commandArgs) && usage(command) != null) {
            out.println(usage(command));
            return OK;
        }
        try {
            return switch (command) {
                case "info" -> new InfoCommand(out).run(commandArgs);
                case "hash" -> new HashCommand(in, out, err).run(commandArgs);
                case "compress" -> new CompressCommand(true, in, out, err, terminals).run(commandArgs);
                case "decompress" -> new CompressCommand(false, in, out, err, terminals).run(commandArgs);
                case "train" -> new TrainCommand(err).run(commandArgs);
                case "selftest" -> new SelfTestCommand(out).run(commandArgs);
                case "calibrate" -> new MeasureCommands(out, err).calibrate(commandArgs);
                case "bench" -> new MeasureCommands(out, err).bench(commandArgs);
                case "shell" -> new ShellCommand(in, out, err).run(commandArgs);
                case "keygen" -> new KeyCommands(in, out, err, terminals).keygen(commandArgs);
                case "sign" -> new KeyCommands(in, out, err, terminals).sign(commandArgs);
                case "verify" -> new KeyCommands(in, out, err, terminals).verify(commandArgs);
                case "random" ->
                    new RandomCommand(
                                    out, terminals, terminals != Terminals.NONE && RandomCommand.stdoutIsRegularFile())
                            .run(commandArgs);
                case "version", "--version" -> {
                    out.println("arsenal " + Arsenal.version());
                    yield OK;
                }
                default -> {
                    err.println("arsenal: unknown command '" + command
                            + "'; commands: info, hash, compress, decompress, train, keygen, sign, verify, random, selftest,"
                            + " calibrate, bench, shell, version");
                    yield USAGE;
                }
            };
        } catch (UsageException e) {
            err.println("arsenal " + command + ": " + e.getMessage());
            return USAGE;
        } catch (ArsenalException | IllegalArgumentException e) {
            err.println("arsenal " + command + ": " + e.getMessage());
            return USAGE;
        } catch (RuntimeException e) {
            // A failure no command expected (a bug, or a provider's): one line, not a stack trace;
            // -v logs it whole.
            err.println("arsenal " + command + ": failed: " + e);
            Logger.getLogger(Main.class.getName()).log(Level.FINE, "arsenal " + command + " failed", e);
            return PARTIAL;
        }
    }

    /** Whether {@code -h} or {@code --help} comes before a {@code --} (after which it is a file name). */
    private static boolean asksForHelp(List<String> args) {
        for (String a : args) {
            if (a.equals("--")) {
                return false;
            }
            if (a.equals("-h") || a.equals("--help")) {
                return true;
            }
        }
        return false;
    }

    /** The usage of one command, for {@code arsenal COMMAND --help} and {@code arsenal help COMMAND}; null if unknown. */
    static String usage(String command) {
        return switch (command) {
            case "hash" -> HashCommand.USAGE;
            case "keygen" -> KeyCommands.KEYGEN_USAGE;
            case "sign" -> KeyCommands.SIGN_USAGE;
            case "verify" -> KeyCommands.VERIFY_USAGE;
            case "random" -> RandomCommand.USAGE;
            case "compress" -> CompressCommand.usage(true);
            case "decompress" -> CompressCommand.usage(false);
            case "train" -> TrainCommand.USAGE;
            case "info" -> """
                    usage: arsenal info [--json]

                    Shows the CPU features (with where each was learnt), the JVM, every provider (available or
                    not, and why), and the provider chosen per algorithm with the reason. --json: the same as
                    one JSON object.""";
            case "selftest" -> """
                    usage: arsenal selftest

                    Runs every provider's known-answer self-tests, as the engine ran them at start, and
                    prints one line per provider and algorithm. Exit status 1 if any failed.""";
            case "calibrate" -> """
                    usage: arsenal calibrate [--family hashing|compression|crypto|random] [--budget SECONDS]

                    Measures the providers of the family (default hashing) on this machine within the budget
                    (default 10 s) and stores the table that the next start chooses by
                    (arsenal.calibration.file).""";
            case "bench" -> """
                    usage: arsenal bench hashing|compression|crypto|random [--budget SECONDS] [--svg FILE]

                    Measures the family's providers and prints a table of GB/s by input size; --svg also
                    draws it as a chart.""";
            case "shell" -> """
                    usage: arsenal shell [--storage DIR]

                    An OSGi (Apache Felix) shell with every Arsenal bundle installed: Gogo commands from the
                    terminal or stdin (arsenal:providers, arsenal:selection, arsenal:use ALGO PROVIDER,
                    stop/start/update a bundle), 'exit' to leave.""";
            case "version" -> """
                    usage: arsenal version

                    Prints the version.""";
            default -> null;
        };
    }

    private static void usage(PrintStream out) {
        out.println("""
                usage: arsenal [-v] COMMAND [ARGS]

                  info [--json]                      CPU features, providers, the choice per algorithm and why
                  hash -a ALGO [--provider ID] [--seed N] [FILE...]
                                                     print '<hex>  <name>' per input ('-' or none: stdin);
                                                     ALGO: xxh32 xxh64 xxh3 xxh128 crc32 crc32c
                                                     sha256 sha512 blake2b blake3
                  compress -c CODEC [-l LEVEL] [-e ELEMENT_SIZE] [-D DICT] [--no-check]
                           [--no-content-size] [--provider ID] [-f] [IN [OUT]]
                                                     compress IN (none or '-': stdin) to OUT (none or
                                                     '-': stdout); CODEC: lz4 zstd gzip lz4+shuffle
                                                     zstd+shuffle (-e: bytes per element, default 8)
                  decompress -c CODEC [-D DICT] [--provider ID] [--max-size BYTES] [-f] [IN [OUT]]
                                                     the reverse; --max-size stops at BYTES of output
                                                     (K, M, G: powers of 1024; default: no limit).
                                                     OUT is written whole or not at all; an existing
                                                     OUT is replaced only with -f; devices and FIFOs
                                                     (/dev/null) are written in place
                  train -c zstd [--max-size BYTES] -o DICT FILE...
                                                     train a dictionary (at most BYTES, default 110K)
                                                     on sample files, as 'zstd --train'
                  keygen ed25519|x25519 [-o KEY.pem [-f]]
                                                     a private key in PEM (as openssl genpkey) to stdout,
                                                     or to KEY.pem and its public key to KEY.pub.pem
                  sign -k KEY.pem [FILE]             the Ed25519 signature, 64 raw bytes, to stdout
                  verify -k KEY.pem -s FILE.sig [FILE]
                                                     'FILE: OK' and 0, or 'FILE: FAILED' and 1
                  random -a ALGO [--seed N] [-n COUNT] [--format raw|hex|u32|u64]
                                                     a generator's output to stdout, endless by
                                                     default (| dieharder -g 200 -a)
                  selftest                           run every provider's known-answer self-tests
                  calibrate [--family hashing|compression|crypto|random] [--budget SECONDS]
                                                     measure the providers and store the table the next
                                                     start chooses by (default 10 s)
                  bench hashing|compression|crypto|random [--budget SECONDS] [--svg FILE]
                                                     measure and print a table (and an SVG chart)
                  shell [--storage DIR]              an OSGi (Felix) shell with every bundle; Gogo commands
                                                     from the terminal or stdin, 'exit' to leave
                  version                            print the version

                  -v, --verbose                      log the engine's selection line
                  COMMAND --help, help COMMAND       that command's usage

                Exit status: 0 done; 1 an input or output failed (stdout too); 2 usage or configuration
                error; 4 malformed input (compressed data, keys, signatures), or more than --max-size; 5 done with a warning
                (bytes after gzip data ignored); 141 stdout's reader went away (a closed pipe).

                Configuration: -Darsenal.*, ARSENAL_* environment variables or arsenal.properties;
                see docs/configuration.md.""");
    }
}
