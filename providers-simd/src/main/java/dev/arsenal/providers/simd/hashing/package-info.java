/**
 * SIMD hashing providers: XXH3 with its stripe loop on the Vector API ({@link
 * dev.arsenal.providers.simd.hashing.SimdXxh3Provider}), the rest shared with the pure-Java provider
 * through {@link dev.arsenal.spi.hashing.Xxh3Core}; see docs/architecture.md.
 */
package dev.arsenal.providers.simd.hashing;
