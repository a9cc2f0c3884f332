package dev.arsenal.engine.fakefamily;

import dev.arsenal.spi.Provider;

/** The fake family's provider interface. */
public interface ChecksumProvider extends Provider {
    /** A summer for {@code checksum}. */
    Summer summer(Checksum checksum);
}
