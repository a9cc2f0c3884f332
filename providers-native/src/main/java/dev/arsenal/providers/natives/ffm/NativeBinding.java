package dev.arsenal.providers.natives.ffm;

import dev.arsenal.spi.Availability;
import java.util.function.Function;

/**
 * The outcome of binding one family's native library (liblz4, libzstd, libdeflate and zlib,
 * libxxhash): its bound functions, or none and why not. Each family binds once per class loader,
 * in a holder's {@code static final}, and binding never throws: a failure is an {@link
 * Availability} with a one-line cause, and only a caller that {@linkplain #require requires} the
 * handles of an unavailable library gets an exception. {@link NativeBinder} makes them from a
 * record's declarations; an optional group of functions inside such a record is one too.
 *
 * @param handles the family's bound functions, a record, so that its fields fold to constants when
 *     reached from the holder; null when unavailable
 * @param availability available, or the one-line cause
 * @param library what was loaded (a name or a path) and its version, for the provider's
 *     description; empty when unavailable
 * @param <H> the family's record of method handles
 */
public record NativeBinding<H>(H handles, Availability availability, String library) {
    /** A library bound: {@code handles}, and {@code library}, what was loaded. */
    public static <H> NativeBinding<H> available(H handles, String library) {
        return new NativeBinding<>(handles, Availability.available(), library);
    }

    /** Not bound, because of {@code cause}; {@code error} is the JDK's exception, or null. */
    public static <H> NativeBinding<H> unavailable(String cause, Throwable error) {
        return new NativeBinding<>(
                null, error == null ? Availability.unavailable(cause) : Availability.unavailable(cause, error), "");
    }

    /** Not bound, because the library did not open ({@link NativeLibrary.Failed#availability}). */
    public static <H> NativeBinding<H> failed(NativeLibrary.Failed failure) {
        return new NativeBinding<>(null, failure.availability(), "");
    }

    /**
     * Binds {@code opened} with {@code symbols}, which returns the binding or why not (closing the
     * library's arena then). What {@code symbols} throws is reported, not thrown, and the library is
     * unloaded.
     */
    public static <H> NativeBinding<H> bind(
            String what, NativeLibrary.Result opened, Function<NativeLibrary.Loaded, NativeBinding<H>> symbols) {
        return switch (opened) {
            case NativeLibrary.Failed f -> failed(f);
            case NativeLibrary.Loaded l -> {
                try {
                    yield symbols.apply(l);
                } catch (RuntimeException | Error e) {
                    if (l.arena().scope().isAlive()) {
                        l.arena().close();
                    }
                    yield unavailable("binding " + what + " at " + l.library() + " failed: " + e, e);
                }
            }
        };
    }

    /**
     * The handles.
     *
     * @throws IllegalStateException "{@code what} is unavailable: " and the cause, if not bound
     */
    public H require(String what) {
        H h = handles;
        if (h == null) {
            throw new IllegalStateException(what + " is unavailable: " + availability.cause());
        }
        return h;
    }
}
