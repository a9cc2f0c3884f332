/**
 * The crypto family's provider interface ({@link dev.arsenal.spi.crypto.AeadProvider}), what its
 * providers share ({@link dev.arsenal.spi.crypto.AbstractAead}'s argument checks, {@link
 * dev.arsenal.spi.crypto.HChaCha20} for XChaCha20-Poly1305), the known answers of the self-test
 * and the family's descriptor.
 */
@Export
@Version("1.0.0")
package dev.arsenal.spi.crypto;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
