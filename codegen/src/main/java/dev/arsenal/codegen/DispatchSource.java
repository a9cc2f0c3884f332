package dev.arsenal.codegen;

import dev.arsenal.codegen.DispatchedInterface.Kind;
import dev.arsenal.codegen.DispatchedInterface.Method;
import dev.arsenal.codegen.DispatchedInterface.Parameter;
import dev.arsenal.codegen.DispatchedInterface.Tier;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.type.WildcardType;

/**
 * The text of the generated classes. Written to be read (it lands in {@code
 * target/generated-sources/annotations} and in stack traces): imports instead of qualified names,
 * one statement per line, the route of every method visible in its body.
 */
final class DispatchSource {
    /** Names the generated classes use for themselves; an interface method of these names clashes. */
    static final Set<String> RESERVED = Set.of("small", "large", "crossover", "source", "held");

    /** The longest lines written where a line can be broken, as the project's formatter keeps them. */
    private static final int CODE_WIDTH = 120;

    private static final int DOC_WIDTH = 100;

    private static final String GENERATOR = "dev.arsenal.codegen.DispatchProcessor";

    private final String packageName;

    /** The leased types by qualified name: what a live object returns of these is wrapped. */
    private final Map<String, DispatchedInterface> leased = new HashMap<>();

    DispatchSource(String packageName, List<DispatchedInterface> leased) {
        this.packageName = packageName;
        leased.forEach(l -> this.leased.put(l.qualifiedName(), l));
    }

    /** The leased type {@code m} returns, if it returns one. */
    private java.util.Optional<DispatchedInterface> leasedReturn(Method m) {
        if (!(m.returnType() instanceof DeclaredType d)) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.ofNullable(
                leased.get(((TypeElement) d.asElement()).getQualifiedName().toString()));
    }

    /**
     * The call {@code target.name(args)}, wrapped in the leased type's class when {@code m} returns
     * one: {@code new LeasedX(source.lease(target), target.name(args))}.
     */
    private String call(Method m, String target, String args) {
        String call = target + "." + m.name() + "(" + args + ")";
        return leasedReturn(m)
                .map(l -> "new " + l.leasedName() + "(" + field("source", m) + ".lease(" + target + "), " + call + ")")
                .orElse(call);
    }

    /** The record that routes between two fixed objects. */
    String tiered(DispatchedInterface i) {
        Imports imports = new Imports(packageName);
        String type = imports.name(i.qualifiedName());
        String objects = imports.name("java.util.Objects");
        String name = i.tieredName();
        StringBuilder b = new StringBuilder();
        b.append("/**\n");
        b.append(" * A {@link ").append(type).append("} that routes each call by input size: inputs shorter than\n");
        b.append(" * {@code crossover} bytes go to {@code small}, the rest to {@code large}. Both compute the same\n");
        b.append(
                " * function (their self-tests passed), so the result does not depend on the route; the cost is one\n");
        b.append(" * comparison. A record, so that HotSpot trusts its final fields: held in a {@code static final}\n");
        b.append(" * field, the routing folds to the comparison.\n");
        routes(b, i);
        generatedBy(b, type);
        b.append(" */\n");
        String header = "record " + name + "(" + type + " small, " + type + " large, int crossover)";
        String implementing = "implements " + type + ", Tiered<" + type + "> {";
        b.append(header)
                .append(header.length() + implementing.length() < CODE_WIDTH ? " " : "\n        ")
                .append(implementing)
                .append('\n');
        b.append("    /** Both tiers are required; a crossover of 0 sends everything sized to {@code large}. */\n");
        b.append("    ").append(name).append(" {\n");
        b.append("        ").append(objects).append(".requireNonNull(small, \"small\");\n");
        b.append("        ").append(objects).append(".requireNonNull(large, \"large\");\n");
        b.append("        if (crossover < 0) {\n");
        b.append("            throw new IllegalArgumentException(\"negative crossover: \" + crossover);\n");
        b.append("        }\n");
        b.append("    }\n");
        for (Method m : i.methods()) {
            b.append('\n');
            signature(b, imports, m);
            String args = arguments(m);
            String small = field("small", m) + "." + m.name() + "(" + args + ")";
            String large = field("large", m) + "." + m.name() + "(" + args + ")";
            String ret = m.returnsValue() ? "return " : "";
            switch (m.tier()) {
                case BY_SIZE -> {
                    String test = m.size().orElseThrow() + " < " + field("crossover", m);
                    if (m.returnsValue()) {
                        String line = "        return " + test + " ? " + small + " : " + large + ";";
                        b.append(
                                        line.length() <= CODE_WIDTH
                                                ? line
                                                : "        return " + test + "\n                ? " + small
                                                        + "\n                : " + large + ";")
                                .append('\n');
                    } else {
                        b.append("        if (").append(test).append(") {\n");
                        b.append("            ").append(small).append(";\n");
                        b.append("        } else {\n");
                        b.append("            ").append(large).append(";\n");
                        b.append("        }\n");
                    }
                }
                case SMALL -> b.append("        ").append(ret).append(small).append(";\n");
                case LARGE -> b.append("        ").append(ret).append(large).append(";\n");
            }
            b.append("    }\n");
        }
        b.append('\n');
        b.append("    @Override\n");
        b.append("    public String toString() {\n");
        b.append("        return small + \" below \" + crossover + \" bytes, else \" + large;\n");
        b.append("    }\n");
        b.append("}\n");
        return file(imports, b);
    }

