package dev.arsenal.providers.natives.compression;

import java.util.ArrayDeque;

/**
 * Checks in Java around libzstd, so that the native zstd providers give the verdict that
 * java-compression, the {@code zstd} tool's one-shot decoder and libzstd 1.5.7 give, where a
 * libzstd path is lenient. It walks the frame and block headers of the compressed input as it passes
 * (in pieces, for streams), never the blocks' content: a few bytes per block.
 *
 * <p>The leniencies caught, each a {@link #violation} at the frame or block it is in:
 *
 * <ul>
 *   <li>A compressed block whose sequences section declares no sequences and goes on (libzstd before
 *       1.5.5 ignores the extra bytes; zstd's golden file {@code zeroSeq_extraneous.zst}).
 *   <li>A window above 128 MiB (2^27, libzstd's default limit, which its streaming decoder applies and
 *       its one-pass decoder does not), or a block larger than the block maximum (the window, at most
 *       128 KiB: RFC 8878, 3.1.1.2.3), which libzstd's one-pass decoder accepts for raw and RLE
 *       blocks; java-compression refuses both in every form, and so do libzstd's streams when they do
 *       not take their one-pass shortcut, so every provider refuses them.
 *   <li>A frame whose content differs from the content size its header declares, which libzstd's
 *       streaming decoder lets through when the frame ends with an empty block (its one-pass decoder
 *       refuses it): found here for frames of raw and RLE blocks only, whose size the headers give;
 *       for the others {@link #expectedUpTo} gives the declared sizes of the frames that ended,
 *       which the caller compares with what libzstd produced for them.
 * </ul>
 *
 * <pre>
 *  frame:    magic (4) | descriptor (1) | window (0-1) | dict ID (0-4) | content size (0-8) | blocks | checksum (0-4)
 *  block:    header (3 LE: bit 0 last, 1-2 type, 3-23 size) | raw: size bytes, RLE: 1 byte, compressed: size bytes
 *  compressed block: literals section (header 1-5 bytes, then its content) | sequences section:
 *                    number of sequences (1-3 bytes; 0 ends the block) | tables and bitstream
 *  skippable frame:  0x184D2A5? (4) | size (4 LE) | size bytes
 * </pre>
 *
 * Whatever the walk cannot parse (a bad magic number, a reserved block type, a literals section
 * longer than its block) stops the walk without a verdict: libzstd judges those itself.
 */
final class ZstdFrameCheck {
    private static final int MAGIC = 0xFD2FB528;
    private static final int SKIPPABLE_MASK = 0xFFFFFFF0;
    private static final int SKIPPABLE = 0x184D2A50;

    /** The largest window: 2^27 bytes, libzstd's default limit for decoding, and java-compression's. */
    static final long MAX_WINDOW = 1L << 27;

    /** The largest block content, 128 KiB. */
    private static final int MAX_BLOCK = 128 * 1024;

    private enum State {
        MAGIC,
        SKIP_SIZE,
        SKIP,
        DESCRIPTOR,
        HEADER,
        BLOCK_HEADER,
        BLOCK,
        CHECKSUM,
        STOPPED
    }

    /** A frame that ended: the input offset after it and its declared content size (-1: none). */
    private record Ended(long end, long contentSize) {}

    private final ArrayDeque<Ended> ended = new ArrayDeque<>();
    private final byte[] field = new byte[16];

    private State state = State.MAGIC;
    private long offset; // of the next byte fed
    private int need = 4; // bytes still wanted in this state (first: a magic number)
    private int have; // bytes collected into field
    private long skip; // bytes of a body or skippable frame still to pass
    private int descriptor;
    private long contentSize;
    private long frameAt;
    private long blockMaximum;
    private long knownSize; // the content of the frame's raw and RLE blocks so far; -1 after a compressed one
    private boolean lastBlock;
    private long blockAt;
    // A compressed block: its size, the bytes of it seen, its literals section's size once known,
    // and the first bytes of the sequences section.
    private int blockSize;
    private int blockSeen;
    private int literalsSize;
    private final byte[] head = new byte[8];
    private final byte[] sequences = new byte[3];
    private long violationAt = -1;
    private String violation;

