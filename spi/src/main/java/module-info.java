/**
 * The provider SPI: the contract every provider implements ({@link dev.arsenal.spi}) and what the
 * providers of a family share ({@link dev.arsenal.spi.hashing}, {@link
 * dev.arsenal.spi.compression}). The selection engine that drives providers is the module {@code
 * dev.arsenal.engine}.
 */
module dev.arsenal.spi {
    requires transitive dev.arsenal.api;
    requires java.management; // NativeAccess reads the JVM's arguments
    requires static osgi.annotation; // @Export and @Version on the exported packages

    exports dev.arsenal.spi;
    exports dev.arsenal.spi.compression;
    exports dev.arsenal.spi.crypto;
    exports dev.arsenal.spi.hashing;
    exports dev.arsenal.spi.random;
}
