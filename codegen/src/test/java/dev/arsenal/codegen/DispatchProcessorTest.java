package dev.arsenal.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.arsenal.hashing.Hasher64;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.FileObject;
import javax.tools.ForwardingJavaFileManager;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileManager;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;

/**
 * The processor run by javac in this JVM on the real api interfaces and on a sample interface: the
 * generated source for {@link Hasher64} equals the committed golden files (as JCTools and Caffeine
 * test their generated code), routes follow the signature rules, and what cannot be dispatched is
 * a compile error that says why.
 *
 * <p>A change to the generator changes the golden files on purpose: the test then writes what it
 * generated to {@code target/golden/} to be reviewed and copied over {@code
 * src/test/resources/dev/arsenal/codegen/}.
 */
class DispatchProcessorTest {
    private static final String ANNOTATION = """
            package dev.arsenal.engine;

            @java.lang.annotation.Retention(java.lang.annotation.RetentionPolicy.SOURCE)
            @interface GenerateDispatch {
                Class<?>[] value();
                Class<?>[] leased() default {};
            }
            """;

    /** The two interfaces of the engine's that the generated classes implement, as far as they use them. */
    private static final String ENGINE_TYPES = """
            package dev.arsenal.engine;

            interface Tiered<T> {
                T small();
                T large();
                int crossover();
            }

            interface Live<T> {
                Source<T> source();
                void point(T chosen);
                interface Source<T> {
                    Lease lease(Object chosen);
                }
            }

            final class Lease {
                boolean holds() {
                    return true;
                }
                dev.arsenal.ProviderUnavailableException ended(String what) {
                    return null;
                }
                dev.arsenal.ProviderUnavailableException broken(String what, LinkageError e) {
                    return null;
                }
            }
            """;

    @Test
    void theSourceForHasher64IsTheGoldenOne() throws IOException {
        Map<String, String> generated = generate(leasing(
                List.of("dev.arsenal.hashing.Hasher64"),
                List.of("dev.arsenal.hashing.HashStream64", "java.io.OutputStream")));
        assertEquals(
                List.of(
                        "Dispatch",
                        "LeasedHashStream64",
                        "LeasedOutputStream",
                        "LiveHasher64",
                        "PendingHasher64",
                        "TieredHasher64"),
                List.copyOf(generated.keySet()));
        List<String> mismatched = new ArrayList<>();
        for (String name : List.of(
                "TieredHasher64", "LiveHasher64", "PendingHasher64", "LeasedHashStream64", "LeasedOutputStream")) {
            String golden = resource(name + ".golden");
            if (!golden.equals(generated.get(name))) {
                Path actual = Path.of("target", "golden", name + ".golden");
                Files.createDirectories(actual.getParent());
                Files.writeString(actual, generated.get(name));
                mismatched.add(
                        name + " (generated: " + actual + "; " + firstDifference(golden, generated.get(name)) + ")");
            }
        }
        if (!mismatched.isEmpty()) {
            fail("the generated source differs from the golden file: " + mismatched);
        }
    }

    @Test
    void routesFollowTheSignatures() {
        Map<String, String> generated = generate(
                leasing(List.of("sample.Sample"), List.of("java.io.OutputStream")), source("sample.Sample", """
                        package sample;

                        import java.io.OutputStream;
                        import java.lang.foreign.MemorySegment;
                        import java.nio.ByteBuffer;

                        public interface Sample {
                            int ranged(byte[] data, int from, int count);
                            int limited(byte[] data, int limit);
                            void buffers(ByteBuffer in, ByteBuffer out);
                            long segment(long seed, MemorySegment s);
                            int primitives(long v, int w);
                            String name();
                            OutputStream wrap(OutputStream out);
                            int shadowing(ByteBuffer large);
                            default int whole(byte[] data) {
                                return ranged(data, 0, data.length);
                            }
                        }
                        """));
        String tiered = generated.get("TieredSample").replaceAll("\\s+", " "); // line breaks aside
        for (String line : List.of(
                "return count < crossover ? small.ranged(data, from, count) : large.ranged(data, from, count);",
                "return data.length < crossover ? small.limited(data, limit) : large.limited(data, limit);",
                "if (in.remaining() < crossover) {",
                "return s.byteSize() < crossover ? small.segment(seed, s) : large.segment(seed, s);",
                "return small.primitives(v, w);",
                "return large.name();",
                "return large.wrap(out);",
                "return large.remaining() < crossover ? small.shadowing(large) : this.large.shadowing(large);",
                "return data.length < crossover ? small.whole(data) : large.whole(data);")) {
            assertTrue(tiered.contains(line), () -> "TieredSample lacks: " + line + "\n" + tiered);
        }
        String live = generated.get("LiveSample").replaceAll("\\s+", " ");
        for (String line : List.of(
                "int inPosition = in.position();",
                "int outPosition = out.position();",
                "in.position(inPosition);",
                "out.position(outPosition);",
                "Sample target = count < crossover ? small : large;",
                "Sample now = again(target, count < crossover ? small : large, e);",
                "// Not repeated after a LinkageError",
                "Sample target = large;",
                "return new LeasedOutputStream(source.lease(target), target.wrap(out));")) {
            assertTrue(live.contains(line), () -> "LiveSample lacks: " + line + "\n" + live);
        }
    }

