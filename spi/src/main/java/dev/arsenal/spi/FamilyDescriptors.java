package dev.arsenal.spi;

import dev.arsenal.spi.compression.CompressionFamily;
import dev.arsenal.spi.crypto.CryptoFamily;
import dev.arsenal.spi.hashing.HashingFamily;
import dev.arsenal.spi.random.RandomFamily;
import java.util.List;

/**
 * The families this SPI ships with. A static list rather than {@link java.util.ServiceLoader}
 * alone: in an OSGi framework a bundle's {@code ServiceLoader} sees only its own class loader, so
 * the engine bundle would find no descriptor there, whereas this list travels with the spi bundle
 * that holds the descriptors and that the engine imports anyway. A family outside this module adds
 * itself with {@code provides dev.arsenal.spi.FamilyDescriptor} (class path and module path).
 */
public final class FamilyDescriptors {
    private static final List<FamilyDescriptor> BUILT_IN =
            List.of(HashingFamily.INSTANCE, CompressionFamily.INSTANCE, CryptoFamily.INSTANCE, RandomFamily.INSTANCE);

    private FamilyDescriptors() {}

    /** The built-in families, in report order: hashing, compression, crypto, random. */
    public static List<FamilyDescriptor> builtIn() {
        return BUILT_IN;
    }
}
