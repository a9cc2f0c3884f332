/**
 * Native hashing providers, named beside the pure-Java ones ({@code Xxh3Java}, {@code Xxh3Native},
 * {@code Xxh64Lz4Jni}):
 *
 * <ul>
 *   <li>{@link dev.arsenal.providers.natives.hashing.XxhashNativeProvider} ({@code native-xxhash}):
 *       XXH32, XXH64, XXH3-64 and XXH3-128 from the system's libxxhash 0.8.x through FFM. One-shot
 *       hashes are critical downcalls on the {@code byte[]} or segment in place; streams keep the
 *       library's state in memory allocated from Java and freed by the GC.
 *   <li>{@link dev.arsenal.providers.natives.hashing.Lz4JniXxhashProvider} ({@code
 *       lz4java-xxhash}): XXH32 and XXH64 through lz4-java's JNI library, when lz4-java is present.
 * </ul>
 *
 * <p>Both rank below the pure-Java provider for small inputs, where the few nanoseconds of a
 * native call are a large share of the work, and above it for large ones.
 *
 * <p>There is deliberately no native CRC-32 or CRC-32C. HotSpot compiles {@link
 * java.util.zip.CRC32} and {@link java.util.zip.CRC32C} to the CPU's instructions (PCLMULQDQ and
 * SSE4.2 {@code crc32} on x86-64, the CRC32 instructions on aarch64), which run at many GB/s with
 * no call overhead at all; a JNI or FFM call into zlib or another C library can only add to that.
 * The pure-Java provider's CRCs are the fast ones.
 */
package dev.arsenal.providers.natives.hashing;