    /** The class whose three fields the engine re-points. */
    String live(DispatchedInterface i) {
        Imports imports = new Imports(packageName);
        String type = imports.name(i.qualifiedName());
        String objects = imports.name("java.util.Objects");
        String name = i.liveName();
        StringBuilder b = new StringBuilder();
        b.append("/**\n");
        b.append(" * A {@link ").append(type).append("} that calls whatever its source chose last; the engine\n");
        b.append(" * {@linkplain #point points} it elsewhere when providers come or go. It routes by size as {@link\n");
        b.append(" * ")
                .append(i.tieredName())
                .append("} does (a single-provider choice has {@code small == large}), so that a call\n");
        b.append(" * costs what a tiered call costs: a comparison and one load of the chosen object, with no shared\n");
        b.append(
                " * counter and no lock. The fields are volatile, so a new choice is seen by the next call even in a\n");
        b.append(" * loop the JIT compiled; a call that read the old object finishes on it.\n");
        b.append(" *\n");
        b.append(" * <p>The three fields are written one after the other, so a call racing with {@link #point} may\n");
        b.append(" * pair the new crossover with the old object: harmless, since every candidate computes the same\n");
        b.append(" * function.\n");
        b.append(" *\n");
        b.append(" * <p>A call that began on a provider whose bundle has just been refreshed away can meet a class\n");
        b.append(" * the old class loader can no longer load: the {@link LinkageError} is then answered by running\n");
        b.append(" * the call once more on the current choice (after putting back the position of every {@code\n");
        b.append(" * ByteBuffer} argument), unless the choice has not changed or the call was given a stream.\n");
        b.append(" * A stream it returns stays with the provider that made it: it is wrapped in a {@code Leased}\n");
        b.append(" * class that fails with a {@code ProviderUnavailableException} naming that provider once the\n");
        b.append(" * provider has gone.\n");
        b.append(" *\n");
        b.append(" * <p>It holds its {@code source} strongly (and through it the runtime), while the runtime holds\n");
        b.append(" * it weakly: an object the application keeps keeps receiving new choices, and one it dropped\n");
        b.append(" * costs nothing.\n");
        routes(b, i);
        generatedBy(b, type);
        b.append(" */\n");
        b.append("final class ")
                .append(name)
                .append(" implements ")
                .append(type)
                .append(", Live<")
                .append(type)
                .append("> {\n");
        b.append("    private final Live.Source<").append(type).append("> source;\n\n");
        b.append("    private volatile ").append(type).append(" small;\n");
        b.append("    private volatile ").append(type).append(" large;\n");
        b.append("    private volatile int crossover;\n\n");
        b.append("    /** An object of {@code source}'s that calls {@code chosen} until pointed elsewhere. */\n");
        b.append("    ")
                .append(name)
                .append("(Live.Source<")
                .append(type)
                .append("> source, ")
                .append(type)
                .append(" chosen) {\n");
        b.append("        this.source = ").append(objects).append(".requireNonNull(source, \"source\");\n");
        b.append("        point(chosen);\n");
        b.append("    }\n\n");
        b.append("    @Override\n");
        b.append("    public Live.Source<").append(type).append("> source() {\n");
        b.append("        return source;\n");
        b.append("    }\n\n");
        b.append("    @Override\n");
        b.append("    public void point(").append(type).append(" chosen) {\n");
        b.append("        if (chosen instanceof ").append(i.tieredName()).append(" tiered) {\n");
        b.append("            small = tiered.small();\n");
        b.append("            large = tiered.large();\n");
        b.append("            crossover = tiered.crossover();\n");
        b.append("        } else {\n");
        b.append("            ").append(objects).append(".requireNonNull(chosen, \"chosen\");\n");
        b.append("            small = chosen;\n");
        b.append("            large = chosen;\n");
        b.append("            crossover = 0;\n");
        b.append("        }\n");
        b.append("    }\n\n");
        b.append(
                "    /** {@code now}, unless it is {@code failed}, which has just thrown {@code e}: then {@code e}. */\n");
        b.append("    private static ")
                .append(type)
                .append(" again(")
                .append(type)
                .append(" failed, ")
                .append(type)
                .append(" now, LinkageError e) {\n");
        b.append("        if (now == failed) {\n");
        b.append("            throw e;\n");
        b.append("        }\n");
        b.append("        return now;\n");
        b.append("    }\n");
        for (Method m : i.methods()) {
            b.append('\n');
            signature(b, imports, m);
            String args = arguments(m);
            String ret = m.returnsValue() ? "return " : "";
            String choice = switch (m.tier()) {
                case BY_SIZE ->
                    m.size().orElseThrow() + " < " + field("crossover", m) + " ? " + field("small", m) + " : "
                            + field("large", m);
                case SMALL -> field("small", m);
                case LARGE -> field("large", m);
            };
            Set<String> taken = m.parameters().stream().map(Parameter::name).collect(Collectors.toSet());
            String target = fresh("target", taken);
            if (!m.repeatable()) {
                b.append(
                        "        // Not repeated after a LinkageError: the call may have used the stream it was given.\n");
                if (leasedReturn(m).isPresent()) {
                    b.append("        ")
                            .append(type)
                            .append(' ')
                            .append(target)
                            .append(" = ")
                            .append(choice)
                            .append(";\n");
                    b.append("        ")
                            .append(ret)
                            .append(call(m, target, args))
                            .append(";\n");
                } else {
                    b.append("        ")
                            .append(ret)
                            .append(choice.contains("?") ? "(" + choice + ")" : choice)
                            .append('.')
                            .append(m.name())
                            .append('(')
                            .append(args)
                            .append(");\n");
                }
                b.append("    }\n");
                continue;
            }
            String error = fresh("e", taken);
            String now = fresh("now", taken);
            List<Parameter> buffers =
                    m.parameters().stream().filter(p -> p.kind() == Kind.BUFFER).toList();
            Map<String, String> positions = new HashMap<>();
            for (Parameter p : buffers) {
                String position = fresh(p.name() + "Position", taken);
                positions.put(p.name(), position);
                b.append("        int ")
                        .append(position)
                        .append(" = ")
                        .append(p.name())
                        .append(".position();\n");
            }
            b.append("        ")
                    .append(type)
                    .append(' ')
                    .append(target)
                    .append(" = ")
                    .append(choice)
                    .append(";\n");
            b.append("        try {\n");
            b.append("            ").append(ret).append(call(m, target, args)).append(";\n");
            b.append("        } catch (LinkageError ").append(error).append(") {\n");
            for (Parameter p : buffers) {
                b.append("            ")
                        .append(p.name())
                        .append(".position(")
                        .append(positions.get(p.name()))
                        .append(");\n");
            }
            b.append("            ")
                    .append(type)
                    .append(' ')
                    .append(now)
                    .append(" = again(")
                    .append(target)
                    .append(", ")
                    .append(choice)
                    .append(", ")
                    .append(error)
                    .append(");\n");
            b.append("            ").append(ret).append(call(m, now, args)).append(";\n");
            b.append("        }\n");
            b.append("    }\n");
        }
        b.append('\n');
        b.append("    @Override\n");
        b.append("    public String toString() {\n");
        b.append("        ").append(type).append(" s = small;\n");
        b.append("        ").append(type).append(" l = large;\n");
        b.append(
                "        return \"live \" + (s == l ? String.valueOf(l) : s + \" below \" + crossover + \" bytes, else \" + l);\n");
        b.append("    }\n");
        b.append("}\n");
        return file(imports, b);
    }

