/**
 * The pure-Java providers: always present, needing nothing from the machine. They are the
 * fallback of every family and the reference the native and SIMD providers are tested against.
 * Plain Java only: no {@code sun.misc.Unsafe} (no {@code jdk.unsupported}), no native library;
 * Bouncy Castle (pure Java) is optional, for the provider that names it.
 */
module dev.arsenal.providers.java {
    requires dev.arsenal.spi;
    requires static biz.aQute.bnd.annotation;
    requires static org.osgi.service.component.annotations;
    requires static org.bouncycastle.provider; // BouncyCastleCryptoProvider, when bcprov is present

    provides dev.arsenal.spi.Provider with
            dev.arsenal.providers.java.hashing.JavaHashingProvider,
            dev.arsenal.providers.java.compression.JavaCompressionProvider,
            dev.arsenal.providers.java.compression.JavaShuffleProvider,
            dev.arsenal.providers.java.crypto.JdkCryptoProvider,
            dev.arsenal.providers.java.crypto.BouncyCastleCryptoProvider,
            dev.arsenal.providers.java.crypto.JavaCryptoProvider,
            dev.arsenal.providers.java.random.JavaRandomProvider;
}
