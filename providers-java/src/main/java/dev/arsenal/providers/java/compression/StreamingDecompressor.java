package dev.arsenal.providers.java.compression;

import dev.arsenal.compression.Codec;
import dev.arsenal.compression.MalformedInputException;
import dev.arsenal.spi.compression.AbstractDecompressor;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * A decompressor whose array form reads its own stream: one decoder to trust for both, at the cost
 * of one copy per block. The stream's errors arrive as an {@link IOException} whose cause is the
 * {@link MalformedInputException}; the array form throws that cause.
 */
abstract class StreamingDecompressor extends AbstractDecompressor {
    StreamingDecompressor(Codec codec) {
        super(codec);
    }

    @Override
    protected int decompressArrays(
            byte[] input, int offset, int length, byte[] output, int outputOffset, int maxOutputLength) {
        try (InputStream in = newStream(new ByteArrayInputStream(input, offset, length))) {
            int n = in.readNBytes(output, outputOffset, maxOutputLength);
            // Read on when the range is full: the input may hold more output, or only its trailer.
            if (n == maxOutputLength && in.read() >= 0) {
                throw tooLarge(-1, maxOutputLength);
            }
            return n;
        } catch (IOException e) {
            throw unwrap(e);
        }
    }

    /** The {@link MalformedInputException} an {@link IOException} of a decoding stream carries. */
    final RuntimeException unwrap(IOException e) {
        if (e.getCause() instanceof MalformedInputException m) {
            return m;
        }
        // A ByteArrayInputStream never fails; any other IOException is the decoder's own complaint.
        return malformed(-1, String.valueOf(e.getMessage()), e);
    }

    /** An {@link IOException} carrying a {@link MalformedInputException} of this codec. */
    final IOException failure(long offset, String reason, Throwable cause) {
        return new IOException(malformed(offset, reason, cause));
    }
}
