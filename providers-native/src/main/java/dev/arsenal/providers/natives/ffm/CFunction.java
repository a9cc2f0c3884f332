package dev.arsenal.providers.natives.ffm;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.ValueLayout;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A C function read from its prototype ({@link Symbol#value}): its name, the symbol to look up,
 * and its {@link FunctionDescriptor}. The grammar is the small part of C that library headers use
 * for functions: {@code type name(type [name], ...)}, where a type is words and stars ({@code
 * const} ignored). See {@link Symbol} for what the types mean.
 *
 * @param name the C name, the symbol looked up
 * @param descriptor the signature the downcall handle is made with
 */
record CFunction(String name, FunctionDescriptor descriptor) {
    private static final Pattern PROTOTYPE =
            Pattern.compile("\\s*(?<head>[^(]*?)\\s*\\((?<params>[^()]*)\\)\\s*;?\\s*");
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    /** The scalar types every prototype may use, as this platform's C lays them out. */
    private static final Map<String, MemoryLayout> SCALARS = scalars();

    /**
     * Reads {@code prototype}, with {@code types} for the names that are not C's own.
     *
     * @throws IllegalArgumentException naming what could not be read, and why
     */
    static CFunction parse(String prototype, Map<String, MemoryLayout> types) {
        Matcher m = PROTOTYPE.matcher(prototype);
        if (!m.matches()) {
            throw new IllegalArgumentException(
                    "'" + prototype + "' is not a C prototype such as 'size_t strlen(const char* s)'");
        }
        List<String> head = tokens(m.group("head"));
        if (head.size() < 2 || !IDENTIFIER.matcher(head.getLast()).matches()) {
            throw new IllegalArgumentException("'" + prototype + "' needs a return type and a function name");
        }
        String name = head.getLast();
        Optional<MemoryLayout> returns = type(head.subList(0, head.size() - 1), false, types, prototype);
        List<MemoryLayout> args = new ArrayList<>();
        String params = m.group("params").strip();
        if (!params.isEmpty() && !params.equals("void")) {
            for (String param : params.split(",", -1)) {
                List<String> t = tokens(param);
                if (t.equals(List.of("..."))) {
                    throw new IllegalArgumentException("'" + prototype + "' is variadic, which is not supported");
                }
                args.add(type(t, true, types, prototype)
                        .orElseThrow(() -> new IllegalArgumentException(
                                "'" + prototype + "' has a void parameter; write (void) for none")));
            }
        }
        MemoryLayout[] a = args.toArray(MemoryLayout[]::new);
        return new CFunction(
                name, returns.map(r -> FunctionDescriptor.of(r, a)).orElseGet(() -> FunctionDescriptor.ofVoid(a)));
    }

    /**
     * The layout of the type in {@code tokens}, empty for {@code void}; for a parameter ({@code
     * named}), the last word may be its name.
     */
    private static Optional<MemoryLayout> type(
            List<String> tokens, boolean named, Map<String, MemoryLayout> types, String prototype) {
        List<String> words = tokens.stream()
                .filter(t -> !t.equals("const") && !t.equals("volatile"))
                .toList();
        if (words.isEmpty() || words.getFirst().equals("*")) {
            throw new IllegalArgumentException("'" + prototype + "' has a parameter or result without a type");
        }
        if (words.contains("*")) {
            return Optional.of(ValueLayout.ADDRESS);
        }
        Optional<MemoryLayout> whole = layout(String.join(" ", words), types);
        if (whole.isPresent() || words.equals(List.of("void"))) {
            return whole;
        }
        if (named && words.size() > 1) {
            List<String> type = words.subList(0, words.size() - 1);
            Optional<MemoryLayout> unnamed = layout(String.join(" ", type), types);
            if (unnamed.isPresent()) {
                return unnamed;
            }
            words = type;
        }
        throw new IllegalArgumentException("'" + prototype + "': unknown C type '" + String.join(" ", words)
                + "' (a pointer, a C scalar, enum E, or a type given to NativeBinder.withType)");
    }

    /** The layout of the type named {@code type}, a C scalar or enum or one of {@code types}, if known. */
    static Optional<MemoryLayout> layout(String type, Map<String, MemoryLayout> types) {
        MemoryLayout layout = types.get(type);
        if (layout == null) {
            layout = SCALARS.get(type);
        }
        if (layout == null
                && type.startsWith("enum ")
                && IDENTIFIER.matcher(type.substring(5)).matches()) {
            layout = ValueLayout.JAVA_INT; // an enum whose values fit in an int is one on every ABI bound here
        }
        return Optional.ofNullable(layout);
    }

    /** Words, and each {@code *} as a token of its own. */
    private static List<String> tokens(String text) {
        List<String> tokens = new ArrayList<>();
        for (String word : text.replace("*", " * ").strip().split("\\s+")) {
            if (!word.isEmpty()) {
                tokens.add(word);
            }
        }
        return tokens;
    }

    private static Map<String, MemoryLayout> scalars() {
        Map<String, MemoryLayout> c = Linker.nativeLinker().canonicalLayouts();
        Map<String, MemoryLayout> s = new HashMap<>();
        for (String t : List.of("char", "short", "int", "long", "long long")) {
            for (String sign : List.of("", "signed ", "unsigned ")) {
                s.put(sign + t, c.get(t));
            }
        }
        s.put("signed", c.get("int"));
        s.put("unsigned", c.get("int"));
        for (String t : List.of("bool", "float", "double", "size_t", "wchar_t")) {
            s.put(t, c.get(t));
        }
        for (int bits : new int[] {8, 16, 32, 64}) {
            s.put("int" + bits + "_t", c.get("int" + bits + "_t"));
            s.put("uint" + bits + "_t", c.get("int" + bits + "_t"));
        }
        s.values().removeIf(Objects::isNull); // a name this platform's linker does not have
        return Map.copyOf(s);
    }
}
