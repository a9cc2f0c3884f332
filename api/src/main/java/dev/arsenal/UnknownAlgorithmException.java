package dev.arsenal;

import java.util.List;

/** An algorithm name that Arsenal does not know; the message lists the known names. */
public final class UnknownAlgorithmException extends ArsenalException {
    private static final long serialVersionUID = 1L;

    private final String name;

    /** Creates the exception for {@code name}, listing {@code known} in the message. */
    public UnknownAlgorithmException(String name, List<String> known) {
        super("unknown algorithm '" + name + "'; known algorithms: " + String.join(", ", known));
        this.name = name;
    }

    /** The name that was asked for. */
    public String name() {
        return name;
    }
}
