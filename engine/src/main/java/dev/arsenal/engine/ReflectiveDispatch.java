package dev.arsenal.engine;

import java.lang.foreign.MemorySegment;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.nio.ByteBuffer;
import java.util.Objects;

/**
 * Tiered and live objects for an interface that has no {@linkplain Dispatch generated} classes: a
 * family added as a package of its own ({@link dev.arsenal.spi.FamilyDescriptor}) works before its
 * interfaces are listed for generation. Calls go through a {@link Proxy} and {@link Method#invoke}
 * (a reflective call, tens of nanoseconds), so a family whose primitives are called in tight loops
 * lists its interfaces in {@code package-info.java} for the generated classes.
 *
 * <p>Routes follow the generated classes' rules: the first {@code byte[]} (its {@code length}, or
 * the third {@code int} argument when followed by {@code int offset, int length}), {@code
 * ByteBuffer} ({@code remaining()}) or {@code MemorySegment} ({@code byteSize()}) gives the size; a
 * call with only primitive arguments goes to {@code small}; anything else to {@code large}. Unlike
 * them, a live proxy does not repeat a call that failed with a {@link LinkageError}.
 */
final class ReflectiveDispatch {
    private ReflectiveDispatch() {}

    /** A {@code type} that calls {@code small} for inputs shorter than {@code crossover} bytes, else {@code large}. */
    static <T> T tiered(Class<T> type, T small, T large, int crossover) {
        return proxy(type, new TieredHandler<>(small, large, crossover));
    }

    /** A live {@code type} of {@code source}'s, pointed at {@code chosen}; {@link LiveHandler#object()} is what to hand out. */
    static <T> LiveHandler<T> live(Class<T> type, Live.Source<T> source, T chosen) {
        return new LiveHandler<>(type, source, chosen);
    }

    private static <T> T proxy(Class<T> type, InvocationHandler handler) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, handler));
    }

    /** The handler of a tiered proxy. */
    private record TieredHandler<T>(T small, T large, int crossover) implements InvocationHandler, Tiered<T> {
        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            return call(proxy, method, args, small, large, crossover);
        }
    }

    /**
     * The handler of a live proxy, and the {@link Live} the runtime re-points: volatile fields read
     * once per call, as the generated live classes do.
     */
    static final class LiveHandler<T> implements InvocationHandler, Live<T> {
        private final Live.Source<T> source;
        private final T object;
        private volatile T small;
        private volatile T large;
        private volatile int crossover;

        private LiveHandler(Class<T> type, Live.Source<T> source, T chosen) {
            this.source = Objects.requireNonNull(source, "source");
            this.object = proxy(type, this);
            point(chosen);
        }

        /** The proxy to hand out; it holds this handler strongly. */
        T object() {
            return object;
        }

        @Override
        public Live.Source<T> source() {
            return source;
        }

        @Override
        public void point(T chosen) {
            Objects.requireNonNull(chosen, "chosen");
            if (Proxy.isProxyClass(chosen.getClass())
                    && Proxy.getInvocationHandler(chosen) instanceof TieredHandler<?> tiered) {
                @SuppressWarnings("unchecked") // a tiered proxy of the same type holds objects of it
                TieredHandler<T> t = (TieredHandler<T>) tiered;
                small = t.small();
                large = t.large();
                crossover = t.crossover();
            } else {
                small = chosen;
                large = chosen;
                crossover = 0;
            }
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            return call(proxy, method, args, small, large, crossover);
        }
    }

    /** Calls {@code method} on the tier its arguments route to; {@code Object}'s methods on the proxy itself. */
    private static Object call(Object proxy, Method method, Object[] args, Object small, Object large, int crossover)
            throws Throwable {
        if (method.getDeclaringClass() == Object.class) {
            return switch (method.getName()) {
                case "hashCode" -> System.identityHashCode(proxy);
                case "equals" -> proxy == args[0];
                default ->
                    "routed " + method.getDeclaringClass().getSimpleName() + "[" + small + " below " + crossover
                            + " bytes, " + large + "]";
            };
        }
        Object target = small == large ? large : route(method, args, crossover) ? small : large;
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    /** Whether the call goes to the small tier. */
    private static boolean route(Method method, Object[] args, int crossover) {
        if (args == null || args.length == 0) {
            return false;
        }
        Class<?>[] types = method.getParameterTypes();
        boolean primitivesOnly = true;
        for (int i = 0; i < types.length; i++) {
            if (types[i] == byte[].class) {
                boolean ranged = i + 2 < types.length && types[i + 1] == int.class && types[i + 2] == int.class;
                long size = ranged ? (Integer) args[i + 2] : ((byte[]) args[i]).length;
                return size < crossover;
            }
            if (types[i] == ByteBuffer.class) {
                return ((ByteBuffer) args[i]).remaining() < crossover;
            }
            if (types[i] == MemorySegment.class) {
                return ((MemorySegment) args[i]).byteSize() < crossover;
            }
            primitivesOnly &= types[i].isPrimitive();
        }
        return primitivesOnly;
    }
}
