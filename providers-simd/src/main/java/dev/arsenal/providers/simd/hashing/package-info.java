/** SIMD hashing providers (XXH3 stripes on the Vector API); see docs/architecture.md. */
package dev.arsenal.providers.simd.hashing;
