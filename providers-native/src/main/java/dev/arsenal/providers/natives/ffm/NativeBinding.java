package dev.arsenal.providers.natives.ffm;

import dev.arsenal.spi.Availability;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The outcome of binding one family's native library (liblz4, libzstd, libdeflate and zlib,
 * libxxhash): its bound functions, or none and why not. Each family binds once per class loader,
 * in a holder's {@code static final}, and binding never throws: a failure is an {@link
 * Availability} with a one-line cause, and only a caller that {@linkplain #require requires} the
 * handles of an unavailable library gets an exception.
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
     * Opens {@code what} ("liblz4") as {@link NativeLibrary#openConfigured} does (the file in
     * {@code path}, the value of {@code property}, else the first of {@code names} found) and binds
     * it with {@code symbols}.
     */
    public static <H> NativeBinding<H> bind(
            String what,
            String property,
            String path,
            List<String> names,
            Function<NativeLibrary.Loaded, NativeBinding<H>> symbols) {
        return bind(what, NativeLibrary.openConfigured(what, property, path, names), symbols);
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
     * Binds a library that numbers its versions as liblz4 and libzstd do: the first of {@code names}
     * is its {@code int *_versionNumber(void)}, which answers MAJOR × 10000 + MINOR × 100 + RELEASE.
     * Refuses a library that lacks one of {@code names} or is older than {@code oldest} (same
     * numbering), closing its arena; otherwise gives the symbols, in the order of {@code names}, to
     * {@code handles} and keeps the arena open, since the handles may be used at any time.
     *
     * @param what the library's name ("liblz4"), for messages and the binding's description
     * @return the binding, described as "liblz4 1.9.4 (path)", or why not ("liblz4 at path lacks
     *     the symbol LZ4F_flush: not liblz4, or older than 1.8.2")
     */
    public static <H> NativeBinding<H> versioned(
            NativeLibrary.Loaded l, String what, int oldest, List<String> names, Function<MemorySegment[], H> handles) {
        List<String> missing = new ArrayList<>();
        Optional<MemorySegment[]> found = NativeLibrary.symbols(l.lookup(), missing, names.toArray(String[]::new));
        if (found.isEmpty()) {
            l.arena().close();
            return unavailable(
                    what + " at " + l.library() + " lacks the symbol " + missing.getFirst() + ": not " + what
                            + ", or older than " + versionText(oldest),
                    null);
        }
        int version;
        try {
            version = (int) Linker.nativeLinker()
                    .downcallHandle(found.get()[0], FunctionDescriptor.of(ValueLayout.JAVA_INT))
                    .invokeExact();
        } catch (Throwable t) {
            throw NativeLibrary.rethrow(t);
        }
        if (version < oldest) {
            l.arena().close();
            return unavailable(
                    what + " " + versionText(version) + " at " + l.library() + " is older than " + versionText(oldest),
                    null);
        }
        return available(handles.apply(found.get()), what + " " + versionText(version) + " (" + l.library() + ")");
    }

    private static String versionText(int version) {
        return (version / 10000) + "." + (version / 100 % 100) + "." + (version % 100);
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
