package dev.arsenal.engine;

import dev.arsenal.Algorithm;
import dev.arsenal.UnknownAlgorithmException;
import dev.arsenal.spi.FamilyDescriptor;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Every algorithm the engine selects for, across the {@linkplain Families families}. Public for the
 * engine's OSGi side.
 */
public final class KnownAlgorithms {
    private static final List<Algorithm> ALL = all(Families.all());

    private static List<Algorithm> all(List<FamilyDescriptor> families) {
        List<Algorithm> all = new ArrayList<>();
        for (FamilyDescriptor family : families) {
            all.addAll(family.algorithms());
        }
        return List.copyOf(all);
    }

    private KnownAlgorithms() {}

    /** Every algorithm, family by family. */
    public static List<Algorithm> all() {
        return ALL;
    }

    /** Every algorithm id. */
    public static List<String> ids() {
        List<String> ids = new ArrayList<>();
        ALL.forEach(a -> ids.add(a.id()));
        return ids;
    }

    /**
     * Finds an algorithm by id (or an alias its family accepts).
     *
     * @throws UnknownAlgorithmException listing every known id
     */
    public static Algorithm byId(String id) {
        String n = id.strip().toLowerCase(Locale.ROOT);
        for (Algorithm a : ALL) {
            if (a.id().equals(n)) {
                return a;
            }
        }
        for (FamilyDescriptor family : Families.all()) {
            Optional<Algorithm> a = family.byId(n);
            if (a.isPresent()) {
                return a.get();
            }
        }
        throw new UnknownAlgorithmException(id, ids());
    }
}
