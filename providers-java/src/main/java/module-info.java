/**
 * The pure-Java providers: always present, needing nothing from the machine. They are the
 * fallback of every family and the reference the native and SIMD providers are tested against.
 */
module dev.arsenal.providers.java {
    requires dev.arsenal.spi;
    // aircompressor has no module-info and no Automatic-Module-Name: its name comes from the jar
    // file, aircompressor-v3-3.4.jar. Not static: LZ4 and zstd need it (OSGi imports it optionally).
    requires aircompressor.v3;
    // aircompressor's Java codecs use sun.misc.Unsafe; an automatic module reads every module of
    // the layer, but jdk.unsupported is in the layer only if some module requires it.
    requires jdk.unsupported;
    requires static biz.aQute.bnd.annotation;
    requires static org.osgi.service.component.annotations;

    provides dev.arsenal.spi.Provider with
            dev.arsenal.providers.java.hashing.JavaHashingProvider,
            dev.arsenal.providers.java.compression.JavaCompressionProvider,
            dev.arsenal.providers.java.compression.JavaShuffleProvider;
}
