package dev.arsenal.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arsenal.ProviderUnavailableException;
import dev.arsenal.compression.Compressor;
import dev.arsenal.compression.Decompressor;
import dev.arsenal.crypto.Aead;
import dev.arsenal.crypto.Agreement;
import dev.arsenal.crypto.Digest;
import dev.arsenal.crypto.Kdf;
import dev.arsenal.crypto.Mac;
import dev.arsenal.crypto.Signer;
import dev.arsenal.crypto.Verifier;
import dev.arsenal.hashing.HashStream128;
import dev.arsenal.hashing.HashStream32;
import dev.arsenal.hashing.HashStream64;
import dev.arsenal.hashing.Hasher128;
import dev.arsenal.hashing.Hasher32;
import dev.arsenal.hashing.Hasher64;
import java.io.Closeable;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.foreign.MemorySegment;
import java.lang.reflect.Array;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Proxy;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The generated dispatch classes checked by reflection against their interfaces, so that a new
 * interface method (a default one included) that the generator missed, or routed against the rules,
 * fails here: every method is overridden by both classes, reaches {@code small} or {@code large} as
 * its signature says, and, in the live class, is repeated on the new choice after a {@link
 * LinkageError} (with {@code ByteBuffer} positions put back) unless it was given a stream. The
 * streams a live object returns are leased: wrapped in a generated class that overrides every method
 * of theirs and fails, naming the provider, once its lease has ended.
 */
class GeneratedDispatchTest {
    private static final int CROSSOVER = 100;
    private static final int SHORT = 10;
    private static final int LONG = 1000;

    static Stream<Class<?>> types() {
        return Dispatch.types().stream();
    }

    @Test
    void everyInterfaceOfTheApiThatIsHandedOutIsListed() {
        assertEquals(
                List.of(
                        Hasher32.class,
                        Hasher64.class,
                        Hasher128.class,
                        Compressor.class,
                        Decompressor.class,
                        Aead.class,
                        Digest.class,
                        Mac.class,
                        Kdf.class,
                        Signer.class,
                        Verifier.class,
                        Agreement.class),
                Dispatch.types());
        assertThrows(IllegalArgumentException.class, () -> Dispatch.tiered(Runnable.class, () -> {}, () -> {}, 1));
    }

    @ParameterizedTest
    @MethodSource("types")
    void bothClassesOverrideEveryMethodDefaultsIncluded(Class<?> type) {
        Object tiered = tiered(type, recorder("small"), recorder("large"));
        Object live = live(type, tiered);
        assertInstanceOf(Tiered.class, tiered);
        assertTrue(tiered.getClass().isRecord(), "a record, so that HotSpot trusts its fields");
        assertTrue(Modifier.isFinal(live.getClass().getModifiers()));
        for (Method m : methods(type)) {
            for (Object o : List.of(tiered, live)) {
                Method declared = assertDoesNotThrow(o.getClass(), m);
                assertFalse(declared.isDefault() || declared.isSynthetic(), declared.toString());
            }
        }
    }

    @ParameterizedTest
    @MethodSource("types")
    void callsGoWhereTheirSignaturesSay(Class<?> type) throws Throwable {
        Recorder small = recorder("small");
        Recorder large = recorder("large");
        Object tiered = tiered(type, small, large);
        Object live = live(type, tiered);
        for (Method m : methods(type)) {
            for (int size : new int[] {SHORT, LONG}) {
                for (Object o : List.of(tiered, live)) {
                    small.calls.clear();
                    large.calls.clear();
                    invoke(o, m, arguments(m, size));
                    Recorder expected = expectedTier(m, size) ? small : large;
                    Recorder other = expected == small ? large : small;
                    assertEquals(
                            List.of(m.getName()),
                            expected.calls,
                            () -> o.getClass().getSimpleName() + "." + m.getName()
                                    + Arrays.toString(m.getParameterTypes()) + " of " + size + " bytes");
                    assertTrue(other.calls.isEmpty(), other.calls::toString);
                }
            }
        }
    }

