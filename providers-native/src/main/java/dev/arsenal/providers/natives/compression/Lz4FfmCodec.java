package dev.arsenal.providers.natives.compression;

import static dev.arsenal.providers.natives.compression.Lz4FfmBindings.errorName;
import static dev.arsenal.providers.natives.compression.Lz4FfmBindings.isError;
import static dev.arsenal.providers.natives.ffm.NativeChunks.CHUNK;
import static dev.arsenal.providers.natives.ffm.NativeChunks.CLEANER;
import static dev.arsenal.providers.natives.ffm.NativeChunks.CRITICAL_INPUT;
import static dev.arsenal.providers.natives.ffm.NativeChunks.free;

import dev.arsenal.compression.Codec;
import dev.arsenal.compression.CompressionOptions;
import dev.arsenal.compression.MalformedInputException;
import dev.arsenal.providers.natives.compression.Lz4FfmBindings.Handles;
import dev.arsenal.providers.natives.ffm.NativeChunks;
import dev.arsenal.providers.natives.ffm.NativeLibrary;
import dev.arsenal.providers.natives.ffm.NativeOutputStream;
import dev.arsenal.spi.compression.AbstractCompressor;
import dev.arsenal.spi.compression.AbstractDecompressor;
import dev.arsenal.spi.compression.ChunkedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.lang.ref.Cleaner;

/**
 * LZ4 through the system's liblz4 ({@link Lz4FfmBindings}): frames ({@link Codec#LZ4}) with the
 * {@code LZ4F_*} functions, raw blocks ({@link Codec#LZ4_BLOCK}) with {@code LZ4_compress_fast},
 * {@code LZ4_compress_HC} and {@code LZ4_decompress_safe}.
 *
 * <p>Frames are written with 64 KiB independent blocks (as {@code java-compression}'s streams;
 * its one-shot frames take the smallest block size that holds the input, as the {@code lz4} tool),
 * a content checksum, the content size in the one-shot form (both can be turned off with {@link
 * CompressionOptions}). Reading is liblz4's: every block size,
 * linked blocks, block checksums, skippable frames, and concatenated frames, one after the other
 * (after a frame, {@code LZ4F_decompress} answers 0 and is ready for the next).
 *
 * <p>One-shot calls of up to 256 KiB of input pass the Java arrays in place (critical downcalls),
 * and so do blocks to decode of up to 4 MiB each way; larger ones go through native buffers (in
 * 128 KiB chunks for frames, {@link NativeChunks}). Contexts are
 * created per call or per stream and always freed: on {@code close()}, or by the cleaner for a
 * stream dropped unclosed.
 */
final class Lz4FfmCodec {
    private Lz4FfmCodec() {}

