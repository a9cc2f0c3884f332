/**
 * The pure-Java hashing provider, {@link dev.arsenal.providers.java.hashing.JavaHashingProvider}:
 * xxHash written in Java, bit-exact with the C reference for every input form and split, and the
 * JDK's CRC-32 / CRC-32C intrinsics. The implementations are package-private; applications reach
 * them through {@link dev.arsenal.hashing.Hashing}.
 */
package dev.arsenal.providers.java.hashing;
