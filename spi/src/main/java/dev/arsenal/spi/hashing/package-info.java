/**
 * The hashing SPI: {@link dev.arsenal.spi.hashing.HashingProvider}, base classes that give every
 * provider the same handling of {@code ByteBuffer}, primitive and streaming input, and the shared
 * {@link dev.arsenal.spi.hashing.KnownAnswers} self-test.
 */
package dev.arsenal.spi.hashing;
