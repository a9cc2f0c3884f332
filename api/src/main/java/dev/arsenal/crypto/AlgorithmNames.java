package dev.arsenal.crypto;

import dev.arsenal.Algorithm;
import dev.arsenal.UnknownAlgorithmException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How the crypto family's algorithm enums find a constant by name: the id ({@code sha-256}), the
 * constant's name ({@code SHA_256}) or the names other tools use ({@code sha256}, {@code
 * HmacSHA256}, {@code HKDF-SHA256}) all match once case, dashes and underscores are set aside.
 */
final class AlgorithmNames {
    private AlgorithmNames() {}

    /** The ids of {@code values}, in declaration order. */
    static <A extends Enum<A> & Algorithm> List<String> ids(A[] values) {
        return Arrays.stream(values).map(Algorithm::id).toList();
    }

    /**
     * The constant of {@code values} that {@code name} names, or the one {@code aliases} maps its
     * folded form to.
     *
     * @throws UnknownAlgorithmException listing the ids, if none
     */
    static <A extends Enum<A> & Algorithm> A byName(A[] values, String name, Map<String, A> aliases) {
        String n = fold(name);
        for (A a : values) {
            if (fold(a.id()).equals(n) || fold(a.name()).equals(n)) {
                return a;
            }
        }
        A alias = aliases.get(n);
        if (alias == null) {
            throw new UnknownAlgorithmException(name, ids(values));
        }
        return alias;
    }

    /** Lower case, without dashes, underscores and surrounding blanks. */
    static String fold(String name) {
        return name.strip().toLowerCase(Locale.ROOT).replace("-", "").replace("_", "");
    }
}
