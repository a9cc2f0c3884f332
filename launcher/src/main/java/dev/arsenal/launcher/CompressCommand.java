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
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.LongSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code arsenal compress -c CODEC [-l LEVEL] [-e ELEMENT_SIZE] [-D DICT] [--no-check]
 * [--no-content-size] [--provider ID] [IN [OUT]]} and {@code arsenal decompress -c CODEC [-D DICT]
 * [--provider ID] [--max-size BYTES] [IN [OUT]]}: one input (a file, or stdin
 * when absent or {@code -}) through the codec's stream form to one output (a file, or stdout), in
 * 64 KiB pieces, so that a file of any size takes constant memory.
 *
 * <p>An output file is written whole or not at all: the bytes go to a hidden temporary file beside
 * it, renamed over {@code OUT} only once the frame is complete. On failure the temporary file is
 * deleted, an existing {@code OUT} is left as it was, and the one-line message says that nothing was
 * written. Stdout cannot be taken back; the message then says the output is incomplete.
 *
 * <p>Exit status: {@link Main#OK}; {@link Main#PARTIAL} when the input or output failed (missing
 * file, disk full); {@link Main#BAD_INPUT} when the compressed input is malformed or decompresses
 * to more than {@code --max-size}; {@link Main#USAGE} for the command line and for a codec or level
 * that no provider serves.
 */
final class CompressCommand {
    /** Inputs larger than this get a progress line when stderr is a terminal. */
    static final long PROGRESS_THRESHOLD = 16L << 20;

    private static final int BUFFER = 1 << 16;

    private final boolean compress;
    private final String name;
    private final InputStream stdin;
    private final PrintStream out;
    private final PrintStream err;
    private final boolean terminal;

    /**
     * A command that compresses ({@code compress}) or decompresses from {@code stdin} or a file to
     * {@code out} or a file; messages go to {@code err}.
     */
    CompressCommand(boolean compress, InputStream stdin, PrintStream out, PrintStream err) {
        this.compress = compress;
        this.name = compress ? "compress" : "decompress";
        this.stdin = stdin;
        this.out = out;
        this.err = err;
        this.terminal = System.console() != null && System.console().isTerminal();
    }

    static String usage(boolean compress) {
        return compress
                ? "usage: arsenal compress -c CODEC [-l LEVEL] [-e ELEMENT_SIZE] [-D DICT] [--no-check]"
                        + " [--no-content-size] [--provider ID] [IN [OUT]]"
                : "usage: arsenal decompress -c CODEC [-D DICT] [--provider ID] [--max-size BYTES] [IN [OUT]]";
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
        ArsenalRuntime runtime = o.provider() == null
                ? Arsenal.runtime()
                : Arsenal.create(Configuration.load().withForcedProvider(codec, o.provider()));
        Filter filter;
        if (compress) {
            Compressor compressor = runtime.compressor(codec, level, o.options());
            filter = (in, sink) -> {
                try (OutputStream frame = compressor.compressing(sink)) {
                    copy(in, frame);
                }
            };
        } else {
            Decompressor decompressor = runtime.decompressor(codec, o.options());
            long maxSize = o.maxSize();
            filter = (in, sink) -> {
                try (InputStream data = decompressor.decompressing(in, maxSize)) {
                    copy(data, sink);
                }
            };
        }
        return transfer(filter, o.input(), o.output());
    }

    /** Turns the bytes of one stream into those of another; closes neither's underlying file. */
    private interface Filter {
        void run(InputStream in, OutputStream sink) throws IOException;
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

    private int transfer(Filter filter, String input, String output) {
        boolean fromStdin = input.equals("-");
        boolean toStdout = output.equals("-");
        String source = fromStdin ? "" : input + ": ";
        Path target = toStdout ? null : Path.of(output);
        if (target != null && Files.isDirectory(target)) {
            return fail(output + ": is a directory", Main.PARTIAL);
        }
        InputStream raw;
        long total = -1;
        if (fromStdin) {
            raw = new FilterInputStream(stdin) {
                @Override
                public void close() {
                    // stdin belongs to the caller
                }
            };
        } else {
            Path path = Path.of(input);
            if (Files.isDirectory(path)) {
                return fail(input + ": is a directory", Main.PARTIAL);
            }
            try {
                raw = Files.newInputStream(path);
                total = Files.isRegularFile(path) ? Files.size(path) : -1;
            } catch (IOException e) {
                return fail(describe(e, input), Main.PARTIAL);
            }
        }
        Progress progress = terminal ? new Progress(err, total, System::nanoTime) : null;
        Path temp = null;
        Thread cleanup = null;
        String notWritten = toStdout ? "; the output on stdout is incomplete" : "; nothing written to " + output;
        try (InputStream in = new CountingInputStream(raw, progress)) {
            OutputStream sink;
            if (toStdout) {
                sink = new StdoutStream(out);
            } else {
                try {
                    temp = createTemporary(target);
                    cleanup = deleteOnExit(temp);
                    sink = new FileSink(Files.newOutputStream(temp));
                } catch (IOException e) {
                    return fail("cannot write " + output + ": " + reason(e), Main.PARTIAL);
                }
            }
            try (OutputStream buffered = new BufferedOutputStream(sink, BUFFER)) {
                filter.run(in, buffered);
            }
            if (temp != null) {
                try {
                    moveOver(temp, target);
                } catch (IOException e) {
                    throw new WriteException(e);
                }
                temp = null;
            }
            return Main.OK;
        } catch (WriteException e) {
            String where = toStdout ? "stdout" : output;
            return fail(where + ": " + describe(e.getCause(), null) + notWritten, Main.PARTIAL);
        } catch (IOException | UncheckedIOException e) {
            Throwable cause = e.getCause();
            if (cause instanceof MalformedInputException m) {
                return fail(source + m.getMessage() + notWritten, Main.BAD_INPUT);
            }
            IOException io = e instanceof UncheckedIOException u ? u.getCause() : (IOException) e;
            return fail(source + describe(io, null) + notWritten, Main.PARTIAL);
        } catch (MalformedInputException e) {
            return fail(source + e.getMessage() + notWritten, Main.BAD_INPUT);
        } catch (ArsenalException e) {
            return fail(source + e.getMessage() + notWritten, Main.PARTIAL);
        } finally {
            if (progress != null) {
                progress.clear();
            }
            if (cleanup != null) {
                try {
                    Runtime.getRuntime().removeShutdownHook(cleanup);
                } catch (IllegalStateException shuttingDown) {
                    // the hook runs (or ran) and deletes the file
                }
            }
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException e) {
                    err.println("arsenal " + name + ": cannot delete the temporary file " + temp + ": "
                            + describe(e, null));
                }
            }
        }
    }

    private int fail(String message, int status) {
        err.println("arsenal " + name + ": " + message);
        return status;
    }

    /**
     * A new empty file beside {@code target}, hidden and named after it. Made with the default
     * permissions (unlike {@link Files#createTempFile}, which makes it private), which the output
     * keeps once renamed.
     */
    private static Path createTemporary(Path target) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        for (int attempt = 0; ; attempt++) {
            Path temp = dir.resolve("." + target.getFileName() + "."
                    + Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 16) + ".tmp");
            try {
                return Files.createFile(temp);
            } catch (FileAlreadyExistsException e) {
                if (attempt == 10) {
                    throw e;
                }
            }
        }
    }

    /**
     * Deletes {@code temp} if the JVM exits while it is being written (Ctrl-C), as gzip removes its
     * partial output; once renamed, there is nothing left to delete.
     */
    private static Thread deleteOnExit(Path temp) {
        Thread hook = new Thread(() -> {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException e) {
                // exiting: nowhere to say it
            }
        });
        Runtime.getRuntime().addShutdownHook(hook);
        return hook;
    }

    private static void moveOver(Path temp, Path target) throws IOException {
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /**
     * A message for people: the file ({@code file}, or the one the exception names) and the reason,
     * without exception class names.
     */
    static String describe(IOException e, String file) {
        String path = file != null ? file : e instanceof FileSystemException f ? f.getFile() : null;
        return path == null ? reason(e) : path + ": " + reason(e);
    }

    /** The reason alone: "no such file or directory", "No space left on device". */
    private static String reason(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "no such file or directory";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof FileSystemException f) {
            return f.getReason() != null ? f.getReason() : "failed";
        }
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
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
            String input,
            String output) {
        static Options parse(List<String> args, boolean compress) {
            String codec = null;
            String level = null;
            String provider = null;
            long maxSize = Long.MAX_VALUE;
            CompressionOptions options = CompressionOptions.defaults();
            boolean elementSizeGiven = false;
            List<String> files = new ArrayList<>();
            for (int i = 0; i < args.size(); i++) {
                String arg = args.get(i);
                switch (arg) {
                    case "-c", "--codec" -> codec = value(args, ++i, arg);
                    case "-l", "--level" -> {
                        if (!compress) {
                            throw new UsageException("decompress takes no level; " + usage(false));
                        }
                        level = value(args, ++i, arg);
                    }
                    case "--provider" -> provider = value(args, ++i, arg);
                    case "-D", "--dictionary" -> options = options.withDictionary(dictionary(value(args, ++i, arg)));
                    case "-e", "--element-size" -> {
                        compressOnly(compress, arg);
                        options = options.withElementSize(elementSize(value(args, ++i, arg)));
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
                            throw new UsageException("--max-size is for decompress; " + usage(true));
                        }
                        maxSize = parseSize(value(args, ++i, arg));
                    }
                    case "--" -> {
                        files.addAll(args.subList(i + 1, args.size()));
                        i = args.size();
                    }
                    default -> {
                        if (arg.startsWith("-") && !arg.equals("-")) {
                            throw new UsageException("unknown option '" + arg + "'; " + usage(compress));
                        }
                        files.add(arg);
                    }
                }
            }
            if (codec == null) {
                throw new UsageException("missing -c CODEC; codecs: " + streamCodecs());
            }
            if (files.size() > 2) {
                throw new UsageException("one input and one output at most; " + usage(compress));
            }
            String input = files.isEmpty() ? "-" : files.get(0);
            String output = files.size() < 2 ? "-" : files.get(1);
            return new Options(codec, level, provider, maxSize, options, elementSizeGiven, input, output);
        }

        private static void compressOnly(boolean compress, String option) {
            if (!compress) {
                throw new UsageException(
                        option + " is for compress (a frame says how it was written); " + usage(false));
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
                throw new UsageException("cannot read the dictionary " + describe(e, file));
            }
        }

        private static String value(List<String> args, int i, String option) {
            if (i >= args.size()) {
                throw new UsageException(option + " needs a value");
            }
            return args.get(i);
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

    /**
     * Stdout, which stays open. {@link PrintStream} keeps errors to itself; they are checked after
     * each write so that a closed pipe stops the work at once.
     */
    private static final class StdoutStream extends OutputStream {
        private final PrintStream out;

        StdoutStream(PrintStream out) {
            this.out = out;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
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

        private void check() throws IOException {
            if (out.checkError()) {
                throw new WriteException(new IOException("write error (a closed pipe or a full disk)"));
            }
        }
    }

    /** Counts the bytes read, for the progress line. */
    private static final class CountingInputStream extends FilterInputStream {
        private final Progress progress;
        private long count;

        CountingInputStream(InputStream in, Progress progress) {
            super(in);
            this.progress = progress;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                advance(1);
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = in.read(b, off, len);
            if (n > 0) {
                advance(n);
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = in.skip(n);
            advance(skipped);
            return skipped;
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
