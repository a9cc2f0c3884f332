package dev.arsenal.engine;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Lists the api interfaces the engine hands out through a dispatch layer. For each, the build's
 * annotation processor ({@code codegen}'s {@code DispatchProcessor}, on this module's processor
 * path) writes a {@link Tiered} record {@code TieredX} and a {@link Live} class {@code LiveX} into
 * this package, and one {@code Dispatch} class with factories by interface. For each stateful type
 * in {@link #leased()}, it writes a {@code LeasedX} wrapper that the live classes put around every
 * such object they return, so that the object fails with a clear error once the provider that made
 * it has gone (see {@link Lease}). Source retention: it exists only for the processor.
 */
@Retention(RetentionPolicy.SOURCE)
@Target(ElementType.PACKAGE)
@interface GenerateDispatch {
    /** The interfaces, each once. */
    Class<?>[] value();

    /**
     * The stateful types the interfaces return (streams), interfaces or classes with a public
     * no-argument constructor, each once: what a live object returns of these types is bound to the
     * provider that made it.
     */
    Class<?>[] leased() default {};
}
