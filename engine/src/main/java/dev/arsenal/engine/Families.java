package dev.arsenal.engine;

import dev.arsenal.Algorithm;
import dev.arsenal.Family;
import dev.arsenal.spi.FamilyDescriptor;
import dev.arsenal.spi.FamilyDescriptors;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;

/**
 * The families the engine decides for: the {@linkplain FamilyDescriptors#builtIn() built-in}
 * descriptors, then those {@link ServiceLoader} finds (class path and module path; in an OSGi
 * framework the built-in ones only), one per {@link Family}, the first found winning. Found once per
 * engine class loader: the engine iterates over these and names no family itself.
 */
final class Families {
    private static final List<FamilyDescriptor> BUILT_IN = List.copyOf(FamilyDescriptors.builtIn());

    /**
     * Every family, found when first needed: a first use of a built-in family does not wait for
     * {@link ServiceLoader} to search the class path for others.
     */
    private static final class All {
        static final List<FamilyDescriptor> ALL = discover();
    }

    private Families() {}

    private static List<FamilyDescriptor> discover() {
        Map<Family, FamilyDescriptor> byFamily = new EnumMap<>(Family.class);
        List<FamilyDescriptor> all = new ArrayList<>();
        List<FamilyDescriptor> found = new ArrayList<>(BUILT_IN);
        try {
            ServiceLoader.load(FamilyDescriptor.class, Families.class.getClassLoader())
                    .forEach(found::add);
        } catch (ServiceConfigurationError e) {
            // A broken extra family must not stop the built-in ones; its providers then stay
            // undecided ("no provider implements ...") as if it were absent.
        }
        for (FamilyDescriptor d : found) {
            if (byFamily.putIfAbsent(d.family(), d) == null) {
                all.add(d);
            }
        }
        return List.copyOf(all);
    }

    /** Every family, built-in first. */
    static List<FamilyDescriptor> all() {
        return All.ALL;
    }

    /** The built-in families, which win over any found for the same {@link Family}. */
    static List<FamilyDescriptor> builtIn() {
        return BUILT_IN;
    }

    /** The descriptor of {@code family}, if the engine knows one. */
    static Optional<FamilyDescriptor> find(Family family) {
        for (FamilyDescriptor d : BUILT_IN) {
            if (d.family() == family) {
                return Optional.of(d);
            }
        }
        for (FamilyDescriptor d : all()) {
            if (d.family() == family) {
                return Optional.of(d);
            }
        }
        return Optional.empty();
    }

    /**
     * The descriptor of {@code family}, which the caller knows to exist (the family of a known
     * algorithm).
     */
    static FamilyDescriptor of(Family family) {
        return find(family).orElseThrow(() -> new IllegalStateException("no descriptor of the family " + family.id()));
    }

    /** The descriptor of {@code algorithm}'s family. */
    static FamilyDescriptor of(Algorithm algorithm) {
        return of(algorithm.family());
    }
}
