/**
 * SIMD providers on the Vector API. The module reads {@code jdk.incubator.vector}, so it resolves
 * only on a JVM started with {@code --add-modules jdk.incubator.vector}; without it, these
 * providers are simply absent from the choice. Packages follow the families.
 */
module dev.arsenal.providers.simd {
    requires dev.arsenal.spi;
    requires jdk.incubator.vector;
    requires static biz.aQute.bnd.annotation;
    requires static org.osgi.service.component.annotations;

    provides dev.arsenal.spi.Provider with
            dev.arsenal.providers.simd.hashing.SimdXxh3Provider,
            dev.arsenal.providers.simd.compression.SimdShuffleProvider;
}