    @ParameterizedTest
    @MethodSource("types")
    void aLinkageErrorIsAnsweredOnTheNewChoiceWithBuffersPutBack(Class<?> type) throws Throwable {
        for (Method m : methods(type)) {
            Recorder next = recorder("next");
            Object nextTarget = proxy(type, next);
            Object[] live = new Object[1];
            Recorder gone = recorder("gone");
            gone.onCall = args -> {
                point(live[0], nextTarget);
                for (Object a : args == null ? new Object[0] : args) {
                    if (a instanceof ByteBuffer b) {
                        b.position(b.limit()); // the failed call had read it all
                    }
                }
                throw new NoClassDefFoundError("dev/arsenal/providers/Gone");
            };
            Object first = proxy(type, gone);
            live[0] = live(type, first);
            Object[] args = arguments(m, LONG);
            boolean stream = Arrays.stream(m.getParameterTypes()).anyMatch(Closeable.class::isAssignableFrom);
            if (stream) {
                assertThrows(NoClassDefFoundError.class, () -> invoke(live[0], m, args), m::toString);
                assertTrue(next.calls.isEmpty(), "not repeated: the call may have used the stream");
                continue;
            }
            invoke(live[0], m, args);
            assertEquals(List.of(m.getName()), next.calls, m::toString);
            for (Object a : args) {
                if (a instanceof ByteBuffer b) {
                    assertEquals(0, b.position(), m + ": the buffer's position was put back");
                }
            }
        }
    }

    @ParameterizedTest
    @MethodSource("types")
    void aPendingObjectResolvesAtItsFirstCallOnceAndForwardsEveryMethod(Class<?> type) throws Throwable {
        Recorder target = recorder("resolved");
        int[] resolutions = new int[1];
        Object pending = pending(type, () -> {
            resolutions[0]++;
            return proxy(type, target);
        });
        assertTrue(Modifier.isFinal(pending.getClass().getModifiers()));
        assertEquals("not checked yet", pending.toString());
        assertEquals(0, resolutions[0], "nothing is resolved before a call");
        for (Method m : methods(type)) {
            Method declared = assertDoesNotThrow(pending.getClass(), m);
            assertFalse(declared.isDefault() || declared.isSynthetic(), declared.toString());
            target.calls.clear();
            invoke(pending, m, arguments(m, SHORT));
            assertEquals(List.of(m.getName()), target.calls, m::toString);
        }
        assertEquals(1, resolutions[0]);
    }

    private static <T> T pending(Class<T> type, java.util.function.Supplier<Object> resolve) {
        return Dispatch.pending(type, () -> type.cast(resolve.get()));
    }

    static Stream<Class<?>> leasedTypes() {
        return Stream.of(
                HashStream32.class, HashStream64.class, HashStream128.class, OutputStream.class, InputStream.class);
    }

    @ParameterizedTest
    @MethodSource("types")
    void whatALiveObjectReturnsOfALeasedTypeIsLeasedAndTheTieredOneReturnsItAsItIs(Class<?> type) throws Throwable {
        Object tiered = tiered(type, recorder("small"), recorder("large"));
        Object live = live(type, tiered);
        for (Method m : methods(type)) {
            if (leasedTypes().noneMatch(t -> t == m.getReturnType())) {
                continue;
            }
            Object fromLive = invoke(live, m, arguments(m, LONG));
            Object fromTiered = invoke(tiered, m, arguments(m, LONG));
            assertEquals(
                    "Leased" + m.getReturnType().getSimpleName(),
                    fromLive.getClass().getSimpleName(),
                    m::toString);
            assertFalse(fromTiered.getClass().getSimpleName().startsWith("Leased"), m::toString);
        }
    }

    @ParameterizedTest
    @MethodSource("leasedTypes")
    void aLeasedObjectForwardsEveryMethodUntilItsLeaseEndsThenFailsNamingTheProvider(Class<?> type) throws Throwable {
        Class<?> leasedClass =
                Class.forName(GeneratedDispatchTest.class.getPackageName() + ".Leased" + type.getSimpleName());
        assertTrue(Modifier.isFinal(leasedClass.getModifiers()));
        List<Method> methods = overridable(type);
        for (Method m : methods) {
            Method declared = assertDoesNotThrow(leasedClass, m);
            assertFalse(declared.isDefault() || declared.isSynthetic(), declared.toString());
        }
        Lease lease = Lease.of("native-test");
        Object leased = leased(leasedClass, type, lease);
        for (Method m : methods) {
            if (!m.getName().equals("close")) {
                invoke(leased, m, arguments(m, SHORT));
            }
        }
        lease.end("its bundle was stopped");
        for (Method m : methods) {
            ProviderUnavailableException e = assertThrows(
                    ProviderUnavailableException.class, () -> invoke(leased, m, arguments(m, SHORT)), m::toString);
            assertTrue(
                    e.getMessage().contains("provider native-test, which has gone (its bundle was stopped)"),
                    e::getMessage);
        }
    }

