package dev.arsenal;

/** The base of Arsenal's exceptions; its message always names what was wrong. */
public class ArsenalException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Creates an exception with a message. */
    public ArsenalException(String message) {
        super(message);
    }

    /** Creates an exception with a message and a cause. */
    public ArsenalException(String message, Throwable cause) {
        super(message, cause);
    }
}
