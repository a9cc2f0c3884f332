/**
 * Arsenal's public API: what applications compile against.
 *
 * <p>One small API per primitive family ({@link dev.arsenal.hashing} first), the strategy and
 * configuration types, the selection report and the entry point {@link dev.arsenal.Arsenal}.
 * This module has no dependency on the provider SPI; the engine that implements {@link
 * dev.arsenal.RuntimeFactory} is found with {@link java.util.ServiceLoader}.
 */
module dev.arsenal.api {
    requires static org.osgi.framework;
    requires static osgi.annotation; // @Export and @Version on the exported packages

    exports dev.arsenal;
    exports dev.arsenal.compression;
    exports dev.arsenal.crypto;
    exports dev.arsenal.hashing;
    exports dev.arsenal.platform;
    exports dev.arsenal.random;
    exports dev.arsenal.report;

    uses dev.arsenal.RuntimeFactory;

    // Arsenal's JCA provider, for java.security's security.provider.N=Arsenal
    provides java.security.Provider with
            dev.arsenal.crypto.ArsenalProvider;
}
