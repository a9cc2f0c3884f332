package dev.arsenal.engine;

/**
 * A primitive whose calls go to one of two objects of its own type by input size: inputs shorter
 * than {@link #crossover()} bytes to {@link #small()}, the rest to {@link #large()}. The records
 * that implement it ({@code TieredHasher64}, {@code TieredCompressor}...) are generated at build
 * time for the interfaces {@link GenerateDispatch} lists, and made through {@code Dispatch.tiered};
 * {@code docs/architecture.md} says what routes where and why it is generated.
 *
 * @param <T> the interface the object implements and routes between
 */
interface Tiered<T> {
    /** Serves inputs shorter than the crossover, and calls with only primitive arguments. */
    T small();

    /** Serves inputs from the crossover up, and calls with no size (streams, getters). */
    T large();

    /** The input size in bytes from which {@link #large()} serves. */
    int crossover();
}
