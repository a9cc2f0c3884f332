/**
 * SIMD providers on the Vector API. The module reads {@code jdk.incubator.vector} only when the JVM
 * was started with {@code --add-modules jdk.incubator.vector} ({@code requires static}): a plain
 * {@code requires} would make every application with this module on its module path resolve the
 * incubator module, and the JVM print "WARNING: Using incubator modules" at each start. Without the
 * module, these providers report themselves unavailable with the flag to add (their requirement
 * {@code JdkModule}, checked before any Vector API class is loaded). Packages follow the families.
 */
module dev.arsenal.providers.simd {
    requires dev.arsenal.spi;
    requires static jdk.incubator.vector;
    requires static biz.aQute.bnd.annotation;
    requires static org.osgi.service.component.annotations;

    provides dev.arsenal.spi.Provider with
            dev.arsenal.providers.simd.hashing.SimdXxh3Provider,
            dev.arsenal.providers.simd.compression.SimdShuffleProvider,
            dev.arsenal.providers.simd.crypto.SimdCryptoProvider;
}
