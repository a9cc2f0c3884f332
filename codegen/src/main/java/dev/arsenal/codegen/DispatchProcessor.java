package dev.arsenal.codegen;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.Filer;
import javax.annotation.processing.RoundEnvironment;
import javax.annotation.processing.SupportedAnnotationTypes;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.ExecutableType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;

/**
 * Writes, at build time, the engine's dispatch classes for every interface that {@code
 * dev.arsenal.engine.GenerateDispatch} lists: for an interface {@code X}, a record {@code TieredX}
 * (final fields {@code small}, {@code large}, {@code crossover}) and a class {@code LiveX} (the same
 * three as volatile fields, re-pointed by the engine), both forwarding every method of {@code X},
 * default methods included; a class {@code PendingX} that stands for an object whose provider is
 * not checked yet and resolves it at its first call; and one class {@code Dispatch} with factories
 * that take the interface as a {@code Class}, so that the engine builds them without naming a
 * family.
 *
 * <p>The route of a call derives from the method's signature, in this order:
 *
 * <ol>
 *   <li>the first parameter that is a {@code byte[]}, a {@link java.nio.ByteBuffer} or a {@link
 *       java.lang.foreign.MemorySegment} gives the size: the array's {@code length}, or, when the
 *       array is followed by two {@code int}s (offset and length), the second of them; the buffer's
 *       {@code remaining()}; the segment's {@code byteSize()}. Below the crossover the call goes to
 *       {@code small}, else to {@code large};
 *   <li>a call whose arguments are all primitives ({@code hashLong}, {@code maxCompressedLength})
 *       goes to {@code small};
 *   <li>every other call (streams, getters such as {@code algorithm()} or {@code codec()}) goes to
 *       {@code large}.
 * </ol>
 *
 * <p>The live class repeats a call that failed with a {@link LinkageError} (a provider's bundle
 * refreshed away while it ran) once on the current choice, after putting back the position of
 * every {@code ByteBuffer} argument; a call given anything {@link java.io.Closeable} (a stream it
 * may already have written to or read from) is not repeated.
 *
 * <p>For each stateful type the annotation lists in {@code leased} (an interface, or a class with a
 * public no-argument constructor: {@code OutputStream}), it writes a {@code LeasedX} wrapper that
 * forwards every method while the engine's {@code Lease} holds and fails naming the provider once
 * it has ended; a live class returns what it gets of such a type wrapped, with the lease its source
 * gives for the object that made it ({@code source.lease(target)}).
 *
 * <p>The generated classes live in the annotated package and use what the engine declares there:
 * {@code Tiered<T>} (which the records implement), {@code Live<T>} with its nested {@code
 * Live.Source<T>} (which the live classes implement and hold) and {@code Lease}.
 */
@SupportedAnnotationTypes(DispatchProcessor.ANNOTATION)
public final class DispatchProcessor extends AbstractProcessor {
    /** The annotation that lists the interfaces, by its qualified name: the processor needs no copy of it. */
    static final String ANNOTATION = "dev.arsenal.engine.GenerateDispatch";

    /** Creates the processor; javac does, from {@code META-INF/services}. */
    public DispatchProcessor() {}

    @Override
    public SourceVersion getSupportedSourceVersion() {
        return SourceVersion.latestSupported();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
        for (TypeElement annotation : annotations) {
            for (Element annotated : round.getElementsAnnotatedWith(annotation)) {
                generate(annotated, listed(annotated, annotation, "value"), listed(annotated, annotation, "leased"));
            }
        }
        return true;
    }

    /** The types the annotation on {@code annotated} lists in its element {@code name}, in their order. */
    private List<TypeElement> listed(Element annotated, TypeElement annotation, String name) {
        List<TypeElement> listed = new ArrayList<>();
        for (AnnotationMirror mirror : annotated.getAnnotationMirrors()) {
            if (!mirror.getAnnotationType().asElement().equals(annotation)) {
                continue;
            }
            mirror.getElementValues().forEach((key, value) -> {
                if (key.getSimpleName().contentEquals(name)) {
                    for (Object v : (List<?>) value.getValue()) {
                        TypeMirror t = (TypeMirror) ((AnnotationValue) v).getValue();
                        listed.add((TypeElement) ((DeclaredType) t).asElement());
                    }
                }
            });
        }
        return listed;
    }

