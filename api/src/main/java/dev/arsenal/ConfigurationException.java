package dev.arsenal;

import java.util.List;

/**
 * A configuration that cannot be used; the message names the key, the value and its source, or the
 * file and line. When several values are bad, the message has them all, separated by "; ", and
 * {@link #problems()} lists them one by one.
 */
public final class ConfigurationException extends ArsenalException {
    private static final long serialVersionUID = 1L;

    /** The problems; one unless several values were bad at once. */
    private final List<String> problems;

    /** Creates the exception. */
    public ConfigurationException(String message) {
        super(message);
        this.problems = List.of(message);
    }

    /** Creates the exception with the cause (for example an unreadable file). */
    public ConfigurationException(String message, Throwable cause) {
        super(message, cause);
        this.problems = List.of(message);
    }

    /**
     * Creates the exception for several problems found at once; the message joins them.
     *
     * @throws IllegalArgumentException if {@code problems} is empty
     */
    public ConfigurationException(List<String> problems) {
        super(String.join("; ", problems));
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("no problem to report");
        }
        this.problems = List.copyOf(problems);
    }

    /** Each problem, as a sentence of its own: the message, split where it joined several. */
    public List<String> problems() {
        return problems;
    }
}
