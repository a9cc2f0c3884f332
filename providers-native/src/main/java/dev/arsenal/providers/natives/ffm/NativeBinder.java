package dev.arsenal.providers.natives.ffm;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SequencedSet;

/**
 * Binds one library's functions into a record of method handles, from what the record's
 * components declare: each {@link MethodHandle} component carries its function's prototype in
 * {@link Symbol @Symbol}, and this reflects over the components, looks every symbol up, makes the
 * downcall handles and calls the canonical constructor. Nothing pairs names and handles by
 * position, and a function's name and signature are written once.
 *
 * <pre>{@code
 * record Handles(
 *         @Symbol("size_t ZSTD_compressBound(size_t srcSize)") MethodHandle compressBound,
 *         @Symbol("unsigned ZSTD_isError(size_t code)") MethodHandle isError,
 *         NativeBinding<Dictionaries> dictionaries) {}
 *
 * static final NativeBinder LIBZSTD = new NativeBinder("libzstd", Version.number("ZSTD_versionNumber", 10400));
 * NativeBinding<Handles> b = LIBZSTD.bind(PATH_PROPERTY, path, NativeLibrary.names("zstd", "1"), Handles.class);
 * }</pre>
 *
 * <p>In order: the {@link Version} function is looked up and called (a library that lacks it is
 * never called: "libxxhash at libz.so.1 lacks the symbol XXH_versionNumber (and 16 more): not
 * libxxhash, or older than 0.8.0"), the version is checked ("liblz4 1.8.0 at liblz4.so.1 is older
 * than 1.8.2"), then every function the record requires is looked up ("libzstd 1.5.5 at
 * libzstd.so.1 lacks the symbol ZSTD_decompressBound"). Any of these refuses the library: the
 * binding is {@linkplain NativeBinding#unavailable unavailable} with that one-line cause, which is
 * the provider's, and the library is unloaded. The handles call global-scope addresses of the
 * symbols, so that a call acquires no arena session; the library then stays loaded for good.
 *
 * <p><b>Optional functions</b>, which some builds or versions of a library lack, are a group: a
 * component of type {@code NativeBinding<G>}, where {@code G} is a record of {@code @Symbol}
 * handles like the outer one. The group is bound when all its functions are there; otherwise it
 * is {@linkplain NativeBinding#unavailable unavailable} with the cause ("libzstd 1.5.5 at
 * libzstd.so.1 lacks the symbol ZDICT_trainFromBuffer") and the library itself still binds. A
 * group has no version of its own; it may hold groups.
 *
 * <p>A record this cannot read (a handle without {@code @Symbol}, a prototype with an unknown type,
 * a component of another type) is a programming error: binding throws {@link
 * IllegalArgumentException} naming the component, which {@link NativeBinding#bind} reports as the
 * provider's cause. {@link #verify} checks a record without any library.
 */
@SuppressWarnings("restricted") // binding functions is this class's job
public final class NativeBinder {
    private static final Linker LINKER = Linker.nativeLinker();
    private static final Linker.Option[] PLAIN = {};
    private static final Linker.Option[] CRITICAL = {Linker.Option.critical(true)};

    private final String library;
    private final Version version;
    private final Map<String, MemoryLayout> types;

    /**
     * A binder of {@code library} ("liblz4", for messages and the binding's description), which
     * says and checks its version as {@code version} says.
     */
    public NativeBinder(String library, Version version) {
        this(library, version, Map.of());
    }

    private NativeBinder(String library, Version version, Map<String, MemoryLayout> types) {
        this.library = library;
        this.version = version;
        this.types = types;
    }

    /**
     * This binder, knowing one more type name for prototypes: a typedef of a scalar ({@code
     * "XXH64_hash_t"}, {@code JAVA_LONG}) or a struct returned by value ({@code "XXH128_hash_t"},
     * its {@link java.lang.foreign.StructLayout}).
     */
    public NativeBinder withType(String name, MemoryLayout layout) {
        Map<String, MemoryLayout> t = new HashMap<>(types);
        t.put(name, layout);
        return new NativeBinder(library, version, Map.copyOf(t));
    }

    /**
     * This binder, knowing {@code name} as another name of {@code type}, a type prototypes already
     * know: a typedef ({@code "LZ4F_errorCode_t"}, {@code "size_t"}).
     *
     * @throws IllegalArgumentException if {@code type} is not known
     */
    public NativeBinder withType(String name, String type) {
        return withType(
                name,
                CFunction.layout(type, types)
                        .orElseThrow(() -> new IllegalArgumentException("unknown C type '" + type + "' for " + name)));
    }

