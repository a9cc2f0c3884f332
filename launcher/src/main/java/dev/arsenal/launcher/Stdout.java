package dev.arsenal.launcher;

import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.util.Locale;

/**
 * The process's standard output for a command: buffered (64 KiB), and keeping the first error of
 * the file descriptor, which {@link PrintStream} swallows, so that the command can say what went
 * wrong ("No space left on device") and exit non-zero instead of 0 with nothing said.
 */
final class Stdout extends PrintStream {
    private final ErrorKeeper keeper;

    private Stdout(ErrorKeeper keeper, Charset charset) {
        super(new BufferedOutputStream(keeper, 1 << 16), false, charset);
        this.keeper = keeper;
    }

    /** File descriptor 1, in the encoding {@link System#out} uses. */
    static Stdout open() {
        String encoding = System.getProperty("stdout.encoding");
        Charset charset = encoding != null && Charset.isSupported(encoding)
                ? Charset.forName(encoding)
                : Charset.defaultCharset();
        return new Stdout(new ErrorKeeper(new FileOutputStream(FileDescriptor.out)), charset);
    }

    /** Why a write to {@code out} failed, for people ("No space left on device"); for any stream. */
    static String reason(PrintStream out) {
        IOException e = out instanceof Stdout s ? s.keeper.error : null;
        return e == null ? "write error" : IoErrors.reason(e);
    }

    /**
     * Whether writes to {@code out} failed because its reader went away (EPIPE: {@code arsenal
     * hash * | head -1}), which the C tools never report: SIGPIPE ends them silently.
     */
    static boolean readerGone(PrintStream out) {
        IOException e = out instanceof Stdout s ? s.keeper.error : null;
        return e != null
                && e.getMessage() != null
                && e.getMessage().toLowerCase(Locale.ROOT).contains("broken pipe");
    }

    /** Passes bytes on, remembering the first exception. */
    private static final class ErrorKeeper extends FilterOutputStream {
        private IOException error;

        ErrorKeeper(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            try {
                out.write(b, off, len);
            } catch (IOException e) {
                throw keep(e);
            }
        }

        @Override
        public void flush() throws IOException {
            try {
                out.flush();
            } catch (IOException e) {
                throw keep(e);
            }
        }

        private IOException keep(IOException e) {
            if (error == null) {
                error = e;
            }
            return e;
        }
    }
}