    /**
     * The object that stands for a provider's object not checked yet: its first call resolves it
     * (the engine probes and self-tests the provider then, and gives its object or a checked
     * stand-in), every later call goes to what the first resolved.
     */
    String pending(DispatchedInterface i) {
        Imports imports = new Imports(packageName);
        String type = imports.name(i.qualifiedName());
        String objects = imports.name("java.util.Objects");
        String supplier = imports.name("java.util.function.Supplier");
        String name = i.pendingName();
        StringBuilder b = new StringBuilder();
        b.append("/**\n");
        b.append(" * ")
                .append("AEIOU".indexOf(type.charAt(0)) >= 0 ? "An" : "A")
                .append(" {@link ")
                .append(type)
                .append("} whose provider is checked at its first call rather than before: the\n");
        b.append(" * engine hands it out as the bulk tier of a tiered object, so that a program whose first\n");
        b.append(" * inputs are small never loads the bulk provider's library nor runs its self-test. The first\n");
        b.append(" * call runs {@code resolve} once (the probe and the self-test, then the provider's object, or\n");
        b.append(" * the small tier's object if the provider failed: every candidate computes the same function);\n");
        b.append(" * every call goes to what it gave, for one volatile read more.\n");
        generatedBy(b, type);
        b.append(" */\n");
        b.append("final class ")
                .append(name)
                .append(" implements ")
                .append(type)
                .append(" {\n");
        b.append("    private final ").append(supplier).append("<").append(type).append("> resolve;\n");
        b.append("    private volatile ").append(type).append(" resolved;\n\n");
        b.append("    /** An object that {@code resolve} gives at its first call. */\n");
        b.append("    ")
                .append(name)
                .append("(")
                .append(supplier)
                .append("<")
                .append(type)
                .append("> resolve) {\n");
        b.append("        this.resolve = ").append(objects).append(".requireNonNull(resolve, \"resolve\");\n");
        b.append("    }\n\n");
        b.append("    /** What this object stands for, resolved at the first call. */\n");
        b.append("    private ").append(type).append(" resolved() {\n");
        b.append("        ").append(type).append(" r = resolved;\n");
        b.append("        return r != null ? r : resolve();\n");
        b.append("    }\n\n");
        b.append("    private synchronized ").append(type).append(" resolve() {\n");
        b.append("        ").append(type).append(" r = resolved;\n");
        b.append("        if (r == null) {\n");
        b.append("            r = ").append(objects).append(".requireNonNull(resolve.get(), \"resolved\");\n");
        b.append("            resolved = r;\n");
        b.append("        }\n");
        b.append("        return r;\n");
        b.append("    }\n");
        for (Method m : i.methods()) {
            b.append('\n');
            signature(b, imports, m);
            b.append("        ")
                    .append(m.returnsValue() ? "return " : "")
                    .append("resolved().")
                    .append(m.name())
                    .append('(')
                    .append(arguments(m))
                    .append(");\n");
            b.append("    }\n");
        }
        b.append('\n');
        b.append("    @Override\n");
        b.append("    public String toString() {\n");
        b.append("        ").append(type).append(" r = resolved;\n");
        b.append("        return r != null ? String.valueOf(r) : \"not checked yet\";\n");
        b.append("    }\n");
        b.append("}\n");
        return file(imports, b);
    }

