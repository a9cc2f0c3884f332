package dev.arsenal.engine;

import dev.arsenal.Family;
import dev.arsenal.spi.FamilyDescriptor;
import dev.arsenal.spi.Provider;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The providers a {@link Selector} decides among: a fixed list (a container's, a test's), or those
 * {@link java.util.ServiceLoader} found, each made only when a family it may serve is first needed.
 * A provider's class says which families it may serve (it implements their {@linkplain
 * FamilyDescriptor#contracts() contract}, {@code HashingProvider}...), so that the first hasher
 * makes the hashing providers and not the compression ones, whose constructors load codec classes.
 * Not thread-safe: the selector's callers hold its lock.
 */
final class Providers {
    /** A provider class found and not made yet. */
    record Found(Class<?> type, Supplier<Provider> make) {}

    private final List<Provider> made = new ArrayList<>();
    private final List<Found> waiting;
    private final List<String> problems;
    private final Set<String> ids = new HashSet<>();
    /** The classes of the providers made by name, which discovery then does not make again. */
    private final Set<String> madeByName = new HashSet<>();
    /** The loader of providers made by name; {@code null} for a fixed list. */
    private final ClassLoader loader;
    /** The discovery not run yet, or {@code null}. */
    private Supplier<Providers> discovery;

    private Providers(List<? extends Provider> made, List<Found> waiting, List<String> problems) {
        this(made, waiting, problems, null, null);
    }

    private Providers(
            List<? extends Provider> made,
            List<Found> waiting,
            List<String> problems,
            ClassLoader loader,
            Supplier<Providers> discovery) {
        this.loader = loader;
        this.discovery = discovery;
        this.waiting = new ArrayList<>(waiting);
        this.problems = new ArrayList<>(problems);
        made.forEach(p -> {
            this.made.add(p);
            this.ids.add(p.id());
        });
    }

    /** These providers, made already. */
    static Providers fixed(List<? extends Provider> providers, List<String> problems) {
        return new Providers(List.copyOf(providers), List.of(), problems);
    }

    /**
     * Providers found but not made: each made when a family its class may serve is first needed;
     * one whose class implements no known family's contract at once (its family is known only
     * from the provider itself).
     */
    static Providers found(List<Found> found, List<String> problems) {
        Providers providers = new Providers(List.of(), found, problems);
        providers.make(f -> Families.all().stream().noneMatch(d -> implementsContractOf(d, f.type())));
        return providers;
    }

    /**
     * Providers found by {@code discovery} when first needed ({@link #of}, {@link #all}, {@link
     * #problems}), and until then made only by name ({@link #make(String, String)}) from {@code
     * loader}.
     */
    static Providers deferred(ClassLoader loader, Supplier<Providers> discovery) {
        return new Providers(List.of(), List.of(), List.of(), loader, discovery);
    }

    /**
     * The provider {@code id}, of class {@code className}, made now if it was not: a stored
     * decision names its providers, and taking it must not cost finding and loading every other
     * provider class. Empty if the class cannot be loaded or made here (a named module that does
     * not open it), or makes a provider of another id; the caller then decides afresh.
     */
    Optional<Provider> make(String id, String className) {
        for (Provider p : made) {
            if (p.id().equals(id)) {
                return p.getClass().getName().equals(className) ? Optional.of(p) : Optional.empty();
            }
        }
        if (discovery == null) {
            make(f -> f.type().getName().equals(className));
        } else if (loader != null) {
            try {
                Class<?> type = Class.forName(className, false, loader);
                if (Provider.class.isAssignableFrom(type) && !type.getModule().isNamed()) {
                    Provider p = (Provider) type.getConstructor().newInstance();
                    if (p.id().equals(id) && ids.add(id)) {
                        made.add(p);
                        madeByName.add(className);
                    }
                }
            } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
                return Optional.empty(); // found again by discovery, where its failure is reported
            }
        }
        return made.stream().filter(p -> p.id().equals(id)).findFirst();
    }

    private void discover() {
        Supplier<Providers> pending = discovery;
        if (pending == null) {
            return;
        }
        discovery = null;
        Providers found = pending.get();
        problems.addAll(found.problems);
        for (Found f : found.waiting) {
            if (!madeByName.contains(f.type().getName())) {
                waiting.add(f);
            }
        }
        for (Provider p : found.made) {
            if (ids.add(p.id())) {
                made.add(p);
            }
        }
    }

    /** The providers made so far, the ones that may serve {@code family} among them. */
    List<Provider> of(Family family) {
        discover();
        Optional<FamilyDescriptor> descriptor = Families.find(family);
        make(f -> descriptor.map(d -> implementsContractOf(d, f.type())).orElse(true));
        return List.copyOf(made);
    }

    /** Every provider, all made now. */
    List<Provider> all() {
        discover();
        make(f -> true);
        return List.copyOf(made);
    }

    /** The providers made so far. */
    List<Provider> made() {
        return List.copyOf(made);
    }

    /** What could not be loaded or made, so far. */
    List<String> problems() {
        discover();
        return List.copyOf(problems);
    }

    private static boolean implementsContractOf(FamilyDescriptor d, Class<?> type) {
        return d.contracts().stream().anyMatch(c -> c.type().isAssignableFrom(type));
    }

    private void make(java.util.function.Predicate<Found> which) {
        for (var it = waiting.iterator(); it.hasNext(); ) {
            Found f = it.next();
            if (!which.test(f)) {
                continue;
            }
            it.remove();
            try {
                Provider provider = f.make().get();
                if (!ids.add(provider.id())) {
                    problems.add("duplicate provider id '" + provider.id() + "' from "
                            + f.type().getName() + " ignored");
                    continue;
                }
                made.add(provider);
            } catch (java.util.ServiceConfigurationError | RuntimeException | LinkageError e) {
                problems.add("provider " + f.type().getName() + " could not be created: " + e);
            }
        }
    }
}
