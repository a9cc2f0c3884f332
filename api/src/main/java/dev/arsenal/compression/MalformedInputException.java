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
        super(codec.id() + ": " + reason + (offset >= 0 ? " at offset " + offset : " (offset unknown)"), cause);
        this.offset = offset;
        this.reason = reason;
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
