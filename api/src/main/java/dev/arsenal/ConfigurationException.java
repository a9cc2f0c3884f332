package dev.arsenal;

/** A configuration value that cannot be used; the message names the key, the value and its source. */
public final class ConfigurationException extends ArsenalException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception. */
    public ConfigurationException(String message) {
        super(message);
    }

    /** Creates the exception with the cause (for example an unreadable file). */
    public ConfigurationException(String message, Throwable cause) {
        super(message, cause);
    }
}
