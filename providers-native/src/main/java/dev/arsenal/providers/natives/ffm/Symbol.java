package dev.arsenal.providers.natives.ffm;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The C function that a record component's {@link java.lang.invoke.MethodHandle} calls, declared
 * once, where the handle is: {@link NativeBinder} reads it to look the symbol up and to make the
 * downcall handle. The declaration is the function's prototype as its header writes it, parameter
 * names included, so that the two can be compared by eye:
 *
 * <pre>{@code
 * record Handles(
 *         @Symbol("size_t ZSTD_compress2(ZSTD_CCtx* cctx, void* dst, size_t dstCapacity,"
 *                 + " const void* src, size_t srcSize)")
 *         MethodHandle compress2,
 *         @Symbol(sameAs = "compress2", critical = true) MethodHandle compress2Heap) {}
 * }</pre>
 *
 * <p>What a prototype may say: any pointer ({@code T*}, {@code const T*}, {@code T**}) is an
 * address; the C scalar types ({@code int}, {@code unsigned}, {@code long long}, {@code size_t},
 * {@code uint32_t} ...) are the platform's ({@link java.lang.foreign.Linker#canonicalLayouts()});
 * {@code enum E} is an {@code int}; {@code void} returns nothing, and {@code (void)} or {@code ()}
 * takes nothing; other names (typedefs, structs returned by value) are those the binder was given
 * ({@link NativeBinder#withType}). Variadic functions and function pointers passed by value are
 * not supported. A prototype the binder cannot read fails the binding with the component's name.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface Symbol {
    /** The function's prototype: {@code "unsigned ZSTD_isError(size_t code)"}; empty with {@link #sameAs}. */
    String value() default "";

    /**
     * The name of another component of the same record whose function this handle calls too, with
     * its own {@link #critical} setting; {@link #value} is then empty. For a function bound twice:
     * once for native memory, once critical for Java arrays passed in place.
     */
    String sameAs() default "";

    /**
     * Whether the handle is {@linkplain java.lang.foreign.Linker.Option#critical(boolean) critical
     * with heap access}: Java arrays are passed in place, no thread-state transition is made, and
     * the call holds off safepoints (so the GC) while it runs. Only for functions that never call
     * back into Java and return quickly; callers bound the input of one call.
     */
    boolean critical() default false;
}
