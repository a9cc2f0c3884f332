package dev.arsenal.launcher;

/** A command line that cannot be run; the message says what was wrong. */
final class UsageException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    UsageException(String message) {
        super(message);
    }
}