    /** Walks {@code b[off, off + len)}, the next bytes of the compressed input. */
    void feed(byte[] b, int off, int len) {
        int end = off + len;
        int p = off;
        while (p < end && state != State.STOPPED) {
            switch (state) {
                case SKIP -> {
                    int n = (int) Math.min(skip, end - p);
                    p += n;
                    offset += n;
                    skip -= n;
                    if (skip == 0) {
                        frameEnded(0);
                    }
                }
                case BLOCK -> {
                    int n = (int) Math.min(skip, end - p);
                    if (blockSize >= 0) {
                        compressedBytes(b, p, n);
                    }
                    p += n;
                    offset += n;
                    skip -= n;
                    if (skip == 0 && state == State.BLOCK) {
                        blockEnded();
                    }
                }
                default -> {
                    field[have++] = b[p++];
                    offset++;
                    if (--need == 0) {
                        fieldComplete();
                    }
                }
            }
        }
    }

    /** The first bytes of a violation found so far, or -1: its offset in the compressed input. */
    long violationAt() {
        return violationAt;
    }

    /** What the violation is, or null. */
    String violation() {
        return violation;
    }

    /**
     * The sum of the declared content sizes of the frames that ended by input offset {@code
     * position}, since the last call, or -1 if one of them declared none. Skippable frames count 0.
     */
    long expectedUpTo(long position) {
        long sum = 0;
        while (!ended.isEmpty() && ended.peekFirst().end() <= position) {
            long size = ended.pollFirst().contentSize();
            sum = size < 0 || sum < 0 ? -1 : sum + size;
        }
        return sum;
    }

    /** Whether every frame begun has ended (the walk is at a frame boundary, or stopped). */
    boolean atBoundary() {
        return state == State.MAGIC && have == 0;
    }

    private void start(State next, int bytes) {
        state = next;
        need = bytes;
        have = 0;
    }

    private void fieldComplete() {
        switch (state) {
            case MAGIC -> {
                int magic = le(0, 4);
                if ((magic & SKIPPABLE_MASK) == SKIPPABLE) {
                    start(State.SKIP_SIZE, 4);
                } else if (magic == MAGIC) {
                    frameAt = offset - 4;
                    start(State.DESCRIPTOR, 1);
                } else {
                    state = State.STOPPED;
                }
            }
            case SKIP_SIZE -> {
                skip = le(0, 4) & 0xFFFFFFFFL;
                if (skip == 0) {
                    frameEnded(0);
                } else {
                    state = State.SKIP;
                }
            }
            case DESCRIPTOR -> {
                descriptor = field[0] & 0xFF;
                boolean single = (descriptor & 0x20) != 0;
                int fcs = descriptor >>> 6;
                int rest = (single ? 0 : 1)
                        + new int[] {0, 1, 2, 4}[descriptor & 3]
                        + (fcs == 0 ? (single ? 1 : 0) : 1 << fcs);
                contentSize = -1;
                start(State.HEADER, rest); // never empty: a window descriptor or a content size
            }
            case HEADER -> {
                boolean single = (descriptor & 0x20) != 0;
                int fcs = descriptor >>> 6;
                int bytes = fcs == 0 ? (single ? 1 : 0) : 1 << fcs;
                if (bytes > 0) {
                    long size = 0;
                    for (int i = 0; i < bytes; i++) {
                        size |= (field[have - bytes + i] & 0xFFL) << (8 * i);
                    }
                    contentSize = bytes == 2 ? size + 256 : size;
                }
                long window = contentSize;
                if (!single) {
                    int w = field[0] & 0xFF;
                    long base = 1L << (10 + (w >>> 3));
                    window = base + (base >>> 3) * (w & 7);
                }
                if (window < 0 || window > MAX_WINDOW) {
                    violate(
                            frameAt,
                            "the frame needs a window of " + Long.toUnsignedString(window)
                                    + " bytes, above the limit of " + MAX_WINDOW
                                    + " (2^27, 128 MiB, libzstd's default)");
                    return;
                }
                blockMaximum = Math.min(window, MAX_BLOCK);
                knownSize = 0;
                start(State.BLOCK_HEADER, 3);
            }
            case BLOCK_HEADER -> {
                int h = le(0, 3);
                blockAt = offset - 3;
                lastBlock = (h & 1) != 0;
                int type = (h >>> 1) & 3;
                int size = h >>> 3;
                blockSize = -1;
                if (type == 3) {
                    state = State.STOPPED;
                    return;
                }
                if (size > blockMaximum) {
                    violate(
                            blockAt,
                            "a block of " + size + " bytes exceeds the block maximum of " + blockMaximum
                                    + " bytes (the window, at most 128 KiB)");
                    return;
                }
                knownSize = type == 2 || knownSize < 0 ? -1 : knownSize + size;
                skip = type == 1 ? 1 : size;
                if (type == 2) {
                    blockSize = size;
                    blockSeen = 0;
                    literalsSize = -1;
                }
                if (skip == 0) {
                    blockEnded();
                } else {
                    state = State.BLOCK;
                }
            }
            case CHECKSUM -> frameEnded(contentSize);
            default -> throw new IllegalStateException(state.toString());
        }
    }