    /** The library's name, as given. */
    public String library() {
        return library;
    }

    /**
     * Opens the library as {@link NativeLibrary#openConfigured} does (the file in {@code path}, the
     * value of {@code property}, else the first of {@code names} found) and binds {@code handles}
     * from it. Never throws.
     */
    public <H extends Record> NativeBinding<H> bind(
            String property, String path, List<String> names, Class<H> handles) {
        return bind(NativeLibrary.openConfigured(library, property, path, names), handles);
    }

    /**
     * Binds {@code handles} from {@code opened}, or says why not: the library's failure to load, a
     * refusal, or what binding threw. Never throws.
     */
    public <H extends Record> NativeBinding<H> bind(NativeLibrary.Result opened, Class<H> handles) {
        return NativeBinding.bind(library, opened, l -> bind(l, handles));
    }

    /**
     * Binds {@code handles} from {@code loaded}, as the class comment says; unloads the library
     * when it is refused.
     *
     * @throws IllegalArgumentException if {@code handles} is not a record this can bind (the
     *     library is left to the caller then)
     */
    public <H extends Record> NativeBinding<H> bind(NativeLibrary.Loaded loaded, Class<H> handles) {
        Shape<H> shape = shape(handles);
        Symbols symbols = new Symbols(loaded.lookup());
        String at = " at " + loaded.library();
        List<String> missing = symbols.missing(shape.required());
        Optional<String> versionFunction = versionFunction();
        if (versionFunction.isPresent() && symbols.find(versionFunction.get()).isEmpty()) {
            missing.remove(versionFunction.get());
            return refuse(
                    loaded,
                    library + at + " lacks the symbol " + versionFunction.get() + andMore(missing.size()) + ": "
                            + notThis());
        }
        Optional<Read> read = versionFunction.map(f -> read(symbols.find(f).orElseThrow()));
        String named = library + read.map(v -> " " + v.text()).orElse("");
        if (read.isPresent() && !read.get().accepted()) {
            return refuse(loaded, named + at + " " + refusal());
        }
        if (!missing.isEmpty()) {
            return refuse(
                    loaded,
                    named + at + " lacks the symbol " + missing.getFirst() + andMore(missing.size() - 1)
                            + (read.isEmpty() ? ": " + notThis() : ""));
        }
        String description = named + " (" + loaded.library() + ")";
        // The arena stays open: the library is never unloaded while the handles may be used.
        return NativeBinding.available(construct(shape, symbols, named + at, description), description);
    }

    /**
     * Checks that {@code handles} is a record this can bind, every prototype included, without a
     * library.
     *
     * @throws IllegalArgumentException naming the first component that is not
     */
    public void verify(Class<? extends Record> handles) {
        shape(handles);
    }

    private static <H> NativeBinding<H> refuse(NativeLibrary.Loaded loaded, String cause) {
        loaded.arena().close();
        return NativeBinding.unavailable(cause, null);
    }

    private static String andMore(int more) {
        return more > 0 ? " (and " + more + " more)" : "";
    }

    /** Calls the version function at {@code function}: its answer in words, and whether it is accepted. */
    private Read read(MemorySegment function) {
        try {
            return switch (version) {
                case Numbered n -> {
                    int v = (int) LINKER.downcallHandle(function, FunctionDescriptor.of(ValueLayout.JAVA_INT))
                            .invokeExact();
                    yield new Read(Numbered.text(v), v >= n.oldest() && v < n.below());
                }
                case Text t -> {
                    MemorySegment s =
                            (MemorySegment) LINKER.downcallHandle(function, FunctionDescriptor.of(ValueLayout.ADDRESS))
                                    .invokeExact();
                    String text = s.equals(MemorySegment.NULL)
                            ? "?"
                            : s.reinterpret(256).getString(0);
                    yield new Read(text, text.startsWith(t.prefix()));
                }
                case Unversioned u -> throw new IllegalStateException("no version function");
            };
        } catch (Throwable t) {
            throw NativeLibrary.rethrow(t);
        }
    }