    /**
     * The wrapper that binds a stateful object (a stream) to the providers that made it: every call
     * first asks the lease whether they are still here.
     */
    String leased(DispatchedInterface l) {
        Imports imports = new Imports(packageName);
        String type = imports.name(l.qualifiedName());
        String objects = imports.name("java.util.Objects");
        String name = l.leasedName();
        boolean closeable = l.methods().stream().anyMatch(DispatchSource::isClose);
        StringBuilder b = new StringBuilder();
        b.append("/**\n");
        b.append(" * ")
                .append("AEIOU".indexOf(type.charAt(0)) >= 0 ? "An" : "A")
                .append(" {@link ")
                .append(type)
                .append("} bound to the providers that made it, which a live object\n");
        b.append(" * returns in place of the provider's own: it forwards every call while its {@link Lease} holds,\n");
        b.append(" * and once one of those providers has gone (its bundle stopped, updated or uninstalled), it\n");
        b.append(" * drops the provider's object and fails every call with a {@code ProviderUnavailableException}\n");
        b.append(" * naming the provider, as it does for a {@link LinkageError} met in the provider's code. It\n");
        b.append(" * never moves to another provider: what the object held (a hash's state, a frame begun) would\n");
        b.append(" * be lost on the way.\n");
        if (closeable) {
            b.append(" *\n");
            b.append(
                    " * <p>{@code close()} after a {@code close()} that succeeded does nothing, as the JDK's streams\n");
            b.append(" * do, even once the provider has gone.\n");
        }
        generatedBy(b, type);
        b.append(" */\n");
        b.append("final class ")
                .append(name)
                .append(l.isClass() ? " extends " : " implements ")
                .append(type)
                .append(" {\n");
        b.append("    private final Lease lease;\n");
        b.append("    private ").append(type).append(" held;\n");
        if (closeable) {
            b.append("    private boolean closed;\n");
        }
        b.append('\n');
        b.append("    /** {@code held}, made by the providers of {@code lease}. */\n");
        b.append("    ").append(name).append("(Lease lease, ").append(type).append(" held) {\n");
        b.append("        this.lease = ").append(objects).append(".requireNonNull(lease, \"lease\");\n");
        b.append("        this.held = ").append(objects).append(".requireNonNull(held, \"held\");\n");
        b.append("    }\n\n");
        b.append("    /** The provider's object while the lease holds; else it is dropped, and the call fails. */\n");
        b.append("    private ").append(type).append(" held() {\n");
        b.append("        ").append(type).append(" h = held;\n");
        b.append("        if (h == null || !lease.holds()) {\n");
        b.append("            held = null;\n");
        b.append("            throw lease.ended(\"").append(l.simpleName()).append("\");\n");
        b.append("        }\n");
        b.append("        return h;\n");
        b.append("    }\n");
        for (Method m : l.methods()) {
            b.append('\n');
            signature(b, imports, m);
            Set<String> taken = m.parameters().stream().map(Parameter::name).collect(Collectors.toSet());
            String h = fresh("h", taken);
            String error = fresh("e", taken);
            boolean close = isClose(m);
            if (close) {
                b.append("        if (closed) {\n");
                b.append("            return;\n");
                b.append("        }\n");
            }
            b.append("        ").append(type).append(' ').append(h).append(" = held();\n");
            b.append("        try {\n");
            b.append("            ")
                    .append(m.returnsValue() ? "return " : "")
                    .append(h)
                    .append('.')
                    .append(m.name())
                    .append('(')
                    .append(arguments(m))
                    .append(");\n");
            b.append("        } catch (LinkageError ").append(error).append(") {\n");
            b.append("            throw lease.broken(\"")
                    .append(l.simpleName())
                    .append("\", ")
                    .append(error)
                    .append(");\n");
            b.append("        }\n");
            if (close) {
                b.append("        closed = true;\n");
            }
            b.append("    }\n");
        }
        b.append('\n');
        b.append("    @Override\n");
        b.append("    public String toString() {\n");
        b.append("        return \"leased from \" + lease + \": \" + held;\n");
        b.append("    }\n");
        b.append("}\n");
        return file(imports, b);
    }

