package dev.arsenal.providers.java.compression;

import static dev.arsenal.providers.java.compression.ZstdFseTable.malformed;

import dev.arsenal.hashing.HashAlgorithm;
import dev.arsenal.hashing.Hasher64;
import dev.arsenal.providers.java.hashing.JavaHashingProvider;
import java.util.Arrays;

/**
 * Decodes a whole input of Zstandard frames (RFC 8878, 3) from one array into another: the
 * one-shot form. Frames follow each other, zstd and skippable ones in any order; each frame's
 * content follows the previous one's in the output, and its matches reach back into its own content
 * only (and the dictionary's).
 *
 * <pre>
 *  zstd frame                                                       skippable frame
 * +-------------+---------+---------+-- ... --+----------+          +--------------+---------+-------+
 * | header      | block 1 | block 2 |         | checksum |          | 0x184D2A5?   | size    | data  |
 * | (ZstdFrame- |         |         |         | XXH64 low|          | 4 bytes LE   | 4 B LE  |       |
 * |  Header)    |         |         |         | 4 B, opt.|          +--------------+---------+-------+
 * +-------------+---------+---------+-- ... --+----------+
 *  block header, 3 bytes LE: bit 0 last block, bits 1-2 type (raw, RLE, compressed, reserved),
 *  bits 3-23 size (raw, compressed: bytes that follow; RLE: bytes it decodes to, from 1 byte)
 * </pre>
 *
 * <p>Everything is checked before it is copied: the input's end, the caller's room (nothing is
 * written past it, not even the fast path's wide copies), the block maximum (the window, at most
 * 128 KiB), the content size of the header and the checksum. Errors are {@link
 * dev.arsenal.compression.MalformedInputException}s naming the offset in the input where the frame,
 * block or field that failed starts.
 */
final class ZstdFrameDecoder {
    /** XXH64 with seed 0: the content checksum is its low 32 bits. */
    static final Hasher64 XXH64 = new JavaHashingProvider().hasher64(HashAlgorithm.XXH64, 0);

    private final ZstdBlockDecoder blocks = new ZstdBlockDecoder();

    /**
     * Decodes {@code in[offset, offset + length)} into {@code out[outOffset, outOffset + room)}.
     * Keeps no reference to the arrays or the dictionary afterwards (the decoder waits idle for the
     * next call).
     *
     * @param dictionary the dictionary, or null
     * @return the decoded length
     */
    int decode(byte[] in, int offset, int length, byte[] out, int outOffset, int room, ZstdDictionary dictionary) {
        try {
            return decodeFrames(in, offset, length, out, outOffset, room, dictionary);
        } finally {
            blocks.release();
        }
    }