    private void blockEnded() {
        if (blockSize >= 0) {
            compressedBlockEnded();
            if (state == State.STOPPED) {
                return;
            }
        }
        if (lastBlock && contentSize >= 0 && knownSize >= 0 && knownSize != contentSize) {
            violate(frameAt, "the frame holds " + knownSize + " bytes, its header says " + contentSize);
            return;
        }
        if (!lastBlock) {
            start(State.BLOCK_HEADER, 3);
        } else if ((descriptor & 0x04) != 0) {
            start(State.CHECKSUM, 4);
        } else {
            frameEnded(contentSize);
        }
    }

    private void frameEnded(long size) {
        ended.addLast(new Ended(offset, size));
        start(State.MAGIC, 4);
    }

    /** Notes the bytes of a compressed block that the checks need: its first 8, and 3 at its sequences. */
    private void compressedBytes(byte[] b, int p, int n) {
        for (int i = 0; i < n && blockSeen + i < head.length; i++) {
            head[blockSeen + i] = b[p + i];
        }
        int seen = blockSeen + n;
        if (literalsSize < 0 && seen >= Math.min(5, blockSize)) {
            literalsSize = literalsSectionSize(Math.min(5, blockSize));
        }
        if (literalsSize >= 0) {
            for (int i = Math.max(blockSeen, literalsSize); i < Math.min(seen, literalsSize + 3); i++) {
                sequences[i - literalsSize] = b[p + i - blockSeen];
            }
        }
        blockSeen = seen;
    }

    /** The zero-sequences check, once the whole compressed block went by. */
    private void compressedBlockEnded() {
        if (literalsSize < 0 || literalsSize >= blockSize) {
            return; // unparsed, or no sequences section at all: libzstd's verdict
        }
        int first = sequencesByte(0);
        int headerBytes;
        int count;
        if (first < 128) {
            headerBytes = 1;
            count = first;
        } else if (first < 255) {
            headerBytes = 2;
            if (literalsSize + 2 > blockSize) {
                return;
            }
            count = ((first - 128) << 8) + sequencesByte(1);
        } else {
            return; // 0x7F00 and more: never zero
        }
        if (count == 0 && literalsSize + headerBytes < blockSize) {
            violate(
                    blockAt,
                    "corrupted block: " + (blockSize - literalsSize - headerBytes)
                            + " bytes after a sequences section of no sequences");
        }
    }

    /** Records the first violation found and stops the walk: what follows is not judged here. */
    private void violate(long at, String reason) {
        if (violation == null) {
            violationAt = at;
            violation = reason;
        }
        state = State.STOPPED;
    }

    /** Byte {@code i} of the sequences section: from the block's first bytes, or those noted after. */
    private int sequencesByte(int i) {
        int at = literalsSize + i;
        return (at < head.length ? head[at] : sequences[i]) & 0xFF;
    }

    /**
     * The literals section's size from its header (RFC 8878, 3.1.1.3.1.1) in {@code head[0, n)}, or
     * -1 if those bytes do not hold the header.
     */
    private int literalsSectionSize(int n) {
        int b0 = head[0] & 0xFF;
        int type = b0 & 3;
        int format = (b0 >>> 2) & 3;
        if (type < 2) { // raw or RLE: the regenerated size, then the bytes (RLE: one)
            int header = format == 1 ? 2 : format == 3 ? 3 : 1;
            if (n < header) {
                return -1;
            }
            int size = switch (header) {
                case 1 -> b0 >>> 3;
                case 2 -> (b0 >>> 4) + ((head[1] & 0xFF) << 4);
                default -> (b0 >>> 4) + ((head[1] & 0xFF) << 4) + ((head[2] & 0xFF) << 12);
            };
            return header + (type == 0 ? size : 1);
        }
        int header = format < 2 ? 3 : format + 2;
        if (n < header) {
            return -1;
        }
        int b1 = head[1] & 0xFF;
        int b2 = head[2] & 0xFF;
        int compressed = switch (header) {
            case 3 -> (b1 >>> 6) + (b2 << 2);
            case 4 -> (b2 >>> 2) + ((head[3] & 0xFF) << 6);
            default -> (b2 >>> 6) + ((head[3] & 0xFF) << 2) + ((head[4] & 0xFF) << 10);
        };
        return header + compressed;
    }

    private int le(int at, int n) {
        int v = 0;
        for (int i = n - 1; i >= 0; i--) {
            v = v << 8 | (field[at + i] & 0xFF);
        }
        return v;
    }
}
