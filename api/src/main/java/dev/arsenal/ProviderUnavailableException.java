package dev.arsenal;

/**
 * No provider can serve an algorithm as configured: the forced provider is unavailable, failed
 * its self-test or does not exist, or every candidate was excluded. The message carries the
 * cause from the decision record.
 */
public final class ProviderUnavailableException extends ArsenalException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception with a message that names the algorithm and the cause. */
    public ProviderUnavailableException(String message) {
        super(message);
    }
}
