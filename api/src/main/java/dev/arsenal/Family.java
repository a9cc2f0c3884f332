package dev.arsenal;

/** The primitive families Arsenal offers; every algorithm and every provider belongs to one. */
public enum Family {
    /** Non-cryptographic hashing and checksums (XXH*, CRC32, CRC32C). */
    HASHING,
    /** Compression codecs. */
    COMPRESSION,
    /** Cryptographic primitives. */
    CRYPTO,
    /** Pseudo-random number generators. */
    RANDOM,
    /** Memory allocators. */
    MEMORY;

    /** The lower-case name used in configuration, reports and on the command line. */
    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
