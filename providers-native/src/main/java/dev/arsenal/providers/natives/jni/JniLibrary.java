package dev.arsenal.providers.natives.jni;

import dev.arsenal.spi.Availability;
import dev.arsenal.spi.NativeAccess;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Probes an optional JNI library shipped in a jar (lz4-java, zstd-jni), the same way for every
 * family: first whether a class of the library is visible ({@link Class#forName} without
 * initializing it, so that nothing of the library is linked), then whether native access is enabled
 * for the library's module ({@link NativeAccess}; never a JVM warning on default flags), then
 * whether its native code loads.
 * Never throws: a failure is a one-line cause with the loader's own message and the throwable kept.
 *
 * <p>The providers that use this name no type of the library themselves; the {@code load} they pass
 * calls into a package-private bindings class that does, which the JVM loads only when the lambda
 * runs, after the class was found.
 */
public final class JniLibrary {
    private JniLibrary() {}

    /**
     * Whether {@code library} ("lz4-java") can be used from {@code loader}.
     *
     * @param library the library's name, for messages
     * @param className a class of the library, looked up without initializing it
     * @param module the library's JPMS module, for the message when the class is missing
     * @param loader where to look for {@code className}
     * @param load loads the native code and says what it loaded; may throw a {@link LinkageError}
     *     (the usual way: {@link UnsatisfiedLinkError}, {@link ExceptionInInitializerError}), an
     *     {@link AssertionError} (a library's own check) or a runtime exception
     * @return available, or unavailable with the cause ("lz4-java not on the class path (...)",
     *     "lz4-java native library failed to load: ...")
     */
    public static Availability probe(
            String library, String className, String module, ClassLoader loader, Supplier<String> load) {
        Class<?> type;
        try {
            type = Class.forName(className, false, loader);
        } catch (ClassNotFoundException | LinkageError e) {
            return Availability.unavailable(
                    library + " not on the class path (" + className + " not found; on the module path, resolve the"
                            + " module " + module + ")",
                    e);
        }
        // The library loads its native code itself (System.load, or FFM): a restricted call in its
        // module, which would print the JVM's warning unless native access is enabled there.
        Module own = JniLibrary.class.getModule();
        Module its = type.getModule();
        Optional<String> refused = NativeAccess.refusal(its, library + "'s native code");
        if (refused.isPresent()) {
            // Enabled for Arsenal but not for the library: the user asked for native code and
            // missed one module, which is worth a warning; otherwise native code is simply off.
            return own != its && NativeAccess.isEnabled(own)
                    ? Availability.misconfigured(
                            refused.get() + "; it is enabled for " + NativeAccess.flagValue(own) + ", add "
                                    + NativeAccess.flagValue(its) + " too",
                            null)
                    : Availability.unavailable(refused.get());
        }
        try {
            load.get();
            return Availability.available();
        } catch (LinkageError | AssertionError | RuntimeException e) {
            return Availability.unavailable(library + " native library failed to load: " + rootCause(e), e);
        } catch (Error e) {
            return Availability.unavailable(library + " native library failed to load: " + e, e);
        }
    }

    /**
     * A probe run on first use and its outcome kept: as a provider's static field, once per class
     * loader, so that a bundle installed again probes again. Never throws: a probe that does is
     * unavailable with the cause, and stays so.
     */
    public static final class Once {
        private final String library;
        private final Supplier<Availability> probe;
        private volatile Availability outcome;

        /**
         * Keeps {@code probe}, to run on the first {@link #get}.
         *
         * @param library the library's name, for the message when {@code probe} throws
         * @param probe the probe, usually a call of {@link JniLibrary#probe}
         */
        public Once(String library, Supplier<Availability> probe) {
            this.library = library;
            this.probe = probe;
        }

        /** The probe's outcome, probing on the first call. */
        public Availability get() {
            Availability a = outcome;
            if (a == null) {
                synchronized (this) {
                    a = outcome;
                    if (a == null) {
                        try {
                            a = probe.get();
                        } catch (RuntimeException | Error e) {
                            a = Availability.unavailable("probing " + library + " failed: " + e, e);
                        }
                        outcome = a;
                    }
                }
            }
            return a;
        }
    }

    /**
     * The first throwable in the chain that says something: loaders throw {@code
     * ExceptionInInitializerError} around what went wrong ("Cannot unpack liblz4-java: ...", an
     * {@code UnsatisfiedLinkError} naming the library), and that message is what people need.
     */
    public static String rootCause(Throwable t) {
        for (Throwable cause = t; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause.getMessage() != null && !(cause instanceof ExceptionInInitializerError)) {
                return cause.toString();
            }
        }
        return t.toString();
    }
}
