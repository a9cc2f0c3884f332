package dev.arsenal.providers.natives.ffm;

import dev.arsenal.spi.Availability;
import dev.arsenal.spi.NativeAccess;
import java.lang.foreign.Arena;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Opens a system library for FFM bindings, the same way for every family (libxxhash, libzstd,
 * ...): the file a system property names, if set, else the first of the platform's names the
 * dynamic loader finds. Never throws: a failure is a one-line cause with the loader's own message
 * ("file too short", "wrong ELF class", "cannot open shared object file"), and a JVM without native
 * access for this module says which flag to add. Nothing restricted is called unless native access
 * is enabled ({@link NativeAccess}), so a JVM on default flags prints no warning because of Arsenal.
 */
@SuppressWarnings("restricted") // opening libraries is this class's job
public final class NativeLibrary {
    private NativeLibrary() {}

    /** The outcome of opening a library. */
    public sealed interface Result permits Loaded, Failed {}

    /**
     * A library loaded: its symbols, the arena that keeps it loaded (close it to unload, only while
     * no handle bound to it can be called), and what was loaded (a name or a path).
     */
    public record Loaded(SymbolLookup lookup, Arena arena, String library) implements Result {}

    /**
     * Why the library could not be loaded, and the JDK's exception if there was one; {@code
     * misconfigured} when a setting the user made is at fault (a configured path that does not
     * load), which the provider reports with {@link Availability#misconfigured}.
     */
    public record Failed(String cause, Throwable error, boolean misconfigured) implements Result {
        /** A failure that is not the user's setting. */
        public Failed(String cause, Throwable error) {
            this(cause, error, false);
        }

        /** This failure as a provider's availability. */
        public Availability availability() {
            return misconfigured ? Availability.misconfigured(cause, error) : Availability.unavailable(cause, error);
        }
    }

    /**
     * Opens {@code what} ("libzstd") from the path in {@code path} (the value of the system
     * property {@code property}) when it is set and not blank, else from the first of {@code
     * names} the loader finds.
     */
    public static Result openConfigured(String what, String property, String path, List<String> names) {
        if (path != null && !path.isBlank()) {
            String origin = " (from " + property + ")";
            Path file;
            try {
                file = Path.of(path.strip());
            } catch (InvalidPathException e) {
                return new Failed(
                        what + " not loaded: '" + path + "'" + origin + " is not a path: " + e.getMessage(), e, true);
            }
            // The user named this file: a failure to load it (native access not enabled included) is
            // theirs to fix, not a library that happens to be missing.
            Result opened = open(what, file, origin);
            return opened instanceof Failed f ? new Failed(f.cause(), f.error(), true) : opened;
        }
        return openFirst(what, names);
    }

    /** Opens {@code what} from the file at {@code path}; {@code origin} says where the path came from. */
    public static Result open(String what, Path path, String origin) {
        Optional<String> refused = NativeAccess.refusal(NativeLibrary.class.getModule(), what);
        if (refused.isPresent()) {
            return new Failed(refused.get(), null);
        }
        try {
            if (!Files.exists(path)) {
                return new Failed(what + " not found: " + path + origin + " does not exist", null);
            }
            Arena arena = Arena.ofShared();
            Attempt attempt = attempt(path.toString(), () -> SymbolLookup.libraryLookup(path, arena));
            if (attempt.lookup() == null) {
                arena.close();
                return new Failed(
                        what + " at " + path + origin + " could not be loaded (wrong architecture, or not a"
                                + " shared library): " + attempt.failure(),
                        attempt.error());
            }
            return new Loaded(attempt.lookup(), arena, path.toString());
        } catch (IllegalCallerException e) {
            return nativeAccessDenied(what, e);
        } catch (RuntimeException | Error e) {
            return new Failed("binding " + what + " at " + path + origin + " failed: " + e, e);
        }
    }

    /**
     * Opens the first of {@code names} the system loader finds ({@code dlopen} search: {@code
     * LD_LIBRARY_PATH}, the ld.so cache, the default directories).
     */
    public static Result openFirst(String what, List<String> names) {
        Optional<String> refused = NativeAccess.refusal(NativeLibrary.class.getModule(), what);
        if (refused.isPresent()) {
            return new Failed(refused.get(), null);
        }
        try {
            List<String> tried = new ArrayList<>();
            Throwable last = null;
            for (String name : names) {
                Arena arena = Arena.ofShared();
                Attempt attempt = attempt(name, () -> SymbolLookup.libraryLookup(name, arena));
                if (attempt.lookup() != null) {
                    return new Loaded(attempt.lookup(), arena, name);
                }
                arena.close();
                last = attempt.error();
                tried.add(attempt.failure().contains(name) ? attempt.failure() : name + ": " + attempt.failure());
            }
            return new Failed(what + " not found; tried " + String.join("; ", tried), last);
        } catch (IllegalCallerException e) {
            return nativeAccessDenied(what, e);
        } catch (RuntimeException | Error e) {
            return new Failed("binding " + what + " failed: " + e, e);
        }
    }