    private void generate(Element annotated, List<TypeElement> listed, List<TypeElement> leasedTypes) {
        Elements elements = processingEnv.getElementUtils();
        PackageElement pkg = annotated instanceof PackageElement p ? p : elements.getPackageOf(annotated);
        String packageName = pkg.getQualifiedName().toString();
        List<DispatchedInterface> interfaces = new ArrayList<>();
        List<DispatchedInterface> leased = new ArrayList<>();
        for (TypeElement type : listed) {
            try {
                interfaces.add(model(type));
            } catch (Unsupported e) {
                error("cannot generate dispatch for " + type.getQualifiedName() + ": " + e.getMessage(), annotated);
                return;
            }
        }
        for (TypeElement type : leasedTypes) {
            try {
                leased.add(modelLeased(type));
            } catch (Unsupported e) {
                error(
                        "cannot generate a leased wrapper for " + type.getQualifiedName() + ": " + e.getMessage(),
                        annotated);
                return;
            }
        }
        DispatchSource source = new DispatchSource(packageName, leased);
        for (DispatchedInterface i : interfaces) {
            write(packageName, i.tieredName(), source.tiered(i), annotated);
            write(packageName, i.liveName(), source.live(i), annotated);
            write(packageName, i.pendingName(), source.pending(i), annotated);
        }
        for (DispatchedInterface l : leased) {
            write(packageName, l.leasedName(), source.leased(l), annotated);
        }
        write(packageName, "Dispatch", source.factory(interfaces), annotated);
    }

    private void error(String message, Element origin) {
        processingEnv.getMessager().printMessage(Diagnostic.Kind.ERROR, message, origin);
    }

    private void write(String packageName, String simpleName, String text, Element origin) {
        Filer filer = processingEnv.getFiler();
        try {
            JavaFileObject file = filer.createSourceFile(packageName + "." + simpleName, origin);
            try (Writer w = file.openWriter()) {
                w.write(text);
            }
        } catch (IOException e) {
            processingEnv
                    .getMessager()
                    .printMessage(Diagnostic.Kind.ERROR, "cannot write " + simpleName + ": " + e, origin);
        }
    }

    /** Why an interface cannot be dispatched. */
    private static final class Unsupported extends Exception {
        private static final long serialVersionUID = 1L;

        Unsupported(String message) {
            super(message);
        }
    }

    private DispatchedInterface model(TypeElement type) throws Unsupported {
        if (type.getKind() != ElementKind.INTERFACE) {
            throw new Unsupported("not an interface");
        }
        if (!type.getTypeParameters().isEmpty()) {
            throw new Unsupported("generic interfaces are not supported");
        }
        List<DispatchedInterface.Method> methods = new ArrayList<>();
        for (ExecutableElement m : methods(type)) {
            methods.add(method((DeclaredType) type.asType(), m));
        }
        return new DispatchedInterface(
                type.getQualifiedName().toString(), type.getSimpleName().toString(), false, List.copyOf(methods));
    }

    /**
     * A stateful type to wrap: an interface, or a class the wrapper can extend (not final, with a
     * public no-argument constructor), with every public method it can override.
     */
    private DispatchedInterface modelLeased(TypeElement type) throws Unsupported {
        boolean isClass = type.getKind() == ElementKind.CLASS;
        if (!isClass && type.getKind() != ElementKind.INTERFACE) {
            throw new Unsupported("neither an interface nor a class");
        }
        if (!type.getTypeParameters().isEmpty()) {
            throw new Unsupported("generic types are not supported");
        }
        if (isClass
                && (type.getModifiers().contains(Modifier.FINAL)
                        || type.getEnclosedElements().stream()
                                .noneMatch(e -> e.getKind() == ElementKind.CONSTRUCTOR
                                        && e.getModifiers().contains(Modifier.PUBLIC)
                                        && ((ExecutableElement) e)
                                                .getParameters()
                                                .isEmpty()))) {
            throw new Unsupported("a class must be extensible, with a public constructor without arguments");
        }
        List<DispatchedInterface.Method> methods = new ArrayList<>();
        for (ExecutableElement m : methods(type)) {
            methods.add(method((DeclaredType) type.asType(), m));
        }
        return new DispatchedInterface(
                type.getQualifiedName().toString(), type.getSimpleName().toString(), isClass, List.copyOf(methods));
    }

