package dev.arsenal.engine;

import dev.arsenal.spi.Provider;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;

/**
 * Providers whose primitives come wrapped in the engine's generated dispatch classes, so that a
 * provider's contract test also runs through them: every object a factory method returns whose
 * interface has generated dispatch ({@code Dispatch.types()}) becomes a {@link Tiered} record of
 * two objects from the provider, or a {@link Live} object pointed at such a record. Everything else
 * is the provider's own answer.
 */
public final class DispatchingProviders {
    private DispatchingProviders() {}

    /**
     * {@code provider}, whose primitives are generated tiered records: inputs shorter than {@code
     * crossover} bytes go to one object the provider made, the rest to another.
     *
     * @param type the provider interface the contract test uses ({@code HashingProvider.class}...)
     */
    public static <P extends Provider> P tiered(Class<P> type, P provider, int crossover) {
        return wrap(type, provider, crossover, false);
    }

    /**
     * {@code provider}, whose primitives are generated live objects pointed at a tiered record as
     * {@link #tiered} makes it (as a {@link LiveRuntime} points them at a tiered choice).
     */
    public static <P extends Provider> P live(Class<P> type, P provider, int crossover) {
        return wrap(type, provider, crossover, true);
    }

    private static <P extends Provider> P wrap(Class<P> type, P provider, int crossover, boolean live) {
        Object proxy = Proxy.newProxyInstance(
                type.getClassLoader(), new Class<?>[] {type}, (p, method, args) -> switch (method.getName()) {
                    case "toString" -> (live ? "live " : "tiered ") + provider;
                    case "hashCode" -> System.identityHashCode(p);
                    case "equals" -> p == args[0];
                    default -> {
                        Object made = call(provider, method, args);
                        yield Dispatch.types().contains(method.getReturnType())
                                ? dispatched(
                                        method.getReturnType(), made, call(provider, method, args), crossover, live)
                                : made;
                    }
                });
        return type.cast(proxy);
    }

    private static <T> T dispatched(Class<T> type, Object small, Object large, int crossover, boolean live) {
        T tiered = Dispatch.tiered(type, type.cast(small), type.cast(large), crossover);
        return live ? type.cast(Dispatch.live(type, new Fixed<>(tiered), tiered)) : tiered;
    }

    private static Object call(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    /** A source that always gives the same choice. */
    record Fixed<T>(T chosen) implements Live.Source<T> {
        @Override
        public T choose(SelectingRuntime selection) {
            return chosen;
        }

        @Override
        public T unavailable(String reason) {
            throw new UnsupportedOperationException("a fixed choice is never withdrawn: " + reason);
        }

        @Override
        public Lease lease(Object made) {
            return Lease.NONE;
        }
    }
}
