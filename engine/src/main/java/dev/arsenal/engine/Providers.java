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

    private Providers(List<? extends Provider> made, List<Found> waiting, List<String> problems) {
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

    /** The providers made so far, the ones that may serve {@code family} among them. */
    List<Provider> of(Family family) {
        Optional<FamilyDescriptor> descriptor = Families.find(family);
        make(f -> descriptor.map(d -> implementsContractOf(d, f.type())).orElse(true));
        return List.copyOf(made);
    }

    /** Every provider, all made now. */
    List<Provider> all() {
        make(f -> true);
        return List.copyOf(made);
    }

    /** The providers made so far. */
    List<Provider> made() {
        return List.copyOf(made);
    }

    /** What could not be loaded or made, so far. */
    List<String> problems() {
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
