package dev.arsenal.spi;

import java.lang.management.ManagementFactory;
import java.util.Optional;

/**
 * Whether code may call the JVM's restricted methods (FFM's {@code Linker}, {@code
 * SymbolLookup.libraryLookup}, JNI's {@code System.load}) without the JVM printing its "restricted
 * method" warning on the application's stderr. A native provider asks before it loads anything and
 * reports itself unavailable when the answer is no, naming the flag that would enable it: a library
 * stays quiet on default flags, and a user who wants native code says so (JEP 472: "integrity by
 * default").
 *
 * <p>Native access is enabled for a module by {@code --enable-native-access=M} (a module name, or
 * {@code ALL-UNNAMED} for the class path) or by an executable jar's {@code Enable-Native-Access:
 * ALL-UNNAMED} manifest entry; {@code --illegal-native-access=allow} allows every module silently.
 */
public final class NativeAccess {
    /** Read once: whether the JVM was started with {@code --illegal-native-access=allow}. */
    private static volatile Boolean allowedForAll;

    private NativeAccess() {}

    /** Whether code in {@code module} may call restricted methods without a warning. */
    public static boolean isEnabled(Module module) {
        return module.isNativeAccessEnabled() || illegalNativeAccessAllowed();
    }

    /**
     * Empty if {@code module} may call restricted methods; else why {@code what} ("libzstd") is not
     * loaded, with the flag to add.
     */
    public static Optional<String> refusal(Module module, String what) {
        if (isEnabled(module)) {
            return Optional.empty();
        }
        return Optional.of("native access is not enabled for " + describe(module) + ", so " + what
                + " is not loaded (start the JVM with --enable-native-access=" + flagValue(module)
                + "; without it the JVM would print a restricted-method warning)");
    }

    /** The value {@code --enable-native-access} takes for {@code module}: its name, or ALL-UNNAMED. */
    public static String flagValue(Module module) {
        return module.isNamed() ? module.getName() : "ALL-UNNAMED";
    }

    private static String describe(Module module) {
        return module.isNamed() ? "module " + module.getName() : "the class path";
    }

    /**
     * {@code --illegal-native-access=allow} leaves {@link Module#isNativeAccessEnabled()} false but
     * lets every module call without a warning; the JVM's arguments are the only place it shows.
     */
    private static boolean illegalNativeAccessAllowed() {
        Boolean allowed = allowedForAll;
        if (allowed == null) {
            try {
                allowed = ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                        .anyMatch(a -> a.equals("--illegal-native-access=allow"));
            } catch (RuntimeException | LinkageError e) {
                allowed = false; // no management: ask for the flag, the safe answer
            }
            allowedForAll = allowed;
        }
        return allowed;
    }
}
