package dev.arsenal.providers.natives.compression;

import com.github.luben.zstd.Zstd;
import com.github.luben.zstd.ZstdException;
import com.github.luben.zstd.util.Native;
import com.github.luben.zstd.util.ZstdVersion;
import dev.arsenal.compression.Codec;
import dev.arsenal.compression.MalformedInputException;
import java.util.Arrays;
import java.util.List;

/**
 * zstd-jni's loader and error codes. This class, {@link ZstdJniCompressor} and {@link
 * ZstdJniDecompressor} are the only ones that name {@code com.github.luben.zstd} types; {@link
 * ZstdJniProvider} loads none of them before its probe has found {@value #NATIVE_CLASS}.
 *
 * <p>zstd-jni 1.5.7-28 is a multi-release jar: on Java 22 and later its classes call libzstd
 * through FFM ({@code ZstdBinding}), before that through JNI; either way the C code is its own
 * {@code libzstd-jni-*.so}, unpacked from the jar to {@code java.io.tmpdir} by {@link Native#load()}.
 */
final class ZstdJniBindings {
    /** The class whose presence means zstd-jni is on the class path. */
    static final String NATIVE_CLASS = "com.github.luben.zstd.util.Native";

    // libzstd's error codes (zstd_errors.h), pinned since zstd 1.3.1.
    private static final int PREFIX_UNKNOWN = 10;
    private static final int VERSION_UNSUPPORTED = 12;
    private static final int FRAME_PARAMETER_UNSUPPORTED = 14;
    private static final int WINDOW_TOO_LARGE = 16;
    private static final int CORRUPTION_DETECTED = 20;
    private static final int CHECKSUM_WRONG = 22;
    private static final int LITERALS_HEADER_WRONG = 24;
    private static final int DICTIONARY_WRONG = 32;
    private static final int MEMORY_ALLOCATION = 64;
    private static final int DST_SIZE_TOO_SMALL = 70;
    private static final int SRC_SIZE_WRONG = 72;

    private ZstdJniBindings() {}

    /**
     * Loads zstd-jni's native library and makes one call into it.
     *
     * @return what was loaded ("zstd-jni 1.5.7-28")
     * @throws UnsatisfiedLinkError if the library cannot be loaded (an unsupported platform, a
     *     {@code noexec} temporary directory)
     */
    static String load() {
        Native.load();
        if (!Native.isLoaded()) {
            throw new UnsatisfiedLinkError("zstd-jni's Native.load() returned without loading the library");
        }
        long bound = Zstd.compressBound(0);
        if (bound <= 0) {
            throw new UnsatisfiedLinkError("zstd-jni answers ZSTD_compressBound(0) with " + bound);
        }
        return "zstd-jni " + ZstdVersion.VERSION;
    }

    /** Whether {@code code} is libzstd's "destination buffer is too small". */
    static boolean isOutputTooSmall(long code) {
        return code == DST_SIZE_TOO_SMALL;
    }

    /** Whether {@code code} is libzstd's "Dictionary mismatch" (a frame that needs another dictionary, or one). */
    static boolean isDictionaryWrong(long code) {
        return code == DICTIONARY_WRONG;
    }

    /**
     * The exception for a frame that needs another dictionary than the decoder's: {@code wanted} is
     * the frame's dictionary ID (-1 if unknown), {@code own} the decoder's (0 for raw content).
     */
    static MalformedInputException dictionaryWrong(
            String name, long wanted, boolean hasDictionary, long own, long offset, Throwable cause) {
        return new MalformedInputException(
                Codec.ZSTD, offset, dictionaryReason(name, wanted, hasDictionary, own), cause);
    }

    /** The reason of {@link #dictionaryWrong}: the FFM provider's, which names no zstd-jni type. */
    static String dictionaryReason(String name, long wanted, boolean hasDictionary, long own) {
        return ZstdFfmDictionaries.mismatch(name, wanted, hasDictionary, own);
    }

    /**
     * {@code ZDICT_trainFromBuffer} through zstd-jni on {@code samples}, into at most {@code maxSize}
     * bytes; its errors as {@link IllegalArgumentException}s with libzstd's reason.
     */
    static byte[] train(List<byte[]> samples, int maxSize) {
        ZstdFfmDictionaries.checkTraining(samples, maxSize);
        byte[] buffer = new byte[maxSize];
        long n;
        try {
            n = Zstd.trainFromBuffer(samples.toArray(byte[][]::new), buffer);
        } catch (ZstdException e) {
            throw ZstdFfmDictionaries.cannotTrain(samples, e.getMessage(), e);
        }
        if (Zstd.isError(n)) {
            throw ZstdFfmDictionaries.cannotTrain(samples, Zstd.getErrorName(n), null);
        }
        return Arrays.copyOf(buffer, (int) n);
    }

    /**
     * The exception for libzstd's error {@code code} (zstd-jni's {@code getErrorCode()}) while
     * decoding, with libzstd's own name for it ({@code "Data corruption detected"}) in the reason.
     */
    static MalformedInputException malformed(long code, String name, long offset, Throwable cause) {
        String what = switch ((int) code) {
            case PREFIX_UNKNOWN -> "not a zstd frame (unknown magic number)";
            case VERSION_UNSUPPORTED -> "a frame of an unsupported zstd version";
            case FRAME_PARAMETER_UNSUPPORTED -> "a frame header with unsupported parameters";
            case WINDOW_TOO_LARGE -> "a frame whose window is larger than the decoder allows (128 MiB)";
            case CORRUPTION_DETECTED, LITERALS_HEADER_WRONG -> "corrupted input";
            case CHECKSUM_WRONG -> "the content checksum does not match the decoded bytes";
            case DICTIONARY_WRONG -> "a frame that needs another dictionary, or one";
            case MEMORY_ALLOCATION -> "libzstd could not allocate memory for the frame";
            case SRC_SIZE_WRONG -> "truncated input, or bytes after the last frame";
            default -> "invalid input";
        };
        return new MalformedInputException(Codec.ZSTD, offset, what + " (libzstd: " + name + ")", cause);
    }
}
