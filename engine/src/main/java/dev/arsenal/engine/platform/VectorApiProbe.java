package dev.arsenal.engine.platform;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.List;

/**
 * Asks the Vector API for its preferred shape through method handles found by name: no Vector API
 * type appears in this code, so the class loads (and {@link PlatformDetector} works) on a JVM started without
 * {@code --add-modules jdk.incubator.vector}. The class is looked up through the module itself
 * rather than a class loader, which also works inside OSGi frameworks whose bundle loaders do not
 * delegate {@code jdk.incubator.*}.
 */
final class VectorApiProbe {
    /** The incubator module's name. */
    static final String MODULE = "jdk.incubator.vector";

    /**
     * The outcome.
     *
     * @param present whether the module is in the boot layer
     * @param preferredBits {@code VectorShape.preferredShape().vectorBitSize()}, 0 if unknown
     */
    record Result(boolean present, int preferredBits) {}

    private VectorApiProbe() {}

    /**
     * Probes the Vector API. Never throws.
     *
     * @param notes receives why the preferred shape is unknown
     */
    static Result probe(List<String> notes) {
        Module module = null;
        try {
            // Not findModule: for an absent module it searches the parent layers with a stream.
            for (Module m : ModuleLayer.boot().modules()) {
                if (m.getName().equals(MODULE)) {
                    module = m;
                    break;
                }
            }
        } catch (RuntimeException e) {
            notes.add("Vector API not probed: " + e);
            return new Result(false, 0);
        }
        if (module == null) {
            notes.add("Vector API unavailable: module " + MODULE + " not in the boot layer"
                    + " (start the JVM with --add-modules " + MODULE + ")");
            return new Result(false, 0);
        }
        try {
            Class<?> shape = Class.forName(module, MODULE + ".VectorShape");
            if (shape == null) {
                notes.add("Vector API: " + MODULE + ".VectorShape not found in module " + MODULE);
                return new Result(true, 0);
            }
            // Method handles rather than Method.invoke: the first reflective call of a process spins
            // its accessor classes (some 15-20 ms of a first use, on the reference machine).
            MethodHandles.Lookup lookup = MethodHandles.publicLookup();
            MethodHandle preferredBits = MethodHandles.filterReturnValue(
                    lookup.findStatic(shape, "preferredShape", MethodType.methodType(shape)),
                    lookup.findVirtual(shape, "vectorBitSize", MethodType.methodType(int.class)));
            int bits;
            try {
                bits = (int) preferredBits.invokeExact();
            } catch (VirtualMachineError e) {
                throw e;
            } catch (Throwable e) {
                notes.add("Vector API: preferredShape() failed: " + e);
                return new Result(true, 0);
            }
            if (bits > 0) {
                return new Result(true, bits);
            }
            notes.add("Vector API: unexpected preferred vector size " + bits);
            return new Result(true, 0);
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            notes.add("Vector API: preferredShape() not callable: " + e);
        }
        return new Result(true, 0);
    }
}