    /** The record of {@code shape}, its handles made from {@code symbols}, its groups bound or not. */
    private <R> R construct(Shape<R> shape, Symbols symbols, String namedAt, String description) {
        Object[] args = new Object[shape.parts().size()];
        for (int i = 0; i < args.length; i++) {
            args[i] = switch (shape.parts().get(i)) {
                case Function f ->
                    LINKER.downcallHandle(
                            symbols.find(f.function().name()).orElseThrow(),
                            f.function().descriptor(),
                            f.critical() ? CRITICAL : PLAIN);
                case Group g -> {
                    List<String> missing = symbols.missing(g.shape().required());
                    yield missing.isEmpty()
                            ? NativeBinding.available(construct(g.shape(), symbols, namedAt, description), description)
                            : NativeBinding.unavailable(
                                    namedAt + " lacks the symbol " + missing.getFirst() + andMore(missing.size() - 1),
                                    null);
                }
            };
        }
        try {
            return shape.constructor().newInstance(args);
        } catch (InvocationTargetException e) {
            throw NativeLibrary.rethrow(e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(
                    "cannot construct " + name(shape.constructor().getDeclaringClass()), e);
        }
    }

    /** What a record binds, read from its components; throws for what this cannot bind. */
    private <R> Shape<R> shape(Class<R> type) {
        if (!type.isRecord()) {
            throw new IllegalArgumentException(name(type) + " is not a record");
        }
        RecordComponent[] components = type.getRecordComponents();
        Map<String, CFunction> declared = new HashMap<>();
        for (RecordComponent c : components) {
            Symbol s = c.getAnnotation(Symbol.class);
            if (s != null && c.getType() == MethodHandle.class && !s.value().isEmpty()) {
                try {
                    declared.put(c.getName(), CFunction.parse(s.value(), types));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(where(type, c) + e.getMessage(), e);
                }
            }
        }
        List<Part> parts = new ArrayList<>();
        Class<?>[] parameters = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            RecordComponent c = components[i];
            parameters[i] = c.getType();
            parts.add(part(type, c, declared));
        }
        try {
            Constructor<R> constructor = type.getDeclaredConstructor(parameters);
            constructor.setAccessible(true); // a package-private record of this module
            return new Shape<>(constructor, List.copyOf(parts));
        } catch (NoSuchMethodException e) {
            throw new IllegalArgumentException(name(type) + " has no canonical constructor", e);
        }
    }

    private Part part(Class<?> type, RecordComponent c, Map<String, CFunction> declared) {
        Symbol s = c.getAnnotation(Symbol.class);
        if (c.getType() == NativeBinding.class) {
            if (s != null) {
                throw new IllegalArgumentException(
                        where(type, c) + "@Symbol is for MethodHandle components, not an optional group");
            }
            if (c.getGenericType() instanceof ParameterizedType p
                    && p.getActualTypeArguments()[0] instanceof Class<?> group
                    && group.isRecord()) {
                return new Group(shape(group));
            }
            throw new IllegalArgumentException(
                    where(type, c) + "an optional group is a NativeBinding of a record of @Symbol handles");
        }
        if (c.getType() != MethodHandle.class) {
            throw new IllegalArgumentException(
                    where(type, c) + "a " + c.getType().getSimpleName()
                            + " is neither a MethodHandle with @Symbol nor a NativeBinding of a record of them");
        }
        if (s == null) {
            throw new IllegalArgumentException(where(type, c) + "a MethodHandle needs @Symbol with its C prototype");
        }
        if (s.value().isEmpty() == s.sameAs().isEmpty()) {
            throw new IllegalArgumentException(
                    where(type, c) + "@Symbol needs either a prototype or sameAs, and not both");
        }
        CFunction function = s.value().isEmpty() ? declared.get(s.sameAs()) : declared.get(c.getName());
        if (function == null) {
            throw new IllegalArgumentException(where(type, c) + "sameAs = \"" + s.sameAs()
                    + "\" names no MethodHandle component of this record with a prototype");
        }
        return new Function(function, s.critical());
    }

    private static String where(Class<?> type, RecordComponent c) {
        return name(type) + "." + c.getName() + ": ";
    }

    /** {@code Lz4FfmBindings.Handles} for a nested record, the simple name otherwise. */
    private static String name(Class<?> type) {
        String n = type.getName();
        return n.substring(n.lastIndexOf('.') + 1).replace('$', '.');
    }

    /** What a record binds: its canonical constructor and, per component in order, what fills it. */
    private record Shape<R>(Constructor<R> constructor, List<Part> parts) {
        /** The C names of the functions this record needs, once each, in order; not its groups'. */
        SequencedSet<String> required() {
            SequencedSet<String> names = new LinkedHashSet<>();
            for (Part p : parts) {
                if (p instanceof Function f) {
                    names.add(f.function().name());
                }
            }
            return names;
        }
    }