    private static boolean isClose(Method m) {
        return m.name().equals("close") && m.parameters().isEmpty() && !m.returnsValue();
    }

    /** The factories that take the interface as a {@code Class}. */
    String factory(List<DispatchedInterface> interfaces) {
        Imports imports = new Imports(packageName);
        String list = imports.name("java.util.List");
        StringBuilder b = new StringBuilder();
        b.append("/**\n");
        b.append(" * Factories of the generated dispatch classes, by interface, so that the engine builds tiers and\n");
        b.append(" * live objects without naming a family. One branch per interface that {@code GenerateDispatch}\n");
        b.append(" * lists.\n");
        b.append(" *\n");
        b.append(" * <p>Generated by {@code ").append(GENERATOR).append("}; do not edit.\n");
        b.append(" */\n");
        b.append("final class Dispatch {\n");
        b.append("    private static final ")
                .append(list)
                .append("<Class<?>> TYPES = ")
                .append(list)
                .append(".of(");
        b.append(interfaces.stream()
                .map(i -> imports.name(i.qualifiedName()) + ".class")
                .collect(Collectors.joining(", ")));
        b.append(");\n\n");
        b.append("    private Dispatch() {}\n\n");
        b.append("    /** The interfaces with generated dispatch classes, in the order listed. */\n");
        b.append("    static ").append(list).append("<Class<?>> types() {\n");
        b.append("        return TYPES;\n");
        b.append("    }\n\n");
        b.append("    /**\n");
        b.append("     * One {@code type} that calls {@code small} for inputs shorter than {@code crossover} bytes,\n");
        b.append("     * else {@code large}: the record {@code Tiered<type>}.\n");
        b.append("     *\n");
        b.append("     * @throws IllegalArgumentException if {@code type} has no generated dispatch\n");
        b.append("     */\n");
        b.append("    static <T> T tiered(Class<T> type, T small, T large, int crossover) {\n");
        b.append("        Object tiered;\n");
        branches(
                b,
                imports,
                interfaces,
                (i, t) -> "tiered = new " + i.tieredName() + "((" + t + ") small, (" + t + ") large, crossover);");
        b.append("        return type.cast(tiered);\n");
        b.append("    }\n\n");
        b.append("    /**\n");
        b.append("     * A live {@code type} of {@code source}'s, pointed at {@code chosen} (both tiers of a tiered\n");
        b.append("     * one): the class {@code Live<type>}.\n");
        b.append("     *\n");
        b.append("     * @throws IllegalArgumentException if {@code type} has no generated dispatch\n");
        b.append("     */\n");
        b.append("    @SuppressWarnings(\"unchecked\") // each branch has checked that T is the type it names\n");
        b.append("    static <T> Live<T> live(Class<T> type, Live.Source<T> source, T chosen) {\n");
        b.append("        Live<?> live;\n");
        branches(
                b,
                imports,
                interfaces,
                (i, t) -> "live = new " + i.liveName() + "((Live.Source<" + t + ">) source, (" + t + ") chosen);");
        b.append("        return (Live<T>) live;\n");
        b.append("    }\n\n");
        b.append("    /**\n");
        b.append("     * A {@code type} that {@code resolve} gives at its first call: the class {@code\n");
        b.append("     * Pending<type>}.\n");
        b.append("     *\n");
        b.append("     * @throws IllegalArgumentException if {@code type} has no generated dispatch\n");
        b.append("     */\n");
        b.append("    @SuppressWarnings(\"unchecked\") // each branch has checked that T is the type it names\n");
        b.append("    static <T> T pending(Class<T> type, ")
                .append(imports.name("java.util.function.Supplier"))
                .append("<? extends T> resolve) {\n");
        b.append("        Object pending;\n");
        branches(
                b,
                imports,
                interfaces,
                (i, t) -> "pending = new " + i.pendingName() + "((" + imports.name("java.util.function.Supplier") + "<"
                        + t + ">) resolve);");
        b.append("        return type.cast(pending);\n");
        b.append("    }\n\n");
        b.append("    private static IllegalArgumentException unlisted(Class<?> type) {\n");
        b.append("        return new IllegalArgumentException(\n");
        b.append(
                "                \"no dispatch classes for \" + type.getName() + \": list it in @GenerateDispatch\");\n");
        b.append("    }\n");
        b.append("}\n");
        return file(imports, b);
    }

