/**
 * Native compression providers, beside the pure-Java ones:
 *
 * <ul>
 *   <li>{@code ZstdFfmProvider} ({@code native-zstd}): Zstandard from the system's libzstd through
 *       FFM.
 *   <li>{@link dev.arsenal.providers.natives.compression.ZstdJniProvider} ({@code zstd-jni}):
 *       Zstandard levels -7 to 22 through zstd-jni, when it is present.
 *   <li>{@link dev.arsenal.providers.natives.compression.Lz4JniCompressionProvider} ({@code
 *       lz4java-compression}): the raw LZ4 block format, levels 1 to 12, through lz4-java's JNI
 *       library, when it is present. Not LZ4 frames: lz4-java cannot decode linked blocks.
 * </ul>
 *
 * <p>The two JNI ones name their library's types only in package-private classes loaded after the
 * probe found the library, so both load, and say why they are unavailable, without it.
 */
package dev.arsenal.providers.natives.compression;
