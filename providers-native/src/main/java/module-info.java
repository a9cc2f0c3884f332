/**
 * Native providers: FFM bindings to system libraries (libxxhash, libzstd, liblz4 ...) and JNI
 * libraries shipped in jars (zstd-jni, lz4-java). Packages follow the families, as in the other
 * provider modules; {@code natives} because {@code native} is a Java keyword.
 *
 * <p>The JVM must grant native access: {@code --enable-native-access=dev.arsenal.providers.natives}
 * on the module path, {@code ALL-UNNAMED} on the class path. lz4-java ({@code org.lz4.java}, an
 * automatic module) is optional: without it the lz4-java provider reports itself unavailable.
 */
module dev.arsenal.providers.natives {
    requires dev.arsenal.spi;
    requires static biz.aQute.bnd.annotation;
    requires static org.osgi.service.component.annotations;
    requires static org.lz4.java;

    provides dev.arsenal.spi.Provider with
            dev.arsenal.providers.natives.hashing.XxhashNativeProvider,
            dev.arsenal.providers.natives.hashing.Lz4JavaXxhashProvider;
}