    private interface Branch {
        String statement(DispatchedInterface i, String type);
    }

    private static void branches(
            StringBuilder b, Imports imports, List<DispatchedInterface> interfaces, Branch branch) {
        String keyword = "if";
        for (DispatchedInterface i : interfaces) {
            String t = imports.name(i.qualifiedName());
            b.append(keyword.equals("if") ? "        if" : " else if")
                    .append(" (type == ")
                    .append(t)
                    .append(".class) {\n");
            b.append("            ").append(branch.statement(i, t)).append('\n');
            b.append("        }");
            keyword = "else if";
        }
        b.append(" else {\n");
        b.append("            throw unlisted(type);\n");
        b.append("        }\n");
    }

    /** The javadoc paragraph that lists where each method goes. */
    private static void routes(StringBuilder b, DispatchedInterface i) {
        for (Tier tier : Tier.values()) {
            List<String> names = i.methods().stream()
                    .filter(m -> m.tier() == tier)
                    .map(m -> "{@code " + m.name() + "("
                            + m.parameters().stream().map(p -> simple(p.type())).collect(Collectors.joining(", "))
                            + ")}")
                    .toList();
            if (names.isEmpty()) {
                continue;
            }
            String head = switch (tier) {
                case BY_SIZE -> "By size";
                case SMALL -> "To {@code small} (primitives only)";
                case LARGE -> "To {@code large} (no size to route by)";
            };
            String line = " * <p>" + head + ":";
            b.append(" *\n");
            for (int k = 0; k < names.size(); k++) {
                String word = " " + names.get(k) + (k == names.size() - 1 ? "." : ",");
                if (line.length() + word.length() > DOC_WIDTH) {
                    b.append(line).append('\n');
                    line = " *";
                }
                line += word;
            }
            b.append(line).append('\n');
        }
    }

