package dev.arsenal.spi;

import java.util.Objects;
import java.util.Optional;

/**
 * Whether a provider can run here, and if not, why. After Netty's {@code isAvailable} /
 * {@code unavailabilityCause}: the cause is kept, never swallowed, and shown to people as one
 * line.
 */
public final class Availability {
    private static final Availability AVAILABLE = new Availability(true, "", null);

    private final boolean available;
    private final String cause;
    private final Throwable error;

    private Availability(boolean available, String cause, Throwable error) {
        this.available = available;
        this.cause = cause;
        this.error = error;
    }

    /** The provider can run. */
    public static Availability available() {
        return AVAILABLE;
    }

    /** The provider cannot run, for the stated reason ("libxxhash.so.0 not found"). */
    public static Availability unavailable(String cause) {
        return new Availability(false, Objects.requireNonNull(cause, "cause"), null);
    }

    /** The provider cannot run; {@code error} is what was thrown while probing (kept, not logged). */
    public static Availability unavailable(String cause, Throwable error) {
        return new Availability(false, Objects.requireNonNull(cause, "cause"), error);
    }

    /** Whether the provider can run. */
    public boolean isAvailable() {
        return available;
    }

    /** Why the provider cannot run; empty when it can. */
    public String cause() {
        return cause;
    }

    /** The throwable behind the cause, if there was one. */
    public Optional<Throwable> error() {
        return Optional.ofNullable(error);
    }

    @Override
    public String toString() {
        return available ? "available" : "unavailable: " + cause;
    }
}
