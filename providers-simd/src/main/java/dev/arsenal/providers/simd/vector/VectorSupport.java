package dev.arsenal.providers.simd.vector;

import dev.arsenal.platform.JvmInfo;
import dev.arsenal.platform.PlatformInfo;
import dev.arsenal.spi.Availability;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.Optional;

/**
 * Internal to this module, not an API: public only so that the provider packages ({@code
 * hashing}, {@code compression}) can share it. The package is exported neither by {@code
 * module-info.java} nor in the OSGi manifest (the module's {@code arsenal.exports} is empty).
 *
 * <p>The guard of the SIMD providers, as Lucene's {@code VectorizationProvider}: {@link #probe}
 * asks for HotSpot with C2 (elsewhere the Vector API runs as slow Java objects), the module {@value
 * #MODULE} readable, and a preferred vector size of at least {@value #MIN_BITS} bits; it picks the
 * 512-bit shape only when the preferred size is 512 bits or more, under the cap of {@value
 * #MAX_BITS_PROPERTY} (read at each probe), and then loads the provider's kernel class by name.
 * No Vector API type appears here, so this class loads on a JVM without the module.
 */
public final class VectorSupport {
    /** The Vector API module, {@value}. */
    public static final String MODULE = "jdk.incubator.vector";

    /**
     * The system property that caps the vector size in bits, {@value}, shared by the SIMD
     * providers; {@code 256} forces the narrow shape.
     */
    public static final String MAX_BITS_PROPERTY = "arsenal.simd.maxBits";

    /** The narrowest vector size the kernels have a shape for, {@value}. */
    public static final int MIN_BITS = 256;

    private VectorSupport() {}

    /**
     * What a {@link #probe} found.
     *
     * @param availability available, or why not
     * @param kernel the kernel when available, else {@code null}
     * @param bits the kernel's vector size in bits when available (512 or 256), else 0
     * @param <K> the kernel's type
     */
    public record Probe<K>(Availability availability, K kernel, int bits) {}

    /**
     * Checks the JVM and the vector size, then loads the kernel of the chosen shape. Never throws
     * but for a {@link VirtualMachineError}.
     *
     * @param platform the platform to check, may be {@code null} (then unavailable)
     * @param maxBits the cap in bits, or 0 to read {@value #MAX_BITS_PROPERTY}
     * @param lookup the provider's {@code MethodHandles.lookup()}: its module must read {@value
     *     #MODULE}, its class loader loads the kernel class, and it has access to the kernel's
     *     package-private {@code create}
     * @param kernelClass the binary name of the class that holds {@code static create(int bits)}
     * @param kernelType what {@code create} makes
     * @param noun what the kernel is called in the cause when it does not load ("kernel")
     * @param <K> the kernel's type
     */
    public static <K> Probe<K> probe(
            PlatformInfo platform,
            int maxBits,
            MethodHandles.Lookup lookup,
            String kernelClass,
            Class<K> kernelType,
            String noun) {
        if (platform == null || platform.jvm() == null) {
            return unavailable("no JVM information to check the Vector API against");
        }
        JvmInfo jvm = platform.jvm();
        if (!jvm.hotspot()) {
            return unavailable("the Vector API is fast only on HotSpot; this VM is " + jvm.vmName());
        }
        if (!jvm.c2()) {
            return unavailable("C2 is off (-XX:TieredStopAtLevel below 4, or -Xint): vector code would"
                    + " run as slow Java objects");
        }
        Optional<Module> module = ModuleLayer.boot().findModule(MODULE);
        if (!jvm.vectorApi() || module.isEmpty()) {
            return unavailable(
                    "module " + MODULE + " is not readable (start the JVM with --add-modules " + MODULE + ")");
        }
        Module caller = lookup.lookupClass().getModule();
        if (!caller.canRead(module.get())) {
            return unavailable(caller + " does not read " + MODULE);
        }
        int preferred = jvm.preferredVectorBits();
        if (preferred < MIN_BITS) {
            return unavailable(
                    "preferred vector size " + preferred + " bits is below the " + MIN_BITS + " this kernel needs");
        }
        int cap;
        try {
            cap = maxBits > 0 ? maxBits : maxBitsProperty();
        } catch (NumberFormatException e) {
            return unavailable(
                    MAX_BITS_PROPERTY + "=" + System.getProperty(MAX_BITS_PROPERTY) + " is not a number of bits");
        }
        if (cap < MIN_BITS) {
            return unavailable(MAX_BITS_PROPERTY + "=" + cap + " is below the " + MIN_BITS + " this kernel needs");
        }
        int bits = preferred >= 512 && cap >= 512 ? 512 : 256;
        try {
            return new Probe<>(Availability.available(), loadKernel(lookup, kernelClass, kernelType, bits), bits);
        } catch (VirtualMachineError e) {
            throw e;
        } catch (Throwable e) {
            return new Probe<>(
                    Availability.unavailable("the " + bits + "-bit Vector API " + noun + " did not load: " + e, e),
                    null,
                    0);
        }
    }

    private static <K> Probe<K> unavailable(String cause) {
        return new Probe<>(Availability.unavailable(cause), null, 0);
    }

    private static int maxBitsProperty() {
        String value = System.getProperty(MAX_BITS_PROPERTY);
        return value == null || value.isBlank() ? Integer.MAX_VALUE : Integer.parseInt(value.strip());
    }

    /**
     * Loads the Vector API code by name, only now that the module is known to be there, and calls
     * its {@code static create(int bits)}. That method is declared to return the kernel class itself
     * where the class is a {@code K} ({@code VectorByteShuffle}), else {@code K} (a holder of shapes,
     * as {@code Xxh3VectorKernel}).
     */
    private static <K> K loadKernel(MethodHandles.Lookup lookup, String kernelClass, Class<K> kernelType, int bits)
            throws Throwable {
        Class<?> type = Class.forName(kernelClass, true, lookup.lookupClass().getClassLoader());
        Class<?> declared = kernelType.isAssignableFrom(type) ? type : kernelType;
        MethodHandle create = lookup.findStatic(type, "create", MethodType.methodType(declared, int.class));
        return kernelType.cast(create.invoke(bits));
    }
}
