/**
 * The random family's SPI: {@link dev.arsenal.spi.random.RandomProvider}, the reference
 * generators every provider's sequences are ({@link dev.arsenal.spi.random.Generators}), their
 * self-test, and the family descriptor.
 */
@Export
@Version("1.0.0")
package dev.arsenal.spi.random;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