    private static void generatedBy(StringBuilder b, String type) {
        b.append(" *\n");
        b.append(" * <p>Generated from {@link ")
                .append(type)
                .append("} by {@code ")
                .append(GENERATOR)
                .append("}; do not edit.\n");
    }

    private static void signature(StringBuilder b, Imports imports, Method m) {
        b.append("    @Override\n");
        b.append("    public ")
                .append(imports.name(m.returnType()))
                .append(' ')
                .append(m.name())
                .append('(');
        for (int k = 0; k < m.parameters().size(); k++) {
            Parameter p = m.parameters().get(k);
            if (k > 0) {
                b.append(", ");
            }
            String t = imports.name(p.type());
            if (m.varArgs() && k == m.parameters().size() - 1) {
                t = t.substring(0, t.length() - 2) + "...";
            }
            b.append(t).append(' ').append(p.name());
        }
        b.append(')');
        if (!m.thrown().isEmpty()) {
            b.append(" throws ").append(m.thrown().stream().map(imports::name).collect(Collectors.joining(", ")));
        }
        b.append(" {\n");
    }

    private static String arguments(Method m) {
        return m.parameters().stream().map(Parameter::name).collect(Collectors.joining(", "));
    }

    /** {@code this.f} where a parameter hides the field {@code f}, else {@code f}. */
    private static String field(String f, Method m) {
        return m.parameters().stream().anyMatch(p -> p.name().equals(f)) ? "this." + f : f;
    }

    private static String fresh(String base, Set<String> taken) {
        String name = base;
        for (int n = 2; taken.contains(name); n++) {
            name = base + n;
        }
        taken.add(name);
        return name;
    }

    private static String simple(TypeMirror t) {
        String s = t.toString();
        return s.substring(s.lastIndexOf('.', s.indexOf('[') < 0 ? s.length() : s.indexOf('[')) + 1);
    }

    private String file(Imports imports, StringBuilder body) {
        StringBuilder f = new StringBuilder();
        f.append("package ").append(packageName).append(";\n\n");
        for (String i : imports.sorted()) {
            f.append("import ").append(i).append(";\n");
        }
        if (!imports.sorted().isEmpty()) {
            f.append('\n');
        }
        return f.append(body).toString();
    }

    /** The imports of one file: each type by its simple name unless that name is taken by another. */
    private static final class Imports {
        private final String packageName;
        private final Map<String, String> bySimpleName = new HashMap<>();
        private final Set<String> imported = new HashSet<>();

        Imports(String packageName) {
            this.packageName = packageName;
        }

        String name(String qualified) {
            String simple = qualified.substring(qualified.lastIndexOf('.') + 1);
            String owner = bySimpleName.putIfAbsent(simple, qualified);
            if (owner != null && !owner.equals(qualified)) {
                return qualified;
            }
            String pkg = qualified.substring(0, Math.max(0, qualified.lastIndexOf('.')));
            if (!pkg.equals("java.lang") && !pkg.equals(packageName)) {
                imported.add(qualified);
            }
            return simple;
        }

        String name(TypeMirror t) {
            return switch (t.getKind()) {
                case ARRAY -> name(((ArrayType) t).getComponentType()) + "[]";
                case DECLARED -> {
                    DeclaredType d = (DeclaredType) t;
                    Element e = d.asElement();
                    String base = name(((TypeElement) e).getQualifiedName().toString());
                    yield d.getTypeArguments().isEmpty()
                            ? base
                            : base
                                    + d.getTypeArguments().stream()
                                            .map(this::name)
                                            .collect(Collectors.joining(", ", "<", ">"));
                }
                case WILDCARD -> {
                    WildcardType w = (WildcardType) t;
                    yield w.getExtendsBound() != null
                            ? "? extends " + name(w.getExtendsBound())
                            : w.getSuperBound() != null ? "? super " + name(w.getSuperBound()) : "?";
                }
                default -> t.toString();
            };
        }

        Set<String> sorted() {
            return new TreeSet<>(imported);
        }
    }
}