    private sealed interface Part permits Function, Group {}

    /** A handle on {@code function}, critical or not. */
    private record Function(CFunction function, boolean critical) implements Part {}

    /** An optional group: a {@code NativeBinding} of the record {@code shape}. */
    private record Group(Shape<?> shape) implements Part {}

    /** A library's symbols, each looked up once, as global-scope addresses. */
    private static final class Symbols {
        private final SymbolLookup lookup;
        private final Map<String, Optional<MemorySegment>> found = new HashMap<>();

        Symbols(SymbolLookup lookup) {
            this.lookup = lookup;
        }

        Optional<MemorySegment> find(String name) {
            return found.computeIfAbsent(name, n -> lookup.find(n).map(s -> MemorySegment.ofAddress(s.address())));
        }

        /** Those of {@code names} the library lacks, in order. */
        List<String> missing(SequencedSet<String> names) {
            List<String> missing = new ArrayList<>();
            for (String n : names) {
                if (find(n).isEmpty()) {
                    missing.add(n);
                }
            }
            return missing;
        }
    }

    /**
     * How a library says its version and which versions a binding accepts: a number ({@code int
     * LZ4_versionNumber(void)}: MAJOR × 10000 + MINOR × 100 + RELEASE), a string ({@code const
     * char* zlibVersion(void)}), or nothing (libdeflate has no such function).
     */
    public sealed interface Version permits Numbered, Text, Unversioned {
        /**
         * {@code int function(void)}, numbered as liblz4 and libzstd do, at least {@code oldest}
         * (same numbering): "liblz4 1.8.0 at liblz4.so.1 is older than 1.8.2".
         */
        static Version number(String function, int oldest) {
            return new Numbered(function, oldest, Integer.MAX_VALUE, "");
        }

        /**
         * {@code int function(void)}, from {@code oldest} to before {@code below}; outside, the
         * library "is not " {@code accepted} ("0.8.x, whose stable XXH3 ... this binding is
         * written for").
         */
        static Version number(String function, int oldest, int below, String accepted) {
            return new Numbered(function, oldest, below, accepted);
        }

        /**
         * {@code const char* function(void)}, a version string that starts with {@code prefix};
         * otherwise the library "is not " {@code accepted} ("zlib 1.x").
         */
        static Version text(String function, String prefix, String accepted) {
            return new Text(function, prefix, accepted);
        }

        /**
         * No version function: a library that lacks a symbol is "not {library}, or older than "
         * {@code oldest}, since nothing tells which.
         */
        static Version none(String oldest) {
            return new Unversioned(oldest);
        }
    }

    /** {@code int function(void)}; accepted from {@code oldest} to before {@code below}. */
    private record Numbered(String function, int oldest, int below, String accepted) implements Version {
        static String text(int version) {
            return (version / 10000) + "." + (version / 100 % 100) + "." + (version % 100);
        }
    }

    /** {@code const char* function(void)}; accepted when it starts with {@code prefix}. */
    private record Text(String function, String prefix, String accepted) implements Version {}

    /** No version function; {@code oldest} is the version whose symbols a binding needs. */
    private record Unversioned(String oldest) implements Version {}

    /** A version read: in words, and whether the binding accepts it. */
    private record Read(String text, boolean accepted) {}

    /** The version function's C name, if there is one. */
    private Optional<String> versionFunction() {
        return switch (version) {
            case Numbered n -> Optional.of(n.function());
            case Text t -> Optional.of(t.function());
            case Unversioned u -> Optional.empty();
        };
    }

    /** Why a version is not accepted, after "{library} {version} at {path} ". */
    private String refusal() {
        return switch (version) {
            case Numbered n ->
                n.accepted().isEmpty() ? "is older than " + Numbered.text(n.oldest()) : "is not " + n.accepted();
            case Text t -> "is not " + t.accepted();
            case Unversioned u -> throw new IllegalStateException("no version to refuse");
        };
    }

    /** What a library without the version function, or lacking a symbol with no version known, is. */
    private String notThis() {
        return switch (version) {
            case Numbered n -> "not " + library + ", or older than " + Numbered.text(n.oldest());
            case Text t -> "not " + library;
            case Unversioned u -> "not " + library + ", or older than " + u.oldest();
        };
    }
}