    /** A context made by {@code LZ4F_create*Context(&ctx, LZ4F_VERSION)}. */
    private static MemorySegment create(Handles h, MethodHandle create, String what) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment slot = arena.allocate(ValueLayout.ADDRESS);
            long r = (long) create.invokeExact(slot, Lz4FfmBindings.LZ4F_VERSION);
            MemorySegment ctx = slot.get(ValueLayout.ADDRESS, 0);
            if (isError(h, r) || ctx.equals(MemorySegment.NULL)) {
                throw new OutOfMemoryError("liblz4 could not create a " + what + " context: "
                        + (isError(h, r) ? errorName(h, r) : "NULL"));
            }
            return ctx;
        } catch (Throwable t) {
            throw NativeLibrary.rethrow(t);
        }
    }

    /** The frame compressor, with the content checksum and content size of its options. */
    static final class FrameCompressor extends AbstractCompressor {
        private final Handles h;
        private final boolean checksum;
        private final boolean recordSize;

        FrameCompressor(Handles h, int level, CompressionOptions options) {
            super(Codec.LZ4, level);
            this.h = h;
            this.checksum = options.checksum();
            this.recordSize = options.contentSize();
        }

        private MemorySegment preferences(Arena arena, long contentSize) {
            return Lz4FfmBindings.preferences(arena, level(), recordSize ? contentSize : 0, checksum);
        }

        @Override
        public long maxCompressedLength(long inputLength) {
            if (inputLength < 0) {
                throw new IllegalArgumentException("negative input length " + inputLength);
            }
            try (Arena arena = Arena.ofConfined()) {
                MemorySegment prefs = preferences(arena, inputLength);
                return (long) h.compressFrameBound().invokeExact(inputLength, prefs);
            } catch (Throwable t) {
                throw NativeLibrary.rethrow(t);
            }
        }

        @Override
        protected int compressArrays(byte[] in, int off, int len, byte[] out, int outOff, int max) {
            if (len > CRITICAL_INPUT) {
                // Large: a stream over native chunks, with the content size in the header.
                NativeChunks.ArraySink sink = new NativeChunks.ArraySink(out, outOff, max);
                try (OutputStream s = new CompressingStream(h, level(), recordSize ? len : 0, checksum, sink)) {
                    s.write(in, off, len);
                } catch (NativeChunks.Overflow e) {
                    throw outputTooSmall(len, max);
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
                return sink.written();
            }
            // LZ4F_compressFrame wants room for its bound; a smaller range gets a copy.
            long bound = maxCompressedLength(len);
            byte[] target = max >= bound ? out : new byte[(int) bound];
            int at = max >= bound ? outOff : 0;
            long r;
            try (Arena arena = Arena.ofConfined()) {
                MemorySegment prefs = preferences(arena, len);
                r = (long) h.compressFrameHeap()
                        .invokeExact(
                                MemorySegment.ofArray(target).asSlice(at),
                                (long) (target == out ? max : bound),
                                MemorySegment.ofArray(in).asSlice(off, len),
                                (long) len,
                                prefs);
            } catch (Throwable t) {
                throw NativeLibrary.rethrow(t);
            }
            if (isError(h, r)) {
                throw new IllegalStateException("liblz4: " + errorName(h, r));
            }
            if (target != out) {
                if (r > max) {
                    throw outputTooSmall(len, max);
                }
                System.arraycopy(target, 0, out, outOff, (int) r);
            }
            return (int) r;
        }

        @Override
        protected OutputStream newStream(OutputStream out) {
            return new CompressingStream(h, level(), 0, checksum, out);
        }

        /**
         * A frame with the content size in its header unless the options said no; liblz4 checks the
         * count at the end. A size of 0 is liblz4's "unknown": an empty frame records none, as the
         * {@code lz4} tool writes it.
         */
        @Override
        protected OutputStream newStream(OutputStream out, long contentSize) {
            return new CompressingStream(h, level(), recordSize ? contentSize : 0, checksum, out);
        }
    }

    /**
     * The block compressor: level 1 is {@code LZ4_compress_fast} (acceleration 1), 2 to 12 {@code
     * LZ4_compress_HC} at that level, as {@code lz4java-compression}, so that a level means the
     * same code whichever native provider serves lz4-block.
     */
    static final class BlockCompressor extends AbstractCompressor {
        private final Handles h;

        BlockCompressor(Handles h, int level) {
            super(Codec.LZ4_BLOCK, level);
            this.h = h;
        }

        @Override
        public long maxCompressedLength(long inputLength) {
            return Lz4JniBlock.maxCompressedLength(inputLength); // LZ4_COMPRESSBOUND, pure arithmetic
        }

        @Override
        protected int compressArrays(byte[] in, int off, int len, byte[] out, int outOff, int max) {
            if (len > Lz4FfmBindings.MAX_INPUT_SIZE) {
                throw new IllegalArgumentException(
                        "lz4-block: " + len + " bytes are more than LZ4's block limit of 0x7E000000");
            }
            boolean fast = level() == 1;
            int r;
            try {
                if (len <= CRITICAL_INPUT) {
                    MemorySegment src = MemorySegment.ofArray(in).asSlice(off, len);
                    MemorySegment dst = MemorySegment.ofArray(out).asSlice(outOff, max);
                    MethodHandle m = fast ? h.compressFastHeap() : h.compressHcHeap();
                    r = (int) m.invokeExact(src, dst, len, max, fast ? 1 : level());
                } else {
                    // One block cannot be cut into chunks: the whole input and room in native memory.
                    int room = (int) Math.min(max, maxCompressedLength(len));
                    try (Arena arena = Arena.ofConfined()) {
                        MemorySegment src = arena.allocate(len);
                        MemorySegment.copy(in, off, src, ValueLayout.JAVA_BYTE, 0, len);
                        MemorySegment dst = arena.allocate(room);
                        MethodHandle m = fast ? h.compressFast() : h.compressHc();
                        r = (int) m.invokeExact(src, dst, len, room, fast ? 1 : level());
                        if (r > 0) {
                            MemorySegment.copy(dst, ValueLayout.JAVA_BYTE, 0, out, outOff, r);
                        }
                    }
                }
            } catch (Throwable t) {
                throw NativeLibrary.rethrow(t);
            }
            if (r <= 0) {
                throw outputTooSmall(len, max); // 0: the block (at least one token byte) did not fit
            }
            return r;
        }

        @Override
        protected OutputStream newStream(OutputStream out) {
            throw new UnsupportedOperationException("lz4-block is a raw block format without streams; use lz4");
        }
    }

    /**
     * The block decompressor: only {@code LZ4_decompress_safe}, which never reads or writes outside
     * the ranges it is given. It answers a failure with {@code -(position in the input) - 1}, the
     * offset reported; it cannot tell a corrupted block from one that needs more room than given.
     */
    static final class BlockDecompressor extends AbstractDecompressor {
        private final Handles h;

        BlockDecompressor(Handles h) {
            super(Codec.LZ4_BLOCK);
            this.h = h;
        }

        @Override
        protected int decompressArrays(byte[] in, int off, int len, byte[] out, int outOff, int max) {
            if (len == 0) {
                throw malformed(0, "empty input (a block has at least one token byte)", null);
            }
            int r;
            try {
                // A block decodes at GB/s and its time follows the bytes it moves: in place up to the
                // output any critical call may fill, for the input too (a 1 MiB block's is ~0.5 MiB).
                if (len <= NativeChunks.CRITICAL_OUTPUT && max <= NativeChunks.CRITICAL_OUTPUT) {
                    r = (int) h.decompressSafeHeap()
                            .invokeExact(
                                    MemorySegment.ofArray(in).asSlice(off, len),
                                    MemorySegment.ofArray(out).asSlice(outOff, max),
                                    len,
                                    max);
                } else {
                    try (Arena arena = Arena.ofConfined()) {
                        MemorySegment src = arena.allocate(len);
                        MemorySegment.copy(in, off, src, ValueLayout.JAVA_BYTE, 0, len);
                        MemorySegment dst = arena.allocate(Math.max(1, max));
                        r = (int) h.decompressSafe().invokeExact(src, dst, len, max);
                        if (r > 0) {
                            MemorySegment.copy(dst, ValueLayout.JAVA_BYTE, 0, out, outOff, r);
                        }
                    }
                }
            } catch (Throwable t) {
                throw NativeLibrary.rethrow(t);
            }
            if (r < 0) {
                long at = -(long) r - 1;
                throw malformed(
                        at,
                        "malformed or truncated block, or more than the " + max + " bytes of room given"
                                + " (liblz4 does not tell which)",
                        null);
            }
            // liblz4 before 1.10 accepts a long match whose length leaves 5 input bytes (a token and
            // 4 literals), which 1.10 and later (lz4-java's 1.11) refuse: so that both lz4-block
            // providers agree, refuse it here. Such a block ends with a token of 4 literals; only
            // then is it walked (a few bytes per sequence), for 1 in 16 blocks of random content.
            if (len >= 6 && (in[off + len - 5] & 0xF0) == 0x40 && longMatchBeforeFourLiterals(in, off, len)) {
                throw malformed(
                        len - 5,
                        "LZ4 block: a match length leaves fewer than 6 bytes of the block (a token and the"
                                + " last literals)",
                        null);
            }
            return r;
        }

        /**
         * Whether the block {@code in[off, off + len)}, which liblz4 decoded, ends with a long match
         * (its length in extra bytes) followed by the last sequence's token and 4 literals.
         */
        static boolean longMatchBeforeFourLiterals(byte[] in, int off, int len) {
            int ip = off;
            int end = off + len;
            while (ip < end) {
                int token = in[ip++] & 0xFF;
                long literals = token >>> 4;
                if (literals == 15) {
                    int b;
                    do {
                        b = ip < end ? in[ip++] & 0xFF : 0;
                        literals += b;
                    } while (b == 255);
                }
                if (literals >= end - ip) {
                    return false; // the last sequence
                }
                ip += (int) literals + 2;
                if ((token & 15) == 15) {
                    int b;
                    do {
                        b = ip < end ? in[ip++] & 0xFF : 0;
                    } while (b == 255);
                    if (ip == end - 5) {
                        return true;
                    }
                }
            }
            return false;
        }

        @Override
        protected InputStream newStream(InputStream in) {
            throw new UnsupportedOperationException("lz4-block is a raw block format without streams; use lz4");
        }
    }

    /**
     * The legacy frame format's magic number ({@code lz4 -l}): 8 MiB blocks, each a 4-byte
     * little-endian size and an independent LZ4 block, no checksums, ending with the input or at a
     * "size" above {@link #LEGACY_MAX_BLOCK}, the next frame's magic number. liblz4's frame API does
     * not read it; the {@code lz4} tool decodes its blocks with {@code LZ4_decompress_safe} and 8 MiB
     * of room, and so does this provider, around the frame API.
     */
    static final int LEGACY_MAGIC = 0x184C2102;

    /** A legacy block's content: at most 8 MiB, decoded with that much room, as the tool does. */
    static final int LEGACY_BLOCK_SIZE = 8 << 20;

    /** The largest compressed legacy block, {@code LZ4_COMPRESSBOUND(8 MiB)}. */
    static final int LEGACY_MAX_BLOCK = LEGACY_BLOCK_SIZE + LEGACY_BLOCK_SIZE / 255 + 16;

    /**
     * Decodes the legacy block in {@code src} ({@code size} bytes) into {@code dst} (8 MiB) with
     * {@code LZ4_decompress_safe}: the decoded length, or a malformed input at {@code at}.
     */
    static int legacyBlock(
            Handles h, MemorySegment src, int size, MemorySegment dst, long at, FrameDecompressor owner) {
        int r;
        try {
            r = (int) h.decompressSafe().invokeExact(src, dst, size, LEGACY_BLOCK_SIZE);
        } catch (Throwable t) {
            throw NativeLibrary.rethrow(t);
        }
        if (r < 0) {
            throw owner.fail(at, "corrupted block of a legacy frame (lz4 -l)");
        }
        return r;
    }

    private static int le32(byte[] b, int at) {
        return (b[at] & 0xFF) | (b[at + 1] & 0xFF) << 8 | (b[at + 2] & 0xFF) << 16 | (b[at + 3] & 0xFF) << 24;
    }

    /** liblz4's frame error names, as reasons a reader understands. */
    static String reason(String name) {
        return switch (name) {
            case "frameType_unknown" ->
                "not an lz4 frame (unknown magic number; an lz4 frame starts with 0x184D2204, a legacy one"
                        + " (lz4 -l) with 0x184C2102)";
            case "contentChecksum_invalid" -> "content checksum mismatch: the data is corrupted";
            case "blockChecksum_invalid" -> "block checksum mismatch: the data is corrupted";
            case "headerChecksum_invalid" -> "header checksum mismatch";
            case "decompressionFailed" -> "corrupted block";
            case "frameSize_wrong" -> "the frame's content size does not match its data";
            case "maxBlockSize_invalid" -> "invalid block size in the frame descriptor";
            case "frameHeader_incomplete" -> "truncated frame header";
            default -> name;
        };
    }

    /**
     * The frame decompressor. One-shot calls decode with {@code LZ4F_decompress} until the input is
     * consumed at a frame boundary (its answer 0); any other end is an error: no progress with room
     * left is a truncated frame, no progress without room is output larger than the room given.
     */
    static final class FrameDecompressor extends AbstractDecompressor {
        private final Handles h;

        FrameDecompressor(Handles h) {
            super(Codec.LZ4);
            this.h = h;
        }

        /**
         * Into an array of the exact size when the first frame records its content size, which fits
         * the limit and the in-place sizes, and is the whole output; else through the stream, with
         * the limit.
         */
        @Override
        public byte[] decompress(byte[] input, int maxLength) {
            if (maxLength < 0) {
                throw new IllegalArgumentException("maxLength must not be negative: " + maxLength);
            }
            // magic (4), FLG with C.Size (bit 3), BD, the content size (8 bytes LE)
            if (input.length >= 15
                    && input.length <= CRITICAL_INPUT
                    && (input[0] & 0xFF) == 0x04
                    && (input[1] & 0xFF) == 0x22
                    && (input[2] & 0xFF) == 0x4D
                    && (input[3] & 0xFF) == 0x18
                    && (input[4] & 0x08) != 0) {
                long size = 0;
                for (int i = 0; i < 8; i++) {
                    size |= (input[6 + i] & 0xFFL) << (8 * i);
                }
                if (size >= 0 && size <= Math.min(maxLength, NativeChunks.CRITICAL_OUTPUT)) {
                    byte[] out = new byte[(int) size];
                    try {
                        if (decompressArrays(input, 0, input.length, out, 0, out.length) == out.length) {
                            return out;
                        }
                    } catch (MalformedInputException e) {
                        // more frames, or bad input: the stream says which, with the caller's limit
                    }
                }
            }
            return super.decompress(input, maxLength);
        }

        @Override
        protected int decompressArrays(byte[] in, int off, int len, byte[] out, int outOff, int max) {
            if (len == 0) {
                throw malformed(0, "empty input: no lz4 frame", null);
            }
            boolean inPlace = NativeChunks.inPlace(len, max);
            MemorySegment dctx = create(h, h.createDCtx(), "decompression");
            try (Arena arena = Arena.ofConfined()) {
                MemorySegment sizes = arena.allocate(ValueLayout.JAVA_LONG, 2); // dstSize, srcSize
                MemorySegment src = inPlace ? MemorySegment.ofArray(in) : arena.allocate(Math.min(len, CHUNK));
                MemorySegment dst = inPlace ? MemorySegment.ofArray(out) : arena.allocate(CHUNK);
                MethodHandle decompress = inPlace ? h.decompressHeap() : h.decompress();
                int fed = 0;
                int written = 0;
                long hint = -1; // no call yet
                MemorySegment legacyIn = null;
                MemorySegment legacyOut = null;
                while (true) {
                    if ((hint == 0 || hint == -1) && len - fed >= 4 && le32(in, off + fed) == LEGACY_MAGIC) {
                        // A legacy frame, which liblz4's frame API does not read: block by block here.
                        fed += 4;
                        hint = 0;
                        while (fed < len) {
                            if (len - fed < 4) {
                                throw malformed(len, "truncated input: a legacy block size needs more bytes", null);
                            }
                            int size = le32(in, off + fed);
                            if (Integer.compareUnsigned(size, LEGACY_MAX_BLOCK) > 0) {
                                break; // the next frame's magic number
                            }
                            if (size > len - fed - 4) {
                                throw malformed(len, "truncated input: a legacy block of " + size + " bytes", null);
                            }
                            if (legacyIn == null) {
                                legacyIn = arena.allocate(LEGACY_MAX_BLOCK);
                                legacyOut = arena.allocate(LEGACY_BLOCK_SIZE);
                            }
                            MemorySegment.copy(in, off + fed + 4, legacyIn, ValueLayout.JAVA_BYTE, 0, size);
                            int n = legacyBlock(h, legacyIn, size, legacyOut, fed, this);
                            if (n > max - written) {
                                throw tooLarge(fed, max);
                            }
                            MemorySegment.copy(legacyOut, ValueLayout.JAVA_BYTE, 0, out, outOff + written, n);
                            written += n;
                            fed += 4 + size;
                        }
                        if (fed == len) {
                            return written;
                        }
                        continue;
                    }
                    MemorySegment s;
                    MemorySegment d;
                    int srcLen;
                    int dstLen;
                    if (inPlace) {
                        srcLen = len - fed;
                        dstLen = max - written;
                        s = src.asSlice(off + fed, srcLen);
                        d = dst.asSlice(outOff + written, dstLen);
                    } else {
                        srcLen = Math.min(len - fed, CHUNK);
                        dstLen = Math.min(max - written, CHUNK);
                        MemorySegment.copy(in, off + fed, src, ValueLayout.JAVA_BYTE, 0, srcLen);
                        s = src;
                        d = dst;
                    }
                    sizes.setAtIndex(ValueLayout.JAVA_LONG, 0, dstLen);
                    sizes.setAtIndex(ValueLayout.JAVA_LONG, 1, srcLen);
                    hint = (long) decompress.invokeExact(dctx, d, sizes, s, sizes.asSlice(8), MemorySegment.NULL);
                    if (isError(h, hint)) {
                        throw malformed(fed, reason(errorName(h, hint)), null);
                    }
                    int produced = (int) sizes.getAtIndex(ValueLayout.JAVA_LONG, 0);
                    int consumed = (int) sizes.getAtIndex(ValueLayout.JAVA_LONG, 1);
                    if (produced < 0 || produced > dstLen || consumed < 0 || consumed > srcLen) {
                        throw new IllegalStateException("liblz4 reported " + produced + " of " + dstLen
                                + " bytes written, " + consumed + " of " + srcLen + " read");
                    }
                    if (!inPlace && produced > 0) {
                        MemorySegment.copy(dst, ValueLayout.JAVA_BYTE, 0, out, outOff + written, produced);
                    }
                    fed += consumed;
                    written += produced;
                    if (fed == len && hint == 0) {
                        return written; // every frame complete and flushed
                    }
                    if (produced == 0 && consumed == 0) {
                        if (written == max) {
                            throw tooLarge(fed, max);
                        }
                        throw malformed(len, "truncated input: the frame needs more bytes", null);
                    }
                }
            } catch (MalformedInputException e) {
                throw e;
            } catch (Throwable t) {
                throw NativeLibrary.rethrow(t);
            } finally {
                free(h.freeDCtx(), dctx);
            }
        }

        @Override
        protected InputStream newStream(InputStream in) {
            return new DecompressingStream(h, in, this);
        }

        MalformedInputException fail(long offset, String reason) {
            return malformed(offset, reason, null);
        }
    }

    /** One frame: the header on the first write (or on close), blocks as they fill, the end on close. */
    private static final class CompressingStream extends NativeOutputStream {
        private final Handles h;
        private final MemorySegment cctx;
        private final MemorySegment prefs;
        private final MemorySegment src;
        private final MemorySegment dst;
        private final long room;
        private final Cleaner.Cleanable cleanable;
        private boolean begun;

        /** {@code contentSize} 0: unknown, not written. */
        CompressingStream(Handles h, int level, long contentSize, boolean checksum, OutputStream out) {
            super("lz4", out);
            this.h = h;
            Arena arena = Arena.ofShared();
            MemorySegment ctx;
            try {
                ctx = create(h, h.createCCtx(), "compression");
            } catch (RuntimeException | Error e) {
                arena.close();
                throw e;
            }
            this.cctx = ctx;
            this.cleanable = CLEANER.register(this, new NativeChunks.Release(h.freeCCtx(), cctx, arena));
            this.prefs = Lz4FfmBindings.preferences(arena, level, contentSize, checksum);
            try {
                // Room for one update of CHUNK bytes, which also covers the header and the end.
                this.room = Math.max((long) h.compressBound().invokeExact((long) CHUNK, prefs), 64L);
            } catch (Throwable t) {
                cleanable.clean();
                throw NativeLibrary.rethrow(t);
            }
            this.src = arena.allocate(CHUNK);
            this.dst = arena.allocate(room);
        }

        @Override
        protected void writeChunk(byte[] b, int off, int len) throws IOException {
            begin();
            MemorySegment.copy(b, off, src, ValueLayout.JAVA_BYTE, 0, len);
            long r;
            try {
                r = (long) h.compressUpdate().invokeExact(cctx, dst, room, src, (long) len, MemorySegment.NULL);
            } catch (Throwable t) {
                throw NativeLibrary.rethrow(t);
            }
            emit(r);
        }

        private void begin() throws IOException {
            if (!begun) {
                begun = true;
                long r;
                try {
                    r = (long) h.compressBegin().invokeExact(cctx, dst, room, prefs);
                } catch (Throwable t) {
                    throw NativeLibrary.rethrow(t);
                }
                emit(r);
            }
        }

        /** Writes the {@code r} bytes a call left in {@code dst}, or throws its error. */
        private void emit(long r) throws IOException {
            if (isError(h, r)) {
                throw new IOException("liblz4: " + errorName(h, r));
            }
            emit(dst, (int) r);
        }

        /** {@code LZ4F_flush}: the buffered input becomes a block. */
        @Override
        protected void flushLibrary() throws IOException {
            begin();
            long r;
            try {
                r = (long) h.flush().invokeExact(cctx, dst, room, MemorySegment.NULL);
            } catch (Throwable t) {
                throw NativeLibrary.rethrow(t);
            }
            emit(r);
        }

        @Override
        protected void finish() throws IOException {
            begin();
            long r;
            try {
                r = (long) h.compressEnd().invokeExact(cctx, dst, room, MemorySegment.NULL);
            } catch (Throwable t) {
                throw NativeLibrary.rethrow(t);
            }
            emit(r);
        }

        @Override
        protected void release() {
            cleanable.clean();
        }
    }

    /**
     * Frames read in 128 KiB chunks of input. The stream ends where the input ends; that must be
     * at a frame boundary ({@code LZ4F_decompress}'s answer 0), else it is truncated.
     */
    private static final class DecompressingStream extends ChunkedInputStream {
        private final Handles h;
        private final InputStream in;
        private final FrameDecompressor owner;
        private final MemorySegment dctx;
        private final MemorySegment src;
        private final MemorySegment dst;
        private final MemorySegment sizes;
        private final byte[] transfer = new byte[CHUNK];
        private final Cleaner.Cleanable cleanable;
        private long consumed; // compressed bytes before src[inPos]
        private int inPos; // unread input in src: [inPos, inSize)
        private int inSize;
        private long hint = -1; // liblz4's last answer; 0 at a frame boundary
        private int outPos; // decoded bytes in dst not yet read: [outPos, outLimit)
        private int outLimit;
        private boolean eof;
        private boolean any;
        private boolean closed;
        /** In a legacy frame ({@link #LEGACY_MAGIC}), which this stream decodes block by block. */
        private boolean legacy;

        private final Arena arena;
        private MemorySegment legacyIn; // allocated at the first legacy frame
        private MemorySegment legacyOut;
        private MemorySegment serving; // what serve() copies from: dst, or legacyOut

        DecompressingStream(Handles h, InputStream in, FrameDecompressor owner) {
            this.h = h;
            this.in = in;
            this.owner = owner;
            Arena arena = Arena.ofShared();
            this.arena = arena;
            MemorySegment ctx;
            try {
                ctx = create(h, h.createDCtx(), "decompression");
            } catch (RuntimeException | Error e) {
                arena.close();
                throw e;
            }
            this.dctx = ctx;
            this.cleanable = CLEANER.register(this, new NativeChunks.Release(h.freeDCtx(), dctx, arena));
            this.src = arena.allocate(CHUNK);
            this.dst = arena.allocate(CHUNK);
            this.sizes = arena.allocate(ValueLayout.JAVA_LONG, 2);
            this.serving = dst;
        }

        /**
         * Makes at least {@code n} (at most 4) input bytes available from {@code src[inPos]}, moving
         * what is left to the front and reading more; fewer only at the end of the input.
         */
        private int available(int n) throws IOException {
            while (inSize - inPos < n && !eof) {
                int left = inSize - inPos;
                MemorySegment.copy(src, inPos, src, 0, left);
                consumed += inPos;
                inPos = 0;
                int r = in.readNBytes(transfer, 0, CHUNK - left);
                if (r == 0) {
                    eof = true;
                    if (!any) {
                        throw new IOException(owner.fail(0, "empty input: no lz4 frame"));
                    }
                } else {
                    any = true;
                    MemorySegment.copy(transfer, 0, src, ValueLayout.JAVA_BYTE, left, r);
                }
                inSize = left + r;
            }
            return inSize - inPos;
        }

        private int peekLE32() {
            return src.get(ValueLayout.JAVA_INT_UNALIGNED.withOrder(java.nio.ByteOrder.LITTLE_ENDIAN), inPos);
        }

        /**
         * The next block of a legacy frame into {@code legacyOut}: its length, or -1 when the frame
         * ended (the end of the input, or the next frame's magic number, left unread).
         */
        private int legacyBlock() throws IOException {
            int have = available(4);
            if (have == 0) {
                legacy = false;
                return -1;
            }
            long at = consumed + inPos;
            if (have < 4) {
                throw new IOException(
                        owner.fail(consumed + inSize, "truncated input: a legacy block size needs more bytes"));
            }
            int size = peekLE32();
            if (Integer.compareUnsigned(size, LEGACY_MAX_BLOCK) > 0) {
                legacy = false; // the next frame's magic number
                return -1;
            }
            inPos += 4;
            if (legacyIn == null) {
                legacyIn = arena.allocate(LEGACY_MAX_BLOCK);
                legacyOut = arena.allocate(LEGACY_BLOCK_SIZE);
            }
            for (int copied = 0; copied < size; ) {
                if (inPos == inSize && available(1) == 0) {
                    throw new IOException(
                            owner.fail(consumed + inSize, "truncated input: a legacy block of " + size + " bytes"));
                }
                int k = Math.min(size - copied, inSize - inPos);
                MemorySegment.copy(src, inPos, legacyIn, copied, k);
                inPos += k;
                copied += k;
            }
            try {
                return Lz4FfmCodec.legacyBlock(h, legacyIn, size, legacyOut, at, owner);
            } catch (MalformedInputException e) {
                throw new IOException(e);
            }
        }

        @Override
        protected int readChunk(byte[] b, int off, int len) throws IOException {
            if (closed) {
                throw new IOException("stream closed");
            }
            if (outPos < outLimit) {
                return serve(b, off, len);
            }
            while (true) {
                if (legacy || hint == 0 || hint == -1) {
                    // At a frame boundary: a legacy frame is decoded here, liblz4's frame API cannot.
                    if (!legacy && available(4) >= 4 && peekLE32() == LEGACY_MAGIC) {
                        inPos += 4;
                        legacy = true;
                        hint = 0;
                    }
                    if (legacy) {
                        int n = legacyBlock();
                        if (n > 0) {
                            serving = legacyOut;
                            outPos = 0;
                            outLimit = n;
                            return serve(b, off, len);
                        }
                        continue; // an empty block, or the frame ended
                    }
                    serving = dst;
                }
                if (inPos == inSize && !eof) {
                    consumed += inSize;
                    int n = in.readNBytes(transfer, 0, CHUNK);
                    inPos = 0;
                    inSize = n;
                    if (n == 0) {
                        eof = true;
                        if (!any) {
                            throw new IOException(owner.fail(0, "empty input: no lz4 frame"));
                        }
                    } else {
                        any = true;
                        MemorySegment.copy(transfer, 0, src, ValueLayout.JAVA_BYTE, 0, n);
                    }
                }
                if (eof && hint == 0 && inPos == inSize) {
                    return -1; // every frame complete and flushed
                }
                sizes.setAtIndex(ValueLayout.JAVA_LONG, 0, CHUNK);
                sizes.setAtIndex(ValueLayout.JAVA_LONG, 1, inSize - inPos);
                try {
                    hint = (long) h.decompress()
                            .invokeExact(
                                    dctx,
                                    dst,
                                    sizes,
                                    src.asSlice(inPos, inSize - inPos),
                                    sizes.asSlice(8),
                                    MemorySegment.NULL);
                } catch (Throwable t) {
                    throw NativeLibrary.rethrow(t);
                }
                if (isError(h, hint)) {
                    throw new IOException(owner.fail(consumed + inPos, reason(errorName(h, hint))));
                }
                int produced = (int) sizes.getAtIndex(ValueLayout.JAVA_LONG, 0);
                int read = (int) sizes.getAtIndex(ValueLayout.JAVA_LONG, 1);
                if (produced < 0 || produced > CHUNK || read < 0 || read > inSize - inPos) {
                    throw new IllegalStateException("liblz4 reported " + produced + " bytes written, " + read + " of "
                            + (inSize - inPos) + " read");
                }
                inPos += read;
                if (produced > 0) {
                    outPos = 0;
                    outLimit = produced;
                    return serve(b, off, len);
                }
                if (read == 0 && (eof || inPos < inSize)) {
                    if (eof && hint == 0 && inPos == inSize) {
                        return -1;
                    }
                    if (eof) {
                        throw new IOException(
                                owner.fail(consumed + inPos, "truncated input: the frame needs more bytes"));
                    }
                    // Input left, room given, nothing done: never seen; fail rather than spin.
                    throw new IllegalStateException("liblz4 made no progress at offset " + (consumed + inPos));
                }
            }
        }

        /** Copies decoded bytes not yet read into {@code b}. */
        private int serve(byte[] b, int off, int len) {
            int n = Math.min(len, outLimit - outPos);
            MemorySegment.copy(serving, ValueLayout.JAVA_BYTE, outPos, b, off, n);
            outPos += n;
            return n;
        }

        @Override
        public void close() throws IOException {
            if (!closed) {
                closed = true;
                cleanable.clean();
                in.close();
            }
        }
    }
}
