package dev.arsenal.engine;

/** A hasher of a {@link LiveRuntime}, pointed at a new selection when the providers change. */
interface LiveHasher {
    /** Takes this hasher's target from {@code selection}. Called under the runtime's lock. */
    void retarget(SelectingRuntime selection);

    /** Points this hasher at nothing: every call throws with {@code reason}. */
    void close(String reason);
}