    private int decodeFrames(
            byte[] in, int offset, int length, byte[] out, int outOffset, int room, ZstdDictionary dictionary) {
        long origin = -(long) offset;
        if (length == 0) {
            throw malformed(0, "empty input: no zstd frame");
        }
        int ip = offset;
        int end = offset + length;
        int op = outOffset;
        int outEnd = outOffset + room;
        while (ip < end) {
            need(4, ip, end, origin, "a frame's magic number");
            int magic = ZstdDictionary.getInt(in, ip);
            if ((magic & ZstdFormat.SKIPPABLE_MASK) == ZstdFormat.SKIPPABLE_MAGIC) {
                need(8, ip, end, origin, "a skippable frame's header");
                long size = ZstdDictionary.getInt(in, ip + 4) & 0xFFFF_FFFFL;
                if (size > end - ip - 8) {
                    throw malformed(
                            origin + end,
                            "truncated input: the skippable frame at offset " + (origin + ip) + " needs "
                                    + (size - (end - ip - 8)) + " more bytes");
                }
                ip += 8 + (int) size;
                continue;
            }
            if (magic != ZstdFormat.MAGIC) {
                throw badMagic(magic, origin + ip, ip > offset);
            }
            need(ZstdFrameHeader.PREFIX, ip, end, origin, "a frame header");
            need(ZstdFrameHeader.sizeOf(in[ip + 4]), ip, end, origin, "the frame header");
            ZstdFrameHeader header = ZstdFrameHeader.parse(in, ip, origin + ip);
            header.checkDictionary(dictionary, origin + ip);
            if (header.contentSize() > outEnd - op) {
                throw malformed(origin + ip, "output exceeds the " + room + " bytes of room given");
            }
            long frameAt = origin + ip;
            ip += header.size();
            int frameStart = op;
            int blockMaximum = header.blockMaximum();
            blocks.startFrame((int) header.windowSize(), blockMaximum, dictionary);
            blocks.output(out, frameStart, -1, outEnd, room);
            boolean last;
            do {
                need(3, ip, end, origin, "a block header");
                int blockHeader = (in[ip] & 0xFF) | (in[ip + 1] & 0xFF) << 8 | (in[ip + 2] & 0xFF) << 16;
                long blockAt = origin + ip;
                last = (blockHeader & 1) != 0;
                int type = (blockHeader >>> 1) & 3;
                int size = blockHeader >>> 3;
                ip += 3;
                if (type == ZstdFormat.BLOCK_RESERVED) {
                    throw malformed(blockAt, "reserved block type");
                }
                if (size > blockMaximum) {
                    throw malformed(
                            blockAt,
                            "a block of " + size + " bytes exceeds the block maximum of " + blockMaximum
                                    + " bytes (the window, at most 128 KiB)");
                }
                if (type == ZstdFormat.BLOCK_RLE) {
                    need(1, ip, end, origin, "the RLE block");
                    if (size > outEnd - op) {
                        throw malformed(blockAt, "output exceeds the " + room + " bytes of room given");
                    }
                    Arrays.fill(out, op, op + size, in[ip]);
                    op += size;
                    ip += 1;
                } else {
                    if (size > end - ip) {
                        throw malformed(
                                origin + end,
                                "truncated input: the block at offset " + blockAt + " needs " + (size - (end - ip))
                                        + " more bytes");
                    }
                    if (type == ZstdFormat.BLOCK_RAW) {
                        if (size > outEnd - op) {
                            throw malformed(blockAt, "output exceeds the " + room + " bytes of room given");
                        }
                        System.arraycopy(in, ip, out, op, size);
                        op += size;
                    } else {
                        op = blocks.decode(in, ip, size, origin, op, op - frameStart);
                    }
                    ip += size;
                }
                if (header.contentSize() >= 0 && op - frameStart > header.contentSize()) {
                    throw malformed(
                            blockAt,
                            "the frame holds more than its content size of " + header.contentSize() + " bytes");
                }
            } while (!last);
            int produced = op - frameStart;
            if (header.contentSize() >= 0 && produced != header.contentSize()) {
                throw malformed(
                        origin + ip,
                        "the frame holds " + produced + " bytes, its header says " + header.contentSize()
                                + " (frame at offset " + frameAt + ")");
            }
            if (header.checksum()) {
                need(4, ip, end, origin, "the content checksum");
                int expected = ZstdDictionary.getInt(in, ip);
                int actual = (int) XXH64.hash(out, frameStart, produced);
                if (expected != actual) {
                    throw checksumMismatch(origin + ip, expected, actual);
                }
                ip += 4;
            }
        }
        return op - outOffset;
    }

    static RuntimeException badMagic(int magic, long at, boolean afterFrame) {
        if (magic == ZstdFormat.DICTIONARY_MAGIC) {
            return malformed(at, "a zstd dictionary (magic number 0xEC30A437), not a frame");
        }
        return malformed(
                at,
                String.format("bad magic number 0x%08X", magic)
                        + (afterFrame ? " after the last frame" : " (a zstd frame starts with 28 B5 2F FD)"));
    }

    static RuntimeException checksumMismatch(long at, int expected, int actual) {
        return malformed(
                at,
                String.format(
                        "checksum mismatch: the frame says 0x%08X, the content hashes to 0x%08X", expected, actual));
    }

    private static void need(int n, int ip, int end, long origin, String what) {
        if (n > end - ip) {
            throw malformed(origin + end, "truncated input: " + what + " needs " + (n - (end - ip)) + " more bytes");
        }
    }
}
