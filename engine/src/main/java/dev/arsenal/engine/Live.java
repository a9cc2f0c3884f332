package dev.arsenal.engine;

/**
 * A primitive a {@link LiveRuntime} hands out and re-points when providers come or go: it calls
 * whatever its {@link Source} chose last, routing by size as a {@link Tiered} one does. The classes
 * that implement it ({@code LiveHasher64}, {@code LiveCompressor}...) are generated at build time
 * for the interfaces {@link GenerateDispatch} lists, and made through {@code Dispatch.live}.
 *
 * @param <T> the interface the object implements
 */
interface Live<T> {
    /** Where this object's choices come from; the object holds it strongly. */
    Source<T> source();

    /**
     * Sends the calls that start from now on to {@code chosen}: to both its tiers if it is a {@link
     * Tiered} object, else to it alone. Called under the runtime's lock.
     */
    void point(T chosen);

    /**
     * What a live object was asked for, asked again of every new selection. The live object holds
     * it strongly and the runtime holds the live object weakly, so whatever the source holds (the
     * runtime) lives as long as the object is used.
     *
     * @param <T> the interface of the objects it makes
     */
    interface Source<T> {
        /**
         * The object {@code selection} gives for this request, or, when it cannot give one, an
         * object whose calls throw a {@link dev.arsenal.ProviderUnavailableException} with the
         * reason. Never throws: one request's failure must not stop the others from moving.
         */
        T choose(SelectingRuntime selection);

        /** An object whose calls throw a {@link dev.arsenal.ProviderUnavailableException} with {@code reason}. */
        T unavailable(String reason);

        /**
         * The lease of the providers that made {@code chosen}, an object this source chose (one tier
         * of a tiered choice), for a stream it is about to begin: {@link Lease#NONE} when they are
         * not known.
         */
        Lease lease(Object chosen);
    }
}
