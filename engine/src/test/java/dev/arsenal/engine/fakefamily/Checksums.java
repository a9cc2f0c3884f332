package dev.arsenal.engine.fakefamily;

/** The fake family's view, as {@code runtime.view(Checksums.class)} gives it. */
public interface Checksums {
    /** The selected summer for {@code checksum}. */
    Summer summer(Checksum checksum);
}
