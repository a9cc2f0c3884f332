/**
 * Compression: {@link dev.arsenal.compression.Codec} (LZ4 frame and block, Zstandard, gzip),
 * {@link dev.arsenal.compression.Compressor} and {@link dev.arsenal.compression.Decompressor} over
 * {@code byte[]}, {@code ByteBuffer}, {@code MemorySegment} and streams, and {@link
 * dev.arsenal.compression.Compression}, the entry point. Decoders treat input as hostile: {@link
 * dev.arsenal.compression.MalformedInputException} names the offset and the reason.
 */
@Export
@Version("1.0.0")
package dev.arsenal.compression;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
