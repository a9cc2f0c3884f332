package dev.arsenal.engine.fakefamily;

/** The fake family's primitive: one checksum, from one provider. */
public interface Summer {
    /** The checksum of {@code length} bytes from {@code offset}. */
    long sum(byte[] input, int offset, int length);

    /** The id of the provider that computes it (a call without input: the bulk provider's). */
    String provider();

    /** The id of the provider that would sum {@code length} bytes (routed by that size). */
    String provider(byte[] input, int offset, int length);
}
