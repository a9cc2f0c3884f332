package dev.arsenal.engine;

import dev.arsenal.Algorithm;
import dev.arsenal.UnknownAlgorithmException;
import dev.arsenal.compression.Codec;
import dev.arsenal.hashing.HashAlgorithm;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Every algorithm the engine selects for, across families. Public for the engine's OSGi side. */
public final class KnownAlgorithms {
    private static final List<Algorithm> ALL = all(HashAlgorithm.values(), Codec.values());

    private static List<Algorithm> all(Algorithm[]... families) {
        List<Algorithm> all = new ArrayList<>();
        for (Algorithm[] family : families) {
            all.addAll(List.of(family));
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
        try {
            return HashAlgorithm.byId(n);
        } catch (UnknownAlgorithmException e) {
            try {
                return Codec.byId(n);
            } catch (UnknownAlgorithmException e2) {
                throw new UnknownAlgorithmException(id, ids());
            }
        }
    }
}
