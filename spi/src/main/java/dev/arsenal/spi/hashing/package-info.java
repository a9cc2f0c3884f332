/**
 * The hashing SPI: {@link dev.arsenal.spi.hashing.HashingProvider}, base classes that give every
 * provider the same handling of {@code ByteBuffer}, primitive and streaming input, and the shared
 * {@link dev.arsenal.spi.hashing.KnownAnswers} self-test.
 */
@Export
@Version("1.0.0")
package dev.arsenal.spi.hashing;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
