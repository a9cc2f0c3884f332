package dev.arsenal;

/**
 * An algorithm Arsenal can select a provider for. Each family has an enum implementing this
 * interface, such as {@link dev.arsenal.hashing.HashAlgorithm}.
 */
public interface Algorithm {
    /** The stable lower-case name used in configuration keys, reports and on the command line. */
    String id();

    /** The family this algorithm belongs to. */
    Family family();
}