    @ParameterizedTest
    @MethodSource("leasedTypes")
    void aLinkageErrorInALeasedObjectIsAProviderUnavailableExceptionNamingTheProvider(Class<?> type) throws Throwable {
        Class<?> leasedClass =
                Class.forName(GeneratedDispatchTest.class.getPackageName() + ".Leased" + type.getSimpleName());
        for (Method m : overridable(type)) {
            Object leased = leased(leasedClass, type, Lease.of("native-test"), () -> {
                throw new NoClassDefFoundError("dev/arsenal/providers/Gone");
            });
            ProviderUnavailableException e = assertThrows(
                    ProviderUnavailableException.class, () -> invoke(leased, m, arguments(m, SHORT)), m::toString);
            assertTrue(e.getMessage().contains("can no longer run on provider native-test"), e::getMessage);
            assertInstanceOf(NoClassDefFoundError.class, e.getCause());
        }
    }

    @Test
    void closingALeasedStreamTwiceAsksTheProviderOnceEvenAfterItHasGone() throws Exception {
        int[] closes = new int[1];
        OutputStream counting = new OutputStream() {
            @Override
            public void write(int b) {}

            @Override
            public void close() {
                closes[0]++;
            }
        };
        Lease lease = Lease.of("native-test");
        OutputStream leased = new LeasedOutputStream(lease, counting);
        leased.close();
        lease.end("its bundle was uninstalled");
        leased.close();
        assertEquals(1, closes[0]);
        OutputStream open = new LeasedOutputStream(lease, counting);
        assertThrows(ProviderUnavailableException.class, open::close, "a stream not finished says so");
    }

    /** The methods a wrapper of {@code type} can override: public, not static, not final, not Object's. */
    private static List<Method> overridable(Class<?> type) {
        List<Method> methods = new ArrayList<>();
        for (Method m : type.getMethods()) {
            int mod = m.getModifiers();
            if (!Modifier.isStatic(mod) && !Modifier.isFinal(mod) && m.getDeclaringClass() != Object.class) {
                methods.add(m);
            }
        }
        assertFalse(methods.isEmpty());
        return methods;
    }

    /** A leased object of {@code leasedClass} around one of {@code type} that answers quietly. */
    private static Object leased(Class<?> leasedClass, Class<?> type, Lease lease) throws Exception {
        return leased(leasedClass, type, lease, () -> {});
    }

