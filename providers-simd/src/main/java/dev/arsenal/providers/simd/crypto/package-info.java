/**
 * SIMD crypto providers: BLAKE3 with its whole chunks hashed 8 or 16 at a time, one per lane of
 * 256- or 512-bit vectors ({@link dev.arsenal.providers.simd.crypto.Blake3Vector}, a {@link
 * dev.arsenal.spi.crypto.Blake3.ChunkBatch} loaded by name only once the provider's probe found the
 * Vector API usable); the tree above the chunks and every output byte stay {@link
 * dev.arsenal.spi.crypto.Blake3}'s, shared with the pure-Java provider.
 */
package dev.arsenal.providers.simd.crypto;
