package dev.arsenal.spi.crypto;

import dev.arsenal.crypto.SecretBuffer;

/**
 * A provider of {@link SecretBuffer}s ({@link dev.arsenal.crypto.SecretMemoryAlgorithm}). The
 * engine checks the size before {@link #allocate} is called. Implementations make their buffers
 * with {@link SecretBuffers}, which gives every provider the same zeroing, closing and Cleaner.
 * Its self-test ({@link CryptoProvider#selfTest}) is {@link SecretMemoryChecks#check}.
 */
public interface SecretMemoryProvider extends CryptoProvider {
    /**
     * A new buffer of {@code byteSize} bytes, at least 1, zeroed.
     *
     * @throws OutOfMemoryError if the system has no memory to give
     */
    SecretBuffer allocate(long byteSize);
}
