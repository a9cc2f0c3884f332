package dev.arsenal.launcher;

import dev.arsenal.compression.MalformedInputException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * What {@code gzip -d} forgives after the last member, for the command line only (the library's
 * decoders refuse every byte after a complete member that does not start another, with a {@link
 * MalformedInputException#isTrailingData trailing-data} exception whose offset is the first such
 * byte). Debian's gzip 1.12 does this:
 *
 * <ul>
 *   <li>zeros to the end (tape blocks, padding writers): decoded, nothing said, exit 0;
 *   <li>other bytes that do not start a member: decoded, "decompression OK, trailing garbage
 *       ignored", exit 2, its warning status;
 *   <li>the start of another member ({@code 1F 8B}, or another magic number gzip reads: {@code 1F
 *       9E}, {@code 1F 9D}, {@code 1F 1E}, {@code 1F A0}) that turns out damaged or cut short, and a
 *       single byte other than zero (half a magic number): an error, exit 1.
 * </ul>
 *
 * <p>{@code arsenal decompress} does the same, with {@link Main#WARNING} for the warning (its 2 is
 * a usage error). It trusts the offset of a trailing-data exception only: the decoder raises one
 * after a member it decoded whole and whose checksums it verified, so everything written is the
 * complete output; any other failure stands, whatever bytes follow it.
 */
final class GzipTrailer {
    /**
     * The input bytes kept before the current position: more than any decoder reads ahead of the
     * byte it reports (their chunks are 64 to 128 KiB).
     */
    static final int KEEP = 1 << 20;

    /** What the bytes after the decoder's offset are. */
    enum Verdict {
        /** Zeros to the end: ignored without a word. */
        ZEROS,
        /** Something else that is not a member: ignored, with a warning. */
        GARBAGE,
        /** Not trailing data after a complete member: the error stands. */
        NOT_TRAILING
    }

    private GzipTrailer() {}

    /**
     * Judges the failure {@code m} of a gzip decoder reading {@code in}; reads what is left of
     * {@code in} if the failure is trailing data.
     */
    static Verdict judge(MalformedInputException m, Tail in) throws IOException {
        long at = m.offset();
        if (!m.isTrailingData() || at < in.position() - KEEP || at > in.position()) {
            return Verdict.NOT_TRAILING;
        }
        // The decoder is done with the input: read on through the same stream, two bytes at least.
        byte[] more = new byte[1 << 16];
        while (in.position() < at + 2 && in.read(more, 0, (int) (at + 2 - in.position())) >= 0) {
            // until the two bytes that would be a member's magic number are here, or the input ends
        }
        if (at >= in.position()) {
            return Verdict.NOT_TRAILING; // no byte after it: the fault is another one
        }
        if (at + 1 == in.position() && in.byteAt(at) != 0) {
            return Verdict.NOT_TRAILING; // gzip reads two bytes of magic number: "unexpected end of file"
        }
        if (at + 1 < in.position() && in.byteAt(at) == 0x1F && isMagic(in.byteAt(at + 1))) {
            return Verdict.NOT_TRAILING; // another member (of a format gzip reads), found wrong
        }
        for (long p = at; p < in.position(); p++) {
            if (in.byteAt(p) != 0) {
                return Verdict.GARBAGE;
            }
        }
        for (int n; (n = in.read(more, 0, more.length)) >= 0; ) {
            for (int k = 0; k < n; k++) {
                if (more[k] != 0) {
                    return Verdict.GARBAGE;
                }
            }
        }
        return Verdict.ZEROS;
    }

    /**
     * Whether {@code 1F b} is a magic number gzip 1.12 decodes after a member: its own ({@code 8B},
     * and {@code 9E} of old versions), {@code compress}'s ({@code 9D}), {@code pack}'s ({@code 1E})
     * and LZH's ({@code A0}).
     */
    private static boolean isMagic(int b) {
        return b == 0x8B || b == 0x9E || b == 0x9D || b == 0x1E || b == 0xA0;
    }

    /** The compressed input, keeping its last {@link #KEEP} bytes with their offsets. */
    static final class Tail extends FilterInputStream {
        private final byte[] ring = new byte[KEEP];
        private long position;

        Tail(InputStream in) {
            super(in);
        }

        /** The offset of the next byte to be read. */
        long position() {
            return position;
        }

        /** The byte at {@code offset}, one of the last {@link #KEEP} read. */
        int byteAt(long offset) {
            return ring[(int) (offset % KEEP)] & 0xFF;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = in.read(b, off, len);
            if (n > 0) {
                keep(b, off, n);
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            byte[] b = new byte[(int) Math.min(n, 1 << 16)];
            int read = read(b, 0, b.length);
            return Math.max(read, 0);
        }

        /** Closes nothing: the bytes after the decoder's are read once it is closed; the input's owner closes it. */
        @Override
        public void close() {}

        private void keep(byte[] b, int off, int n) {
            int from = Math.max(0, n - KEEP); // a read longer than the ring keeps its end
            for (int i = from; i < n; ) {
                int at = (int) ((position + i) % KEEP);
                int run = Math.min(n - i, KEEP - at);
                System.arraycopy(b, off + i, ring, at, run);
                i += run;
            }
            position += n;
        }
    }
}
