/**
 * Non-cryptographic hashing: {@link dev.arsenal.hashing.HashAlgorithm} (XXH32, XXH64, XXH3-64,
 * XXH3-128, CRC32, CRC32C), hashers of 32, 64 and 128 bits over {@code byte[]}, {@code ByteBuffer},
 * {@code MemorySegment} and primitives, their streams, and {@link dev.arsenal.hashing.Hashing}, the
 * entry point.
 */
@Export
@Version("1.0.0")
package dev.arsenal.hashing;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
