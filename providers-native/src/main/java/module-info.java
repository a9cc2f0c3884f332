/**
 * Native providers: FFM bindings to system libraries (libxxhash, libzstd, liblz4, libsodium,
 * libcrypto ...) and JNI
 * libraries shipped in jars (zstd-jni, lz4-java). Packages follow the families, as in the other
 * provider modules; {@code natives} because {@code native} is a Java keyword.
 *
 * <p>The JVM must grant native access: {@code --enable-native-access=dev.arsenal.providers.natives}
 * on the module path, {@code ALL-UNNAMED} on the class path. lz4-java ({@code org.lz4.java}, an
 * automatic module) and zstd-jni ({@code com.github.luben.zstd_jni}, a named module) are optional:
 * without one, its providers report themselves unavailable. On the module path zstd-jni calls
 * libzstd through FFM itself, so it needs its own {@code
 * --enable-native-access=com.github.luben.zstd_jni}.
 */
module dev.arsenal.providers.natives {
    requires dev.arsenal.spi;
    requires static biz.aQute.bnd.annotation;
    requires static org.osgi.service.component.annotations;
    requires static org.lz4.java;
    requires static com.github.luben.zstd_jni;
    requires static org.conscrypt;

    provides dev.arsenal.spi.Provider with
            dev.arsenal.providers.natives.hashing.XxhashNativeProvider,
            dev.arsenal.providers.natives.hashing.Lz4JniXxhashProvider,
            dev.arsenal.providers.natives.compression.ZstdJniProvider,
            dev.arsenal.providers.natives.compression.ZstdFfmProvider,
            dev.arsenal.providers.natives.compression.Lz4JniCompressionProvider,
            dev.arsenal.providers.natives.compression.Lz4FfmProvider,
            dev.arsenal.providers.natives.compression.GzipFfmProvider,
            dev.arsenal.providers.natives.crypto.SodiumCryptoProvider,
            dev.arsenal.providers.natives.crypto.OpenSslCryptoProvider,
            dev.arsenal.providers.natives.crypto.ConscryptCryptoProvider,
            dev.arsenal.providers.natives.crypto.LibcCryptoProvider;
}
