/**
 * Internal to this module and not exported: what the SIMD providers of every family share, the
 * guard before any Vector API code loads ({@link dev.arsenal.providers.simd.vector.VectorSupport}).
 * No Vector API type may appear in this package.
 */
package dev.arsenal.providers.simd.vector;