    @Test
    void whatCannotBeDispatchedIsACompileErrorSayingWhy() {
        String errors = errors(listing("sample.Generic"), source("sample.Generic", """
                        package sample;

                        public interface Generic {
                            <T> T pick(T a, T b);
                        }
                        """));
        assertTrue(
                errors.contains("cannot generate dispatch for sample.Generic") && errors.contains("is generic"),
                errors);
        errors = errors(listing("sample.Clash"), source("sample.Clash", """
                        package sample;

                        public interface Clash {
                            int crossover();
                        }
                        """));
        assertTrue(errors.contains("crossover() clashes"), errors);
        errors = errors(leasing(List.of(), List.of("java.lang.String")));
        assertTrue(
                errors.contains("cannot generate a leased wrapper for java.lang.String")
                        && errors.contains("must be extensible"),
                errors);
    }

    // ---- javac in this JVM ----

    /** The annotation listing {@code interfaces} and the {@code leased} types. */
    private static JavaFileObject leasing(List<String> interfaces, List<String> leased) {
        return source(
                "dev.arsenal.engine.package-info",
                "@GenerateDispatch(value = {"
                        + String.join(
                                ", ", interfaces.stream().map(i -> i + ".class").toList())
                        + "}, leased = {"
                        + String.join(
                                ", ", leased.stream().map(i -> i + ".class").toList())
                        + "})\npackage dev.arsenal.engine;\n");
    }

    private static JavaFileObject listing(String... interfaces) {
        return source(
                "dev.arsenal.engine.package-info",
                "@GenerateDispatch({"
                        + String.join(
                                ", ",
                                List.of(interfaces).stream()
                                        .map(i -> i + ".class")
                                        .toList()) + "})\npackage dev.arsenal.engine;\n");
    }

    private static JavaFileObject source(String name, String text) {
        URI uri = URI.create("string:///" + name.replace('.', '/') + ".java");
        return new SimpleJavaFileObject(uri, JavaFileObject.Kind.SOURCE) {
            @Override
            public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                return text;
            }
        };
    }

    /** The sources the processor wrote, by simple name; fails on any compile error. */
    private static Map<String, String> generate(JavaFileObject... sources) {
        Run run = run(sources);
        if (!run.errors().isEmpty()) {
            fail("javac reported: " + run.errors());
        }
        return run.generated();
    }

    private static String errors(JavaFileObject... sources) {
        return run(sources).errors();
    }

    private record Run(Map<String, String> generated, String errors) {}

    private static Run run(JavaFileObject... sources) {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        Map<String, ByteArrayOutputStream> written = new TreeMap<>();
        try (StandardJavaFileManager standard =
                javac.getStandardFileManager(diagnostics, null, StandardCharsets.UTF_8)) {
            JavaFileManager files = new ForwardingJavaFileManager<>(standard) {
                @Override
                public JavaFileObject getJavaFileForOutput(
                        Location location, String className, JavaFileObject.Kind kind, FileObject sibling) {
                    URI uri = URI.create("mem:///" + className.replace('.', '/') + kind.extension);
                    String simpleName = className.substring(className.lastIndexOf('.') + 1);
                    return new SimpleJavaFileObject(uri, kind) {
                        @Override
                        public OutputStream openOutputStream() {
                            return written.computeIfAbsent(simpleName, k -> new ByteArrayOutputStream());
                        }

                        @Override
                        public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                            return written.get(simpleName).toString(StandardCharsets.UTF_8); // the next round reads it
                        }
                    };
                }
            };
            List<JavaFileObject> units = new ArrayList<>(List.of(sources));
            units.add(source("dev.arsenal.engine.GenerateDispatch", ANNOTATION));
            units.add(source("dev.arsenal.engine.Tiered", ENGINE_TYPES));
            JavaCompiler.CompilationTask task = javac.getTask(
                    null, files, diagnostics, List.of("-proc:only", "-classpath", apiClasses()), null, units);
            task.setProcessors(List.of(new DispatchProcessor()));
            task.call();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        StringBuilder errors = new StringBuilder();
        for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
            if (d.getKind() == Diagnostic.Kind.ERROR) {
                errors.append(d.getSource() == null ? "" : d.getSource().getName() + ":" + d.getLineNumber() + ": ")
                        .append(d.getMessage(null))
                        .append('\n');
            }
        }
        Map<String, String> generated = new TreeMap<>();
        written.forEach((k, v) -> generated.put(k, v.toString(StandardCharsets.UTF_8)));
        return new Run(generated, errors.toString());
    }

    /** Where the api classes are (a directory or a jar), for javac's class path. */
    private static String apiClasses() {
        try {
            return Path.of(Hasher64.class
                            .getProtectionDomain()
                            .getCodeSource()
                            .getLocation()
                            .toURI())
                    .toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = DispatchProcessorTest.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IOException("no test resource dev/arsenal/codegen/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static String firstDifference(String expected, String actual) {
        String[] e = expected.split("\n", -1);
        String[] a = actual.split("\n", -1);
        for (int i = 0; i < Math.min(e.length, a.length); i++) {
            if (!e[i].equals(a[i])) {
                return "line " + (i + 1) + ": expected '" + e[i] + "', got '" + a[i] + "'";
            }
        }
        return "expected " + e.length + " lines, got " + a.length;
    }
}
