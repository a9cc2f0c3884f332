/**
 * The pure-Java compression provider, {@link
 * dev.arsenal.providers.java.compression.JavaCompressionProvider}: LZ4 blocks and Zstandard from
 * aircompressor's pure-Java codecs, the LZ4 frame format written here on top of them, and gzip from
 * the JDK's zlib. The implementations are package-private; applications reach them through {@link
 * dev.arsenal.compression.Compression}.
 */
package dev.arsenal.providers.java.compression;
