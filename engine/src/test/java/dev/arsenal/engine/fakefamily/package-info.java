/**
 * A third family defined in test code only, as a family added later would be: its algorithms
 * ({@link dev.arsenal.engine.fakefamily.Checksum}), its primitive and view ({@link
 * dev.arsenal.engine.fakefamily.Summer}, {@link dev.arsenal.engine.fakefamily.Checksums}), its
 * provider interface ({@link dev.arsenal.engine.fakefamily.ChecksumProvider}) and its descriptor
 * ({@link dev.arsenal.engine.fakefamily.ChecksumFamily}, in {@code
 * META-INF/services/dev.arsenal.spi.FamilyDescriptor}). It takes {@link dev.arsenal.Family#MEMORY},
 * a family constant that has no providers yet, and uses only the engine's public entry points.
 */
package dev.arsenal.engine.fakefamily;
