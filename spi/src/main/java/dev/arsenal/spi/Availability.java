package dev.arsenal.spi;

import java.util.Objects;
import java.util.Optional;

/**
 * Whether a provider can run here, and if not, why. After Netty's {@code isAvailable} /
 * {@code unavailabilityCause}: the cause is kept, never swallowed, and shown to people as one
 * line.
 *
 * <p>Most unavailability is ordinary (a library not installed, a flag not given): the engine records
 * it and stays quiet. A provider that cannot run because a setting the user made is wrong (a library
 * path that does not load, native access enabled for Arsenal but not for a library it needs) says
 * so with {@link #misconfigured}, and the engine logs it as a WARNING.
 */
public final class Availability {
    private static final Availability AVAILABLE = new Availability(true, "", null, false);

    private final boolean available;
    private final String cause;
    private final Throwable error;
    private final boolean misconfigured;

    private Availability(boolean available, String cause, Throwable error, boolean misconfigured) {
        this.available = available;
        this.cause = cause;
        this.error = error;
        this.misconfigured = misconfigured;
    }

    /** The provider can run. */
    public static Availability available() {
        return AVAILABLE;
    }

    /** The provider cannot run, for the stated reason ("libxxhash.so.0 not found"). */
    public static Availability unavailable(String cause) {
        return new Availability(false, Objects.requireNonNull(cause, "cause"), null, false);
    }

    /** The provider cannot run; {@code error} is what was thrown while probing (kept, not logged). */
    public static Availability unavailable(String cause, Throwable error) {
        return new Availability(false, Objects.requireNonNull(cause, "cause"), error, false);
    }

    /**
     * The provider cannot run because a setting the user made is wrong, which they should fix: the
     * engine logs the cause as a WARNING (an ordinary {@link #unavailable} is only recorded).
     *
     * @param error what was thrown, or null
     */
    public static Availability misconfigured(String cause, Throwable error) {
        return new Availability(false, Objects.requireNonNull(cause, "cause"), error, true);
    }

    /** Whether the provider is unavailable because of a setting the user should fix. */
    public boolean isMisconfigured() {
        return misconfigured;
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
