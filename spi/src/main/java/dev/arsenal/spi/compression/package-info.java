/**
 * The compression SPI: {@link dev.arsenal.spi.compression.CompressionProvider}, base classes for
 * compressors, decompressors and their streams, the known-frame self-test, and the byte shuffle
 * with its frame format ({@link dev.arsenal.spi.compression.ShuffleProvider}).
 */
@Export
@Version("1.0.0")
package dev.arsenal.spi.compression;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
