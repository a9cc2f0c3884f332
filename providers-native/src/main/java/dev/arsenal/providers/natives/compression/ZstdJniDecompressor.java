package dev.arsenal.providers.natives.compression;

import com.github.luben.zstd.Zstd;
import com.github.luben.zstd.ZstdDecompressCtx;
import com.github.luben.zstd.ZstdDictDecompress;
import com.github.luben.zstd.ZstdException;
import com.github.luben.zstd.ZstdIOException;
import com.github.luben.zstd.ZstdInputStreamNoFinalizer;
import dev.arsenal.compression.Codec;
import dev.arsenal.compression.CompressionOptions;
import dev.arsenal.compression.MalformedInputException;
import dev.arsenal.spi.IdlePool;
import dev.arsenal.spi.compression.AbstractDecompressor;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.foreign.MemorySegment;
import java.lang.ref.Cleaner;
import java.lang.ref.Reference;
import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * Zstandard decoding through zstd-jni: any number of frames one after another, with or without
 * content size and checksum, and skippable frames (skipped). libzstd checks the checksum when
 * there is one and that a declared content size is the real one.
 *
 * <p>Output is bounded by the caller only. The array form walks the frames ({@code
 * ZSTD_findFrameCompressedSize}) and decodes each with {@code ZSTD_decompressDCtx} into the room
 * left, so an error names the offset of the frame it is in. The allocating form believes a frame's
 * declared size only up to the caller's limit: when every frame declares one and their sum is
 * within the limit, it allocates that sum and decodes in one pass (a frame that lied fails there);
 * otherwise it reads zstd-jni's stream, which stops at the limit.
 *
 * <p>Around libzstd, {@link ZstdFrameCheck} walks the frame and block headers of every input, so
 * that this provider refuses what java-compression refuses where libzstd's one-pass decoder or its
 * stream is lenient: the empty input, windows above 128 MiB, blocks above the block maximum, frames
 * whose content differs from their declared size.
 *
 * <p>libzstd's errors become {@link MalformedInputException}s with libzstd's name for the error in
 * the reason ({@link ZstdJniBindings#malformed}); the stream cannot tell the offset (it reads ahead),
 * so its errors say -1.
 *
 * <p>With a dictionary in its options, the dictionary is digested once, here ({@link
 * ZstdDictDecompress}, {@code ZSTD_createDDict}), and every context and stream references it ({@code
 * ZSTD_DCtx_refDDict}); a {@link Cleaner} closes it when this decompressor, which its streams
 * reference, becomes unreachable. A frame that names another dictionary, or one when this
 * decompressor has none, fails with libzstd's "Dictionary mismatch" and the dictionary IDs.
 */
final class ZstdJniDecompressor extends AbstractDecompressor {
    private static final Cleaner CLEANER = Cleaner.create();

    /** The digested dictionary, or null. */
    private final ZstdDictDecompress digested;
    /** The dictionary's ID ({@code ZDICT}'s header), 0 for raw content or none. */
    private final long dictionaryId;

    private final IdlePool<ZstdDecompressCtx> contexts;

    ZstdJniDecompressor() {
        this(CompressionOptions.defaults());
    }

    ZstdJniDecompressor(CompressionOptions options) {
        super(Codec.ZSTD);
        byte[] dictionary = options.dictionary().orElse(null);
        if (dictionary != null) {
            ZstdDictDecompress d;
            try {
                d = new ZstdDictDecompress(dictionary);
            } catch (ZstdException | IllegalStateException e) { // "ZSTD_createDDict failed"
                throw new IllegalArgumentException("libzstd refused the dictionary: " + e.getMessage(), e);
            }
            CLEANER.register(this, d::close);
            this.digested = d;
            this.dictionaryId = Zstd.getDictIdFromDict(dictionary);
        } else {
            this.digested = null;
            this.dictionaryId = 0;
        }
        ZstdDictDecompress dict = digested;
        this.contexts = IdlePool.closing(this, () -> context(dict), ZstdDecompressCtx::close);
    }

    /** A context with the dictionary; static, so that the pool's factory does not hold the decompressor. */
    private static ZstdDecompressCtx context(ZstdDictDecompress dict) {
        ZstdDecompressCtx ctx = new ZstdDecompressCtx();
        if (dict != null) {
            ctx.loadDict(dict);
        }
        return ctx;
    }

    /**
     * {@link ZstdJniBindings#malformed}, and for libzstd's "Dictionary mismatch" which dictionary the
     * frame at {@code frame} of {@code input} names, when the input is at hand ({@code input} may be
     * null).
     */
    private MalformedInputException malformed(ZstdException e, byte[] input, int frame, int end, long offset) {
        if (!ZstdJniBindings.isDictionaryWrong(e.getErrorCode())) {
            return ZstdJniBindings.malformed(e.getErrorCode(), e.getMessage(), offset, e);
        }
        long wanted = -1;
        if (input != null) {
            wanted = Zstd.getDictIdFromFrame(Arrays.copyOfRange(input, frame, Math.min(end, frame + 18)));
        }
        return ZstdJniBindings.dictionaryWrong(e.getMessage(), wanted, digested != null, dictionaryId, offset, e);
    }

    @Override
    protected int decompressArrays(
            byte[] input, int offset, int length, byte[] output, int outputOffset, int maxOutputLength) {
        if (length == 0) {
            throw empty();
        }
        ZstdFrameCheck check = new ZstdFrameCheck();
        check.feed(input, offset, length);
        checked(check);
        int end = offset + length;
        int written = 0;
        ZstdDecompressCtx ctx = contexts.take();
        boolean done = false;
        try {
            for (int frame = offset; frame < end; ) {
                int frameLength = frameLength(input, frame, end, offset);
                try {
                    written += ctx.decompressByteArray(
                            output, outputOffset + written, maxOutputLength - written, input, frame, frameLength);
                } catch (ZstdException e) {
                    if (ZstdJniBindings.isOutputTooSmall(e.getErrorCode())) {
                        throw tooLarge(frame - offset, maxOutputLength);
                    }
                    throw malformed(e, input, frame, end, frame - offset);
                }
                frame += frameLength;
            }
            done = true;
        } finally {
            contexts.give(ctx, done);
            Reference.reachabilityFence(this); // the cleaner must not free the digest mid-call
        }
        return written;
    }

    /** The length of the frame at {@code frame}, which must end by {@code end}; errors at offsets from {@code start}. */
    private static int frameLength(byte[] input, int frame, int end, int start) {
        long n;
        try {
            n = Zstd.findFrameCompressedSize(input, frame, end - frame);
        } catch (ZstdException e) {
            throw ZstdJniBindings.malformed(e.getErrorCode(), e.getMessage(), frame - start, e);
        }
        if (n <= 0 || n > end - frame) {
            throw new MalformedInputException(
                    Codec.ZSTD,
                    frame - start,
                    "zstd-jni says the frame is " + n + " bytes long with " + (end - frame) + " left");
        }
        return (int) n;
    }

    /**
     * One allocation of the declared size when every frame declares one within {@code maxLength};
     * else the stream, which stops at {@code maxLength}.
     */
    @Override
    public byte[] decompress(byte[] input, int maxLength) {
        if (maxLength < 0) {
            throw new IllegalArgumentException("maxLength must not be negative: " + maxLength);
        }
        long declared = declaredSize(input, maxLength);
        if (declared < 0) {
            return super.decompress(input, maxLength);
        }
        byte[] out = new byte[(int) declared];
        int n = decompressArrays(input, 0, input.length, out, 0, out.length);
        if (n != out.length) {
            throw new MalformedInputException(
                    Codec.ZSTD, -1, "the frames declare " + declared + " bytes and decode to " + n);
        }
        return out;
    }

    /** The sum of the frames' declared sizes, or -1 if a frame declares none or the sum exceeds {@code limit}. */
    private static long declaredSize(byte[] input, int limit) {
        long sum = 0;
        try {
            for (int frame = 0; frame < input.length; ) {
                long size = Zstd.getFrameContentSize(input, frame, input.length - frame);
                long length = Zstd.findFrameCompressedSize(input, frame, input.length - frame);
                if (size < 0 || length <= 0 || length > input.length - frame) {
                    return -1;
                }
                sum += size;
                if (sum > limit) {
                    return -1;
                }
                frame += (int) length;
            }
        } catch (ZstdException e) {
            return -1; // the array form or the stream says what is wrong, with the offset
        }
        return sum;
    }

    /** Direct buffers go to libzstd in place (all frames in one call, offset unknown on error). */
    @Override
    public void decompress(ByteBuffer input, ByteBuffer output) {
        if (!input.isDirect() || !output.isDirect() || output.isReadOnly()) {
            super.decompress(input, output);
            return;
        }
        int n = decompressDirect(
                input, input.position(), input.remaining(), output, output.position(), output.remaining());
        input.position(input.limit());
        output.position(output.position() + n);
    }

    /** Native segments go to libzstd in place; anything else through the array form. */
    @Override
    public long decompress(MemorySegment input, MemorySegment output) {
        if (!input.isNative()
                || !output.isNative()
                || output.isReadOnly()
                || input.byteSize() > Integer.MAX_VALUE
                || output.byteSize() > Integer.MAX_VALUE) {
            return super.decompress(input, output);
        }
        return decompressDirect(
                input.asByteBuffer(), 0, (int) input.byteSize(), output.asByteBuffer(), 0, (int) output.byteSize());
    }

    private int decompressDirect(
            ByteBuffer input, int offset, int length, ByteBuffer output, int outputOffset, int room) {
        if (length == 0) {
            throw empty();
        }
        ZstdFrameCheck check = new ZstdFrameCheck();
        byte[] piece = new byte[8192];
        ByteBuffer view = input.duplicate();
        view.position(offset);
        for (int left = length; left > 0; ) {
            int n = Math.min(left, piece.length);
            view.get(piece, 0, n);
            check.feed(piece, 0, n);
            left -= n;
        }
        checked(check);
        ZstdDecompressCtx ctx = contexts.take();
        boolean done = false;
        try {
            int n = ctx.decompressDirectByteBuffer(output, outputOffset, room, input, offset, length);
            done = true;
            return n;
        } catch (ZstdException e) {
            if (ZstdJniBindings.isOutputTooSmall(e.getErrorCode())) {
                throw tooLarge(-1, room);
            }
            throw malformed(e, null, 0, 0, -1);
        } finally {
            contexts.give(ctx, done);
            Reference.reachabilityFence(this);
        }
    }

    /**
     * Throws for what {@link ZstdFrameCheck} found in the input: what libzstd's one-pass decoder lets
     * through and java-compression and libzstd's streams refuse (a window above 128 MiB, a raw or RLE
     * block above the block maximum, a raw/RLE frame of another size than it declares).
     */
    private static void checked(ZstdFrameCheck check) {
        if (check.violationAt() >= 0) {
            throw new MalformedInputException(Codec.ZSTD, check.violationAt(), check.violation(), null);
        }
    }

    /**
     * The empty input: no frame, as libzstd's {@code ZSTD_decompress} and the {@code zstd} tool say,
     * though zstd-jni's calls and stream return nothing for it without complaint (a loop over no
     * frames).
     */
    private static MalformedInputException empty() {
        return new MalformedInputException(Codec.ZSTD, 0, "empty input: no zstd frame", null);
    }

    /**
     * zstd-jni's stream over {@code in}, its errors turned into {@link MalformedInputException}s, and
     * the empty input refused as the other forms refuse it.
     */
    @Override
    protected InputStream newStream(InputStream in) {
        try {
            Counting source = new Counting(in);
            ZstdInputStreamNoFinalizer stream = new ZstdInputStreamNoFinalizer(source);
            if (digested != null) {
                stream.setDict(digested);
            }
            return new Translating(stream, source, this);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("zstd-jni could not start a stream", e);
        }
    }

    /** Counts the bytes read from the compressed input, and walks their frame and block headers. */
    private static final class Counting extends FilterInputStream {
        private final ZstdFrameCheck check = new ZstdFrameCheck();
        private long count;

        Counting(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
                check.feed(new byte[] {(byte) b}, 0, 1);
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count += n;
                check.feed(b, off, n);
            }
            return n;
        }
    }

    /**
     * Rethrows zstd-jni's {@link ZstdIOException}s as {@link IOException}s whose cause is a {@link
     * MalformedInputException}; the underlying stream's own {@link IOException}s pass unchanged.
     */
    private static final class Translating extends FilterInputStream {
        /** Keeps the decompressor, and so its digested dictionary, reachable while the stream is. */
        private final ZstdJniDecompressor owner;

        /** The compressed input, counted: an end of stream before any byte is the empty input. */
        private final Counting source;

        /** The bytes this stream gave. */
        private long produced;

        /** Whether the end was reached and checked: later reads answer -1 without checking again. */
        private boolean checkedEnd;

        Translating(ZstdInputStreamNoFinalizer in, Counting source, ZstdJniDecompressor owner) {
            super(in);
            this.source = source;
            this.owner = owner;
        }

        @Override
        public int read() throws IOException {
            try {
                int b = super.read();
                checkEnd(b < 0 ? -1 : 1);
                return b;
            } catch (ZstdIOException e) {
                throw translate(e, owner);
            }
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            try {
                return checkEnd(super.read(b, off, len));
            } catch (ZstdIOException e) {
                throw translate(e, owner);
            }
        }

        /**
         * Counts what the stream gave; at its end, refuses the empty input, and frames whose content
         * differs from the size they declare, which libzstd's streaming decoder lets through when a
         * frame ends with an empty block ({@link ZstdFrameCheck}; zstd-jni's one-pass forms check it).
         */
        private int checkEnd(int n) throws IOException {
            if (n > 0) {
                produced += n;
            }
            if (source.check.violationAt() >= 0) {
                MalformedInputException m = new MalformedInputException(
                        Codec.ZSTD, source.check.violationAt(), source.check.violation(), null);
                throw new IOException(m.getMessage(), m);
            }
            if (n < 0 && !checkedEnd) {
                if (source.count == 0) {
                    throw new IOException(empty().getMessage(), empty());
                }
                long expected = source.check.expectedUpTo(source.count);
                if (expected >= 0 && expected != produced) {
                    MalformedInputException m = new MalformedInputException(
                            Codec.ZSTD,
                            source.count,
                            "the frames hold " + produced + " bytes, their headers say " + expected,
                            null);
                    throw new IOException(m.getMessage(), m);
                }
                checkedEnd = true;
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            try {
                return super.skip(n);
            } catch (ZstdIOException e) {
                throw translate(e, owner);
            }
        }

        private static IOException translate(ZstdIOException e, ZstdJniDecompressor owner) {
            MalformedInputException m = "Truncated source".equals(e.getMessage())
                    ? new MalformedInputException(
                            Codec.ZSTD, -1, "truncated input: it ends inside a frame (zstd-jni: Truncated source)", e)
                    : ZstdJniBindings.isDictionaryWrong(e.getErrorCode())
                            ? ZstdJniBindings.dictionaryWrong(
                                    e.getMessage(), -1, owner.digested != null, owner.dictionaryId, -1, e)
                            : ZstdJniBindings.malformed(e.getErrorCode(), e.getMessage(), -1, e);
            return new IOException(m.getMessage(), m);
        }
    }
}
