/**
 * Compression: {@link dev.arsenal.compression.Codec} (LZ4 frame and block, Zstandard, gzip),
 * {@link dev.arsenal.compression.Compressor} and {@link dev.arsenal.compression.Decompressor} over
 * {@code byte[]}, {@code ByteBuffer}, {@code MemorySegment} and streams, and {@link
 * dev.arsenal.compression.Compression}, the entry point. Decoders treat input as hostile: {@link
 * dev.arsenal.compression.MalformedInputException} names the offset and the reason.
 */
package dev.arsenal.compression;
