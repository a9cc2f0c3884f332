package dev.arsenal.compression;

import dev.arsenal.ArsenalException;

/**
 * Compressed input that cannot be decoded: truncated, corrupted, of another format, or larger once
 * decompressed than the caller allowed. The message names the input offset and the reason ("zstd:
 * truncated input at offset 17: the frame needs 112 more bytes"); nothing was written past what
 * the output could hold, and no byte of an earlier buffer is passed off as output.
 */
public final class MalformedInputException extends ArsenalException {
    private static final long serialVersionUID = 1L;

    private final long offset;
    private final String reason;
    private final boolean trailingData;

    /**
     * Creates the exception.
     *
     * @param codec the codec that was decoding
     * @param offset the offset in the compressed input where decoding failed, or -1 if unknown
     * @param reason what was wrong, for people
     */
    public MalformedInputException(Codec codec, long offset, String reason) {
        this(codec, offset, reason, null);
    }

    /** As {@link #MalformedInputException(Codec, long, String)}, with the library's exception. */
    public MalformedInputException(Codec codec, long offset, String reason, Throwable cause) {
        this(codec, offset, reason, cause, false);
    }

    private MalformedInputException(Codec codec, long offset, String reason, Throwable cause, boolean trailingData) {
        super(codec.id() + ": " + reason + (offset >= 0 ? " at offset " + offset : " (offset unknown)"), cause);
        this.offset = offset;
        this.reason = reason;
        this.trailingData = trailingData;
    }

    /**
     * Bytes after the last complete frame or member that do not start another: everything before
     * {@code offset} was decoded whole, its checksums verified, and only what follows is refused
     * ({@link #isTrailingData()}).
     *
     * @param codec the codec that was decoding
     * @param offset the offset of the first byte after the last complete frame or member
     * @param reason what was wrong, for people
     * @return the exception
     */
    public static MalformedInputException trailingData(Codec codec, long offset, String reason) {
        return new MalformedInputException(codec, offset, reason, null, true);
    }

    /**
     * Whether the input failed only after its last complete frame or member ({@link #trailingData}):
     * the output is whole and {@link #offset()} is where the trailing bytes begin, so a caller may
     * choose to ignore them, as {@code gzip -d} ignores zeros padding a file.
     */
    public boolean isTrailingData() {
        return trailingData;
    }

    /** The offset in the compressed input where decoding failed, or -1 if the decoder cannot tell. */
    public long offset() {
        return offset;
    }

    /** What was wrong, without the codec and offset. */
    public String reason() {
        return reason;
    }
}