    /**
     * The instance methods of {@code type} and its supertypes (but {@link Object}) that an
     * implementation must or may override, each once, in declaration order (the type's own first):
     * javac's {@code getAllMembers} promises no order, and the golden test needs one. Of a class,
     * only the public methods that are not final.
     */
    private List<ExecutableElement> methods(TypeElement type) throws Unsupported {
        Elements elements = processingEnv.getElementUtils();
        List<ExecutableElement> found = new ArrayList<>();
        Set<TypeElement> seen = new LinkedHashSet<>();
        List<TypeElement> queue = new ArrayList<>(List.of(type));
        while (!queue.isEmpty()) {
            TypeElement t = queue.removeFirst();
            if (!seen.add(t)) {
                continue;
            }
            for (Element e : t.getEnclosedElements()) {
                if (e.getKind() != ElementKind.METHOD
                        || e.getModifiers().contains(Modifier.STATIC)
                        || e.getModifiers().contains(Modifier.PRIVATE)
                        || (t.getKind() == ElementKind.CLASS
                                && (!e.getModifiers().contains(Modifier.PUBLIC)
                                        || e.getModifiers().contains(Modifier.FINAL)))) {
                    continue;
                }
                ExecutableElement m = (ExecutableElement) e;
                if (isObjectMethod(m)) {
                    continue; // the generated classes write their own toString; equals and hashCode stay identity
                }
                if (found.stream().anyMatch(f -> elements.overrides(f, m, type) || sameSignature(f, m))) {
                    continue;
                }
                if (!m.getTypeParameters().isEmpty()) {
                    throw new Unsupported(m + " is generic");
                }
                String name = m.getSimpleName().toString();
                if (m.getParameters().isEmpty() && DispatchSource.RESERVED.contains(name)) {
                    throw new Unsupported(name + "() clashes with the dispatch classes' own " + name + "()");
                }
                found.add(m);
            }
            if (t.getSuperclass() instanceof DeclaredType superclass
                    && !((TypeElement) superclass.asElement())
                            .getQualifiedName()
                            .contentEquals("java.lang.Object")) {
                queue.add((TypeElement) superclass.asElement());
            }
            for (TypeMirror s : t.getInterfaces()) {
                queue.add((TypeElement) ((DeclaredType) s).asElement());
            }
        }
        return found;
    }

    private boolean sameSignature(ExecutableElement a, ExecutableElement b) {
        if (!a.getSimpleName().equals(b.getSimpleName())
                || a.getParameters().size() != b.getParameters().size()) {
            return false;
        }
        Types types = processingEnv.getTypeUtils();
        for (int i = 0; i < a.getParameters().size(); i++) {
            if (!types.isSameType(
                    types.erasure(a.getParameters().get(i).asType()),
                    types.erasure(b.getParameters().get(i).asType()))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isObjectMethod(ExecutableElement m) {
        String name = m.getSimpleName().toString();
        int arity = m.getParameters().size();
        return (arity == 0 && (name.equals("toString") || name.equals("hashCode")))
                || (arity == 1
                        && name.equals("equals")
                        && m.getParameters().getFirst().asType().toString().equals("java.lang.Object"));
    }

    private DispatchedInterface.Method method(DeclaredType owner, ExecutableElement m) {
        Types types = processingEnv.getTypeUtils();
        ExecutableType resolved = (ExecutableType) types.asMemberOf(owner, m);
        List<DispatchedInterface.Parameter> parameters = new ArrayList<>();
        for (int i = 0; i < m.getParameters().size(); i++) {
            VariableElement p = m.getParameters().get(i);
            TypeMirror t = resolved.getParameterTypes().get(i);
            parameters.add(
                    new DispatchedInterface.Parameter(t, p.getSimpleName().toString(), kind(t)));
        }
        return new DispatchedInterface.Method(
                m.getSimpleName().toString(),
                resolved.getReturnType(),
                List.copyOf(parameters),
                List.copyOf(resolved.getThrownTypes()),
                m.isVarArgs(),
                m.isDefault());
    }

    private DispatchedInterface.Kind kind(TypeMirror t) {
        if (t.getKind().isPrimitive()) {
            return DispatchedInterface.Kind.PRIMITIVE;
        }
        if (t.getKind() == TypeKind.ARRAY
                && ((javax.lang.model.type.ArrayType) t).getComponentType().getKind() == TypeKind.BYTE) {
            return DispatchedInterface.Kind.BYTES;
        }
        if (isA(t, "java.nio.ByteBuffer")) {
            return DispatchedInterface.Kind.BUFFER;
        }
        if (isA(t, "java.lang.foreign.MemorySegment")) {
            return DispatchedInterface.Kind.SEGMENT;
        }
        if (isA(t, "java.io.Closeable")) {
            return DispatchedInterface.Kind.CLOSEABLE;
        }
        return DispatchedInterface.Kind.OTHER;
    }

    private boolean isA(TypeMirror t, String qualifiedName) {
        TypeElement e = processingEnv.getElementUtils().getTypeElement(qualifiedName);
        Types types = processingEnv.getTypeUtils();
        return e != null && types.isAssignable(types.erasure(t), types.erasure(e.asType()));
    }
}
