/**
 * The pure-Java compression provider, {@link
 * dev.arsenal.providers.java.compression.JavaCompressionProvider}: LZ4 blocks (fast and HC) and
 * frames, and Zstandard (encoder and decoder), all written here in plain Java without {@code
 * sun.misc.Unsafe}, and gzip from the JDK's zlib. The implementations are package-private; applications reach them through {@link
 * dev.arsenal.compression.Compression}.
 */
package dev.arsenal.providers.java.compression;
