package dev.arsenal.random;

import dev.arsenal.Arsenal;
import java.util.ArrayList;
import java.util.List;

/**
 * The entry point for pseudo-random generators: each method returns a generator of the provider
 * the {@linkplain Arsenal#runtime() default runtime} selected for the algorithm.
 *
 * <pre>{@code
 * SeededRandom r = Randoms.of("xoshiro256++", 42);
 * long x = r.nextLong();
 * double u = r.nextDouble();
 * SeededRandom pcg = Randoms.fromState(RandomAlgorithm.PCG32, 42, 54); // pcg32_srandom_r(42, 54)
 * }</pre>
 *
 * <p>Since JDK 23, {@code RandomGeneratorFactory} lists only the JDK's own algorithms, so this class
 * is the registry: {@link #algorithms()} names them, and {@code arsenal info} lists them too.
 */
public final class Randoms {
    private Randoms() {}

    /** A generator of {@code algorithm} seeded from {@code seed} ({@link RandomView#generator}). */
    public static SeededRandom of(RandomAlgorithm algorithm, long seed) {
        return Arsenal.runtime().view(RandomView.class).generator(algorithm, seed);
    }

    /** A generator of the algorithm named {@code algorithm} ({@code "pcg64"}) seeded from {@code seed}. */
    public static SeededRandom of(String algorithm, long seed) {
        return of(RandomAlgorithm.byId(algorithm), seed);
    }

    /** A generator of {@code algorithm} from its raw state ({@link RandomView#fromState}). */
    public static SeededRandom fromState(RandomAlgorithm algorithm, long... state) {
        return Arsenal.runtime().view(RandomView.class).fromState(algorithm, state);
    }

    /** The names of the algorithms, as {@link #of(String, long)} takes them. */
    public static List<String> algorithms() {
        List<String> names = new ArrayList<>();
        for (RandomAlgorithm a : RandomAlgorithm.values()) {
            names.add(a.id());
        }
        return List.copyOf(names);
    }
}
