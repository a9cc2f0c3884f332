package dev.arsenal.launcher;

import dev.arsenal.Arsenal;
import dev.arsenal.ArsenalException;
import dev.arsenal.ArsenalRuntime;
import dev.arsenal.Configuration;
import dev.arsenal.UnknownAlgorithmException;
import dev.arsenal.compression.Codec;
import dev.arsenal.compression.CompressionOptions;
import dev.arsenal.compression.Compressor;
import dev.arsenal.compression.Decompressor;
import dev.arsenal.compression.MalformedInputException;
import java.io.BufferedOutputStream;
import java.io.FilterInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.LongSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code arsenal compress} and {@code arsenal decompress}: one input (a file, or stdin when absent
 * or {@code -}) through the codec's stream form to one output (a file, or stdout), in 64 KiB
 * pieces, so that a file of any size takes constant memory.
 *
 * <p>The output file is an {@link OutputFile}: written whole or not at all when it is a regular
 * file (a hidden temporary file renamed over it), replaced only with {@code -f} and then keeping its
 * permissions, followed when it is a symbolic link, written in place when it is a device or a FIFO
 * ({@code /dev/null}). On failure the one-line message says what became of the output: nothing
 * written to it, or, where bytes cannot be taken back (stdout, a device), that it is incomplete.
 * Compressed data is not written to a terminal nor read from one without {@code -f}, as gzip,
 * zstd and lz4 refuse it.
 *
 * <p>Compressing a file, or an input of less than 64 KiB, records the content size in zstd and
 * LZ4 frames, as the tools do for files ({@code --no-content-size} leaves it out); a file that
 * changes size while it is read fails, since its frame would lie. Decompressing gzip forgives
 * what {@code gzip -d} forgives after the last member ({@link GzipTrailer}).
 *
 * <p>Exit status: {@link Main#OK}; {@link Main#PARTIAL} when the input or output failed (missing
 * file, disk full, an output that exists); {@link Main#BAD_INPUT} when the compressed input is
 * malformed or decompresses to more than {@code --max-size}; {@link Main#WARNING} when gzip data
 * was followed by other bytes, ignored; {@link Main#USAGE} for the command line and for a codec or
 * level that no provider serves.
 */
final class CompressCommand {
    /** Inputs larger than this get a progress line when stderr is a terminal. */
    static final long PROGRESS_THRESHOLD = 16L << 20;

    /** The piece size, and what is read before a frame begins. */
    static final int BUFFER = 1 << 16;

    private final boolean compress;
    private final String name;
    private final InputStream stdin;
    private final PrintStream out;
    private final PrintStream err;
    private final Terminals terminals;

    /**
     * A command that compresses ({@code compress}) or decompresses from {@code stdin} or a file to
     * {@code out} or a file; messages go to {@code err}; {@code terminals} says which of the
     * process's streams are terminals.
     */
    CompressCommand(boolean compress, InputStream stdin, PrintStream out, PrintStream err, Terminals terminals) {
        this.compress = compress;
        this.name = compress ? "compress" : "decompress";
        this.stdin = stdin;
        this.out = out;
        this.err = err;
        this.terminals = terminals;
    }

    /** The one-line synopsis, for messages about the command line. */
    static String synopsis(boolean compress) {
        return compress
                ? "usage: arsenal compress -c CODEC [-l LEVEL] [-e ELEMENT_SIZE] [-D DICT] [--no-check]"
                        + " [--no-content-size] [--provider ID] [-f] [IN [OUT]]"
                : "usage: arsenal decompress -c CODEC [-D DICT] [--provider ID] [--max-size BYTES] [-f] [IN [OUT]]";
    }

    /** The whole usage, for {@code --help}. */
    static String usage(boolean compress) {
        String options = compress ? """
                  -c, --codec CODEC        lz4, zstd, gzip, lz4+shuffle, zstd+shuffle
                  -l, --level LEVEL        lz4 1 to 12 (default 1), zstd -7 to 22 (3), gzip 1 to 9 (6)
                  -e, --element-size N     bytes per element for the shuffle codecs, 1 to 255 (8)
                  -D, --dictionary DICT    a zstd dictionary ('arsenal train', 'zstd --train')
                  --no-check               no content checksum in the frame
                  --no-content-size        no content size in the frame (recorded for files and
                                           inputs under 64 KiB)
                  --provider ID            this provider only ('arsenal info' lists them)
                  -f, --force              replace an existing OUT; write to a terminal
                """ : """
                  -c, --codec CODEC        lz4, zstd, gzip, lz4+shuffle, zstd+shuffle
                  -D, --dictionary DICT    the dictionary the data was compressed with
                  --max-size BYTES         stop with exit status 4 past BYTES of output (K, M, G, T:
                                           powers of 1024; default: no limit)
                  --provider ID            this provider only ('arsenal info' lists them)
                  -f, --force              replace an existing OUT; read from a terminal
                """;
        String what = compress
                ? "Compresses IN (a file; none or '-': stdin) into one frame, written to OUT (none or '-': stdout)."
                : "Decompresses IN (a file; none or '-': stdin; concatenated frames too) to OUT (none or '-': stdout).";
        String gzip = compress ? "" : """

                After gzip data, zeros are ignored as gzip -d ignores them; other bytes that do not
                start a member are ignored with a warning (exit status 5; gzip's is 2).
                """;
        return synopsis(compress) + "\n\n" + what + "\n\n" + options + """

                OUT is written whole or not at all: a hidden temporary file beside it (.OUT.<hex>.tmp)
                is renamed over it once complete. An existing OUT is replaced only with -f, and keeps its
                permissions; a new one gets IN's. A symbolic link is followed, and the file it names is
                written. A device or a FIFO (/dev/null, a named pipe) is written in place.
                """ + gzip + """

                Exit status: 0 done; 1 IN or OUT failed (an OUT that exists, a full disk; nothing written
                to OUT); 2 usage; 4 malformed input, or more than --max-size; 5 done, with a warning.""";
    }

    int run(List<String> args) {
        Options o = Options.parse(args, compress);
        Codec codec = codec(o.codec());
        if (codec == Codec.LZ4_BLOCK) {
            throw new UsageException("lz4-block is a raw block format without a stream form (it records no"
                    + " size); use -c lz4, the frame format of the lz4 tool");
        }
        int level = o.level() == null ? codec.defaultLevel() : parseLevel(o.level(), codec);
        codec.checkLevel(level);
        if (!codec.isShuffle() && o.elementSizeGiven()) {
            throw new UsageException(
                    "--element-size is for the shuffle codecs (" + codec.id() + "+shuffle), not " + codec.id());
        }
        if (compress && o.output().equals("-") && terminals.stdout() && !o.force()) {
            throw new UsageException("compressed data not written to a terminal; redirect stdout, name OUT,"
                    + " or -f to write it there");
        }
        if (!compress && o.input().equals("-") && terminals.stdin() && !o.force()) {
            throw new UsageException(
                    "compressed data not read from a terminal; redirect stdin, name IN," + " or -f to read it there");
        }
        ArsenalRuntime runtime = o.provider() == null
                ? Arsenal.runtime()
                : Arsenal.create(Configuration.load().withForcedProvider(codec, o.provider(), "--provider"));
        Coder coder;
        if (compress) {
            Compressor compressor = runtime.compressor(codec, level, o.options());
            boolean recordSize = o.options().contentSize();
            coder = (in, source, sink) -> compress(compressor, recordSize, in, source, sink);
        } else {
            Decompressor decompressor = runtime.decompressor(codec, o.options());
            coder = (in, source, sink) -> decompress(decompressor, o.maxSize(), in, source, sink);
        }
        return transfer(coder, o);
    }

    /** Turns the bytes of one stream into those of another; returns the exit status. */
    private interface Coder {
        int run(CountingInputStream in, Source source, OutputStream sink) throws IOException;
    }

    /** The input: its name for messages ("" for stdin), its path, and its size if it is a regular file. */
    private record Source(String prefix, Path path, long regularSize) {}

    /** What a failure means for the output: "; nothing written to OUT", or that it is incomplete. */
    private interface Aftermath {
        String describe();
    }

    private int transfer(Coder coder, Options o) {
        String input = o.input();
        String output = o.output();
        boolean fromStdin = input.equals("-");
        boolean toStdout = output.equals("-");
        InputStream raw;
        Source source;
        if (fromStdin) {
            raw = new FilterInputStream(stdin) {
                @Override
                public void close() {
                    // stdin belongs to the caller
                }
            };
            source = new Source("", null, -1);
        } else {
            Path path = Path.of(input);
            if (Files.isDirectory(path)) {
                return fail(input + ": is a directory", Main.PARTIAL);
            }
            if (!compress && !o.force() && Terminals.isTerminalDevice(path)) {
                throw new UsageException(
                        "compressed data not read from a terminal (" + input + "); -f to read it there");
            }
            try {
                raw = Files.newInputStream(path);
                source = new Source(input + ": ", path, Files.isRegularFile(path) ? Files.size(path) : -1);
            } catch (IOException e) {
                return fail(IoErrors.describe(e, input), Main.PARTIAL);
            }
        }
        OutputFile file = null;
        if (!toStdout) {
            try {
                file = OutputFile.open(
                        output, o.force(), source.path(), note -> err.println("arsenal " + name + ": " + note));
            } catch (OutputFile.Refused e) {
                close(raw);
                return fail(e.getMessage(), Main.PARTIAL);
            } catch (IOException e) {
                close(raw);
                return fail("cannot write " + output + ": " + IoErrors.reason(e), Main.PARTIAL);
            }
            if (compress && file.isTerminal() && !o.force()) {
                close(raw);
                close(file);
                throw new UsageException(
                        "compressed data not written to a terminal (" + output + "); -f to write it there");
            }
        }
        Progress progress = terminals.stderr() ? new Progress(err, source.regularSize(), System::nanoTime) : null;
        String where = toStdout ? "stdout" : output;
        DeliveryCount delivered = new DeliveryCount(toStdout ? new StdoutStream(out) : new FileSink(file.stream()));
        boolean wholeOrNothing = file != null && file.isWholeOrNothing();
        Aftermath aftermath = () -> wholeOrNothing || delivered.count == 0
                ? "; nothing written to " + where
                : "; the output on " + where + " is incomplete";
        String prefix = source.prefix();
        try (CountingInputStream in = new CountingInputStream(raw, progress)) {
            int status;
            try (OutputStream buffered = new BufferedOutputStream(delivered, BUFFER)) {
                status = coder.run(in, source, buffered);
            }
            if (file != null) {
                try {
                    file.commit();
                } catch (OutputFile.Refused e) {
                    return fail(e.getMessage(), Main.PARTIAL);
                } catch (IOException e) {
                    throw new WriteException(e);
                }
            }
            return status;
        } catch (WriteException e) {
            if (toStdout && Stdout.readerGone(out)) {
                return Main.CLOSED_PIPE; // as SIGPIPE ends the C tools: nothing said
            }
            String reason = toStdout && e.getCause() instanceof StdoutFailed
                    ? Stdout.reason(out)
                    : IoErrors.describe(e.getCause(), null);
            return fail(where + ": " + reason + aftermath.describe(), Main.PARTIAL);
        } catch (SizeChanged e) {
            return fail(prefix.isEmpty() ? e.getMessage() : input + " " + e.getMessage(), Main.PARTIAL, aftermath);
        } catch (IOException | UncheckedIOException e) {
            Throwable cause = e.getCause();
            if (cause instanceof MalformedInputException m) {
                return fail(prefix + m.getMessage(), Main.BAD_INPUT, aftermath);
            }
            IOException io = e instanceof UncheckedIOException u ? u.getCause() : (IOException) e;
            return fail(prefix + IoErrors.describe(io, null), Main.PARTIAL, aftermath);
        } catch (MalformedInputException e) {
            return fail(prefix + e.getMessage(), Main.BAD_INPUT, aftermath);
        } catch (ArsenalException e) {
            return fail(prefix + e.getMessage(), Main.PARTIAL, aftermath);
        } finally {
            if (progress != null) {
                progress.clear();
            }
            if (file != null) {
                close(file);
            }
        }
    }

    /**
     * Compresses {@code in} into one frame on {@code sink}. The first 64 KiB are read before the
     * frame begins: an input that ends within them has its exact size, whatever the file system
     * said (files of {@code /proc} and {@code /sys} claim 0 or 4096 bytes); a longer regular file
     * has the size it had when opened, which the frame is then held to.
     */
    private static int compress(
            Compressor compressor, boolean recordSize, CountingInputStream in, Source source, OutputStream sink)
            throws IOException {
        byte[] first = in.readNBytes(BUFFER);
        long size = recordSize ? contentSize(first.length, source.regularSize()) : -1;
        try (OutputStream frame = size < 0 ? compressor.compressing(sink) : compressor.compressing(sink, size)) {
            frame.write(first);
            copy(in, frame);
        } catch (IOException e) {
            // The input grew past the size, or ended before it; any other failure is what it says.
            boolean changed = in.count() > size || (in.reachedEnd() && in.count() < size);
            if (size >= 0 && !(e instanceof WriteException) && changed) {
                throw new SizeChanged("changed size while it was read (" + size + " bytes when compression began, "
                        + in.count() + " read), so its frame would not hold the size it records; compress it from"
                        + " stdin (< FILE) to leave the size out");
            }
            throw e;
        }
        return Main.OK;
    }

    /**
     * The content size to record, or -1: the bytes read if the input ended within its first
     * {@value #BUFFER} ({@code firstRead} less than that), else the regular file's size when it was
     * opened ({@code regularSize}, -1 for other inputs) if that is no less than what was read (a
     * {@code /proc} file says 0 and holds megabytes: then none).
     */
    static long contentSize(int firstRead, long regularSize) {
        if (firstRead < BUFFER) {
            return firstRead;
        }
        return regularSize >= firstRead ? regularSize : -1;
    }

    /**
     * Decompresses {@code in} onto {@code sink}; gzip input followed by bytes that are not a member
     * is forgiven as {@code gzip -d} forgives it ({@link GzipTrailer}).
     */
    private int decompress(
            Decompressor decompressor, long maxSize, CountingInputStream in, Source source, OutputStream sink)
            throws IOException {
        if (decompressor.codec() != Codec.GZIP) {
            try (InputStream data = decompressor.decompressing(in, maxSize)) {
                copy(data, sink);
            }
            return Main.OK;
        }
        GzipTrailer.Tail tail = new GzipTrailer.Tail(in);
        try (InputStream data = decompressor.decompressing(tail, maxSize)) {
            copy(data, sink);
            return Main.OK;
        } catch (IOException e) {
            if (!(e.getCause() instanceof MalformedInputException m)) {
                throw e;
            }
            return switch (GzipTrailer.judge(m, tail)) {
                case ZEROS -> Main.OK;
                case GARBAGE -> {
                    err.println("arsenal " + name + ": " + source.prefix()
                            + "decompression OK, trailing garbage ignored (from offset " + m.offset() + ")");
                    yield Main.WARNING;
                }
                case NOT_TRAILING -> throw e;
            };
        }
    }

    private static void copy(InputStream in, OutputStream sink) throws IOException {
        byte[] buffer = new byte[BUFFER];
        for (int n; (n = in.read(buffer)) >= 0; ) {
            if (n == 0) {
                // A read of a non-empty buffer returns at least one byte or -1; a codec stream
                // that returns 0 would otherwise spin here for ever.
                throw new IOException("the " + (in.getClass().getName()) + " stream read 0 bytes (a bug)");
            }
            sink.write(buffer, 0, n);
        }
    }

    private int fail(String message, int status) {
        err.println("arsenal " + name + ": " + message);
        return status;
    }

    private int fail(String message, int status, Aftermath aftermath) {
        return fail(message + aftermath.describe(), status);
    }

    private void close(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception e) {
            err.println("arsenal " + name + ": " + e.getMessage());
        }
    }

    /** The codecs with a stream form: all but the raw block format. */
    private static String streamCodecs() {
        return String.join(
                ", ",
                Codec.ids().stream()
                        .filter(id -> !id.equals(Codec.LZ4_BLOCK.id()))
                        .toList());
    }

    private static Codec codec(String id) {
        try {
            return Codec.byId(id);
        } catch (UnknownAlgorithmException e) {
            throw new UsageException("unknown codec '" + id + "'; codecs: " + streamCodecs());
        }
    }

    private static int parseLevel(String text, Codec codec) {
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            throw new UsageException("bad level '" + text + "': " + codec.id() + " has levels " + codec.minLevel()
                    + " to " + codec.maxLevel());
        }
    }

    private static final Pattern SIZE = Pattern.compile("(\\d+)\\s*(?:([KMGT])(?:I?B)?|B)?", Pattern.CASE_INSENSITIVE);

    /** Parses a size in bytes: digits, optionally with K, M, G or T (powers of 1024; "KiB", "KB" too). */
    static long parseSize(String text) {
        Matcher m = SIZE.matcher(text.strip());
        if (m.matches()) {
            int shift = m.group(2) == null
                    ? 0
                    : 10 * ("KMGT".indexOf(Character.toUpperCase(m.group(2).charAt(0))) + 1);
            try {
                long value = Long.parseLong(m.group(1));
                if (value <= Long.MAX_VALUE >> shift) {
                    return value << shift;
                }
            } catch (NumberFormatException tooLong) {
                // as too large
            }
        }
        throw new UsageException(
                "bad size '" + text + "': expected bytes, optionally with K, M, G or T (powers of 1024)");
    }

    private record Options(
            String codec,
            String level,
            String provider,
            long maxSize,
            CompressionOptions options,
            boolean elementSizeGiven,
            boolean force,
            String input,
            String output) {
        static Options parse(List<String> args, boolean compress) {
            String codec = null;
            String level = null;
            String provider = null;
            long maxSize = Long.MAX_VALUE;
            CompressionOptions options = CompressionOptions.defaults();
            boolean elementSizeGiven = false;
            boolean force = false;
            List<String> files = new ArrayList<>();
            for (int i = 0; i < args.size(); i++) {
                String arg = args.get(i);
                switch (arg) {
                    case "-c", "--codec" -> codec = UsageException.value(args, ++i, arg);
                    case "-l", "--level" -> {
                        if (!compress) {
                            throw new UsageException("decompress takes no level; " + synopsis(false));
                        }
                        level = UsageException.value(args, ++i, arg);
                    }
                    case "--provider" -> provider = UsageException.value(args, ++i, arg);
                    case "-f", "--force" -> force = true;
                    case "-D", "--dictionary" ->
                        options = options.withDictionary(dictionary(UsageException.value(args, ++i, arg)));
                    case "-e", "--element-size" -> {
                        compressOnly(compress, arg);
                        options = options.withElementSize(elementSize(UsageException.value(args, ++i, arg)));
                        elementSizeGiven = true;
                    }
                    case "--no-check" -> {
                        compressOnly(compress, arg);
                        options = options.withChecksum(false);
                    }
                    case "--no-content-size" -> {
                        compressOnly(compress, arg);
                        options = options.withContentSize(false);
                    }
                    case "--max-size" -> {
                        if (compress) {
                            throw new UsageException("--max-size is for decompress; " + synopsis(true));
                        }
                        maxSize = parseSize(UsageException.value(args, ++i, arg));
                    }
                    case "--" -> {
                        files.addAll(args.subList(i + 1, args.size()));
                        i = args.size();
                    }
                    default -> {
                        if (arg.startsWith("-") && !arg.equals("-")) {
                            throw new UsageException("unknown option '" + arg + "'; " + synopsis(compress));
                        }
                        files.add(arg);
                    }
                }
            }
            if (codec == null) {
                throw new UsageException("missing -c CODEC; codecs: " + streamCodecs());
            }
            if (files.size() > 2) {
                throw new UsageException("one input and one output at most; " + synopsis(compress));
            }
            String input = files.isEmpty() ? "-" : files.get(0);
            String output = files.size() < 2 || OutputFile.namesStandardOutput(files.get(1)) ? "-" : files.get(1);
            return new Options(codec, level, provider, maxSize, options, elementSizeGiven, force, input, output);
        }

        private static void compressOnly(boolean compress, String option) {
            if (!compress) {
                throw new UsageException(
                        option + " is for compress (a frame says how it was written); " + synopsis(false));
            }
        }

        private static int elementSize(String text) {
            try {
                int size = Integer.parseInt(text.strip());
                CompressionOptions.defaults().withElementSize(size);
                return size;
            } catch (IllegalArgumentException e) {
                throw new UsageException("bad element size '" + text + "': 1 to " + CompressionOptions.MAX_ELEMENT_SIZE
                        + " bytes (8 for longs and doubles, 4 for ints and floats)");
            }
        }

        private static byte[] dictionary(String file) {
            try {
                byte[] dictionary = Files.readAllBytes(Path.of(file));
                if (dictionary.length == 0) {
                    throw new UsageException(file + ": the dictionary is empty");
                }
                return dictionary;
            } catch (IOException e) {
                throw new UsageException("cannot read the dictionary " + IoErrors.describe(e, file));
            }
        }
    }

    /** An {@link IOException} of the output, told apart from the input's (and the codec's). */
    private static final class WriteException extends IOException {
        private static final long serialVersionUID = 1L;

        WriteException(IOException cause) {
            super(cause.getMessage(), cause);
        }

        @Override
        public synchronized IOException getCause() {
            return (IOException) super.getCause();
        }
    }

    /** The input changed size while it was read, and the frame was begun with the first. */
    private static final class SizeChanged extends IOException {
        private static final long serialVersionUID = 1L;

        SizeChanged(String message) {
            super(message);
        }
    }

    /** Stdout failed; {@link Stdout#reason} says why. */
    private static final class StdoutFailed extends IOException {
        private static final long serialVersionUID = 1L;

        StdoutFailed() {
            super("write error");
        }
    }

    /** The output file; its failures become {@link WriteException}s. */
    private static final class FileSink extends FilterOutputStream {
        FileSink(OutputStream file) {
            super(file);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            try {
                out.write(b, off, len);
            } catch (IOException e) {
                throw new WriteException(e);
            }
        }

        @Override
        public void close() throws IOException {
            try {
                super.close();
            } catch (IOException e) {
                throw e instanceof WriteException ? e : new WriteException(e);
            }
        }
    }

    /** Counts the bytes that reached the output, to say whether a failure left any there. */
    private static final class DeliveryCount extends FilterOutputStream {
        private long count;

        DeliveryCount(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            count += len;
        }
    }

    /**
     * Stdout, which stays open. {@link PrintStream} keeps errors to itself; they are checked after
     * each write so that a closed pipe or a full disk stops the work at once.
     */
    private static final class StdoutStream extends OutputStream {
        private final PrintStream out;
        private boolean failed;

        StdoutStream(PrintStream out) {
            this.out = out;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            if (!failed) {
                out.write(b, off, len);
            }
            check();
        }

        @Override
        public void flush() throws IOException {
            check(); // checkError() flushes
        }

        @Override
        public void close() throws IOException {
            check();
        }

        /** Throws once stdout failed, and from then on without writing again. */
        private void check() throws IOException {
            if (failed || out.checkError()) {
                failed = true;
                throw new WriteException(new StdoutFailed());
            }
        }
    }

    /** Counts the bytes read, for the progress line and the content size. */
    private static final class CountingInputStream extends FilterInputStream {
        private final Progress progress;
        private long count;
        private boolean end;

        CountingInputStream(InputStream in, Progress progress) {
            super(in);
            this.progress = progress;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                advance(1);
            } else {
                end = true;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = in.read(b, off, len);
            if (n > 0) {
                advance(n);
            } else if (n < 0) {
                end = true;
            }
            return n;
        }

        /** Whether a read found the end of the input. */
        boolean reachedEnd() {
            return end;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = in.skip(n);
            advance(skipped);
            return skipped;
        }

        /** The bytes read so far. */
        long count() {
            return count;
        }

        private void advance(long n) {
            count += n;
            if (progress != null) {
                progress.update(count);
            }
        }
    }

    /**
     * One line on stderr, rewritten in place about four times a second: input bytes done, of how
     * many, and the speed. Shown only for inputs over {@link #PROGRESS_THRESHOLD} (or, when the size
     * is unknown, once that much has been read), and erased at the end.
     */
    static final class Progress {
        private static final long INTERVAL_NANOS = 250_000_000L;

        private final PrintStream err;
        private final long total;
        private final LongSupplier nanoClock;
        private final long start;
        private long next;
        private boolean shown;

        /**
         * A progress line for {@code total} bytes of input (-1 if unknown), timed by {@code
         * nanoClock}.
         */
        Progress(PrintStream err, long total, LongSupplier nanoClock) {
            this.err = err;
            this.total = total;
            this.nanoClock = nanoClock;
            this.start = nanoClock.getAsLong();
            this.next = start + INTERVAL_NANOS;
        }

        void update(long done) {
            long now = nanoClock.getAsLong();
            if (now - next < 0 || (total >= 0 ? total : done) <= PROGRESS_THRESHOLD) {
                return;
            }
            next = now + INTERVAL_NANOS;
            double rate = done / 1e6 / ((now - start) / 1e9);
            String line = total >= 0
                    ? String.format(
                            Locale.ROOT,
                            "%.1f / %.1f MB (%d%%), %.1f MB/s",
                            done / 1e6,
                            total / 1e6,
                            total == 0 ? 100 : Math.min(100, done * 100 / total),
                            rate)
                    : String.format(Locale.ROOT, "%.1f MB, %.1f MB/s", done / 1e6, rate);
            err.print("\r\033[K" + line);
            err.flush();
            shown = true;
        }

        /** Erases the line, if one was shown. */
        void clear() {
            if (shown) {
                err.print("\r\033[K");
                err.flush();
                shown = false;
            }
        }
    }
}
