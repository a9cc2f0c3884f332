/**
 * Native providers: FFM bindings to system libraries (libxxhash, libzstd, liblz4 ...) and JNI
 * libraries shipped in jars (zstd-jni, lz4-java). Packages follow the families, as in the other
 * provider modules; {@code natives} because {@code native} is a Java keyword. Its providers arrive
 * with the hashing (native and SIMD) and compression issues.
 */
module dev.arsenal.providers.natives {
    requires dev.arsenal.spi;
}