    /** As {@link #leased(Class, Class, Lease)}, running {@code hook} at every call first. */
    private static Object leased(Class<?> leasedClass, Class<?> type, Lease lease, Runnable hook) throws Exception {
        Object inner;
        if (type == OutputStream.class) {
            inner = new OutputStream() {
                @Override
                public void write(int b) {
                    hook.run();
                }

                @Override
                public void write(byte[] b, int off, int len) {
                    hook.run();
                }

                @Override
                public void flush() {
                    hook.run();
                }

                @Override
                public void close() {
                    hook.run();
                }
            };
        } else if (type == InputStream.class) {
            inner = new InputStream() {
                @Override
                public int read() {
                    hook.run();
                    return -1;
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    hook.run();
                    return -1;
                }

                @Override
                public long skip(long n) {
                    hook.run();
                    return 0;
                }

                @Override
                public int available() {
                    hook.run();
                    return 0;
                }

                @Override
                public void close() {
                    hook.run();
                }

                @Override
                public void mark(int limit) {
                    hook.run();
                }

                @Override
                public void reset() {
                    hook.run();
                }

                @Override
                public boolean markSupported() {
                    hook.run();
                    return true;
                }

                @Override
                public byte[] readAllBytes() {
                    hook.run();
                    return new byte[0];
                }

                @Override
                public byte[] readNBytes(int len) {
                    hook.run();
                    return new byte[0];
                }

                @Override
                public int readNBytes(byte[] b, int off, int len) {
                    hook.run();
                    return 0;
                }

                @Override
                public void skipNBytes(long n) {
                    hook.run();
                }

                @Override
                public long transferTo(OutputStream out) {
                    hook.run();
                    return 0;
                }
            };
        } else {
            Recorder every = new Recorder("stream") {
                @Override
                public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
                    if (method.getDeclaringClass() != Object.class) {
                        hook.run();
                    }
                    return super.invoke(proxy, method, args);
                }
            };
            inner = proxy(type, every);
        }
        var constructor = leasedClass.getDeclaredConstructor(Lease.class, type);
        return constructor.newInstance(lease, inner);
    }

    // ---- the rules, restated from the processor's documentation ----

    /**
     * Whether a call of {@code m} with inputs of {@code size} bytes belongs to {@code small}; a
     * parameter named {@code nonce} is not an input (it gets {@link #NONCE} bytes whatever the size).
     */
    private static boolean expectedTier(Method m, int size) {
        for (java.lang.reflect.Parameter p : m.getParameters()) {
            Class<?> t = p.getType();
            if ((t == byte[].class || t == ByteBuffer.class || t == MemorySegment.class) && !isNonce(p)) {
                return size < CROSSOVER;
            }
        }
        return m.getParameterCount() > 0 && Arrays.stream(m.getParameterTypes()).allMatch(Class::isPrimitive);
    }

    /** A nonce's bytes: the other side of the crossover from {@link #LONG}, so that routing by it shows. */
    private static final int NONCE = SHORT;

    private static boolean isNonce(java.lang.reflect.Parameter p) {
        if (!p.isNamePresent()) {
            // the JDK's classes (OutputStream, Checksum) have no names and no nonce; Arsenal's must
            if (p.getDeclaringExecutable().getDeclaringClass().getName().startsWith("dev.arsenal.")) {
                throw new AssertionError("the api is compiled without -parameters: " + p);
            }
            return false;
        }
        return p.getName().equals("nonce");
    }

    /**
     * Inputs of {@code size} bytes, ints and longs of {@code size} (so a length argument says it); a
     * nonce of {@link #NONCE} bytes.
     */
    private static Object[] arguments(Method m, int size) {
        java.lang.reflect.Parameter[] parameters = m.getParameters();
        Object[] args = new Object[parameters.length];
        for (int i = 0; i < parameters.length; i++) {
            Class<?> t = parameters[i].getType();
            args[i] = t == byte[].class && isNonce(parameters[i])
                    ? new byte[NONCE]
                    : t == byte[].class
                            ? new byte[size]
                            : t == ByteBuffer.class
                                    ? ByteBuffer.allocate(size)
                                    : t == MemorySegment.class
                                            ? MemorySegment.ofArray(new byte[size])
                                            : t == int.class ? size : t == long.class ? (Object) (long) size : zero(t);
        }
        return args;
    }

    // ---- plumbing ----

    private static List<Method> methods(Class<?> type) {
        List<Method> methods = new ArrayList<>();
        for (Method m : type.getMethods()) {
            if (!Modifier.isStatic(m.getModifiers())) {
                methods.add(m);
            }
        }
        assertFalse(methods.isEmpty());
        return methods;
    }

    private static Method assertDoesNotThrow(Class<?> c, Method m) {
        try {
            return c.getDeclaredMethod(m.getName(), m.getParameterTypes());
        } catch (NoSuchMethodException e) {
            throw new AssertionError(c.getSimpleName() + " does not override " + m, e);
        }
    }

    /** Records the names of the methods called on it; answers zero, false or null. */
    private static class Recorder implements InvocationHandler {
        final String name;
        final List<String> calls = new ArrayList<>();
        ThrowingFunction onCall;

        Recorder(String name) {
            this.name = name;
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            if (method.getDeclaringClass() == Object.class) {
                return switch (method.getName()) {
                    case "toString" -> name;
                    case "hashCode" -> System.identityHashCode(proxy);
                    default -> proxy == args[0];
                };
            }
            if (onCall != null) {
                ThrowingFunction once = onCall;
                onCall = null;
                once.apply(args);
            }
            calls.add(method.getName());
            return answer(method.getReturnType());
        }
    }

    private interface ThrowingFunction {
        void apply(Object[] args) throws Throwable;
    }

    private static Recorder recorder(String name) {
        return new Recorder(name);
    }

    /** Zero for a primitive, an object that records nothing for a stream, else null. */
    private static Object answer(Class<?> type) {
        if (type == OutputStream.class) {
            return OutputStream.nullOutputStream();
        }
        if (type == InputStream.class) {
            return InputStream.nullInputStream();
        }
        if (type.isInterface()) {
            return proxy(type, recorder("made"));
        }
        return zero(type);
    }

    private static Object zero(Class<?> type) {
        return type.isPrimitive() && type != void.class ? Array.get(Array.newInstance(type, 1), 0) : null;
    }

    private static Object proxy(Class<?> type, Recorder recorder) {
        return Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, recorder);
    }

    private static <T> Object tiered(Class<T> type, Recorder small, Recorder large) {
        return Dispatch.tiered(type, type.cast(proxy(type, small)), type.cast(proxy(type, large)), CROSSOVER);
    }

    private static <T> Object live(Class<T> type, Object tiered) {
        T chosen = type.cast(tiered);
        return Dispatch.live(type, new DispatchingProviders.Fixed<>(chosen), chosen);
    }

    @SuppressWarnings("unchecked")
    private static <T> void point(Object live, Object chosen) {
        ((Live<T>) live).point((T) chosen);
    }

    private static Object invoke(Object target, Method m, Object[] args) throws Throwable {
        try {
            return m.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