    /**
     * The file names of library {@code base} ("zstd") with the major version {@code major} ("1")
     * on this OS: {@code libzstd.so.1}, {@code libzstd.so} on Linux; {@code libzstd.dylib},
     * {@code libzstd.1.dylib} on macOS.
     */
    public static List<String> names(String base, String major) {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        if (os.startsWith("mac") || os.startsWith("darwin")) {
            return List.of("lib" + base + ".dylib", "lib" + base + "." + major + ".dylib");
        }
        return List.of("lib" + base + ".so." + major, "lib" + base + ".so");
    }

    private static Failed nativeAccessDenied(String what, IllegalCallerException e) {
        Module module = NativeLibrary.class.getModule();
        String target = module.isNamed() ? module.getName() : "ALL-UNNAMED";
        return new Failed(
                "native access denied, " + what + " not loaded: start the JVM with --enable-native-access=" + target
                        + " (" + e.getMessage() + ")",
                e);
    }

    /** Rethrows what {@code invokeExact} threw: unchecked as is, anything else wrapped. */
    public static RuntimeException rethrow(Throwable t) {
        if (t instanceof RuntimeException e) {
            return e;
        }
        if (t instanceof Error e) {
            throw e;
        }
        return new IllegalStateException(t);
    }

    /** One attempt to open a library: the lookup, or the loader's message and the JDK's exception. */
    private record Attempt(SymbolLookup lookup, String failure, Throwable error) {}

    /**
     * Opens a library by name or path. Where the C library has {@code dlopen} (Linux, macOS), it
     * is called first, through FFM: a failure then carries the dynamic loader's own message ("file
     * too short", "wrong ELF class: ELFCLASS32", "cannot open shared object file: No such file or
     * directory"), where the JDK says only "Cannot open library", and HotSpot's loader, which
     * prints a stack-guard warning for some non-libraries, never sees the file. On success the JDK
     * opens it again (the loader counts references; nothing runs twice) and the first handle is
     * closed.
     */
    private static Attempt attempt(String library, Supplier<SymbolLookup> jdkLookup) {
        Optional<Dl> dl = Dl.find();
        MemorySegment handle = MemorySegment.NULL;
        if (dl.isPresent()) {
            handle = dl.get().open(library);
            if (handle.equals(MemorySegment.NULL)) {
                return new Attempt(null, dl.get().error().orElse("Cannot open library " + library), null);
            }
        }
        try {
            return new Attempt(jdkLookup.get(), "", null);
        } catch (IllegalArgumentException e) {
            return new Attempt(null, e.getMessage(), e);
        } finally {
            if (dl.isPresent()) {
                dl.get().close(handle);
            }
        }
    }

    /** {@code dlopen}, {@code dlerror} and {@code dlclose} from the C library. */
    private record Dl(
            @Symbol("void* dlopen(const char* filename, int flags)")
            MethodHandle dlopen,

            @Symbol("char* dlerror(void)") MethodHandle dlerror,
            @Symbol("int dlclose(void* handle)") MethodHandle dlclose) {
        private static final int RTLD_LAZY = 1; // the same on Linux and macOS

        /** The C library's functions, bound on the first attempt to open a library. */
        private static final class Holder {
            static final Optional<Dl> DL = Optional.ofNullable(new NativeBinder(
                            "the C library", NativeBinder.Version.none("POSIX"))
                    .bind(
                            new Loaded(Linker.nativeLinker().defaultLookup(), Arena.ofShared(), "the C library"),
                            Dl.class)
                    .handles());
        }

        /** Empty where the C library has no {@code dlopen} (Windows). */
        static Optional<Dl> find() {
            return Holder.DL;
        }

        /** {@code dlopen(library, RTLD_LAZY)}: a handle, or {@link MemorySegment#NULL}. */
        MemorySegment open(String library) {
            try (Arena arena = Arena.ofConfined()) {
                return (MemorySegment) dlopen.invokeExact(arena.allocateFrom(library), RTLD_LAZY);
            } catch (Throwable t) {
                throw rethrow(t);
            }
        }

        /** {@code dlerror()}: the message of the last failure on this thread, if any. */
        Optional<String> error() {
            try {
                MemorySegment message = (MemorySegment) dlerror.invokeExact();
                return message.equals(MemorySegment.NULL)
                        ? Optional.empty()
                        : Optional.of(message.reinterpret(Integer.MAX_VALUE).getString(0));
            } catch (Throwable t) {
                throw rethrow(t);
            }
        }

        /** {@code dlclose(handle)} unless it is {@link MemorySegment#NULL}. */
        void close(MemorySegment handle) {
            if (handle.equals(MemorySegment.NULL)) {
                return;
            }
            try {
                int ignored = (int) dlclose.invokeExact(handle);
            } catch (Throwable t) {
                throw rethrow(t);
            }
        }
    }
}
