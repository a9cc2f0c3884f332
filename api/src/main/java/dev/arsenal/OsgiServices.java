package dev.arsenal;

import java.util.Optional;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleReference;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceReference;

/**
 * How {@link Arsenal} finds the engine when it runs as an OSGi bundle, where {@link
 * java.util.ServiceLoader} does not cross bundles: the engine bundle registers the runtime and the
 * factory as services. Loaded only after {@link #ACTIVE} found the OSGi framework API, so that
 * outside OSGi nothing here is linked.
 */
final class OsgiServices {
    private OsgiServices() {}

    /** Whether the api classes were loaded by an OSGi bundle. */
    static final boolean ACTIVE = detect();

    /**
     * Whether the api's class loader is a bundle's: a framework's bundle class loaders implement
     * {@code BundleReference}. Asked of the loader rather than through {@code FrameworkUtil}, whose
     * first call looks for helpers with a {@code ServiceLoader} (some 10 ms of start-up) even on a
     * plain class path that merely holds the framework (as the {@code arsenal} command's does). A
     * framework that runs bundles from the class path's own loader (OSGi Connect) is then not seen,
     * and Arsenal finds its engine there through {@link java.util.ServiceLoader}, which works on
     * such a flat class path.
     */
    private static boolean detect() {
        try {
            Class.forName("org.osgi.framework.BundleReference", false, Arsenal.class.getClassLoader());
            return Lookup.isBundleLoader(Arsenal.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            // No framework API, or one this module cannot read (on the module path without
            // `requires`): not a bundle.
            return false;
        }
    }

    /**
     * The highest-ranked service of {@code type}, or an {@link ArsenalException} saying that the
     * engine bundle is not active.
     */
    static <T> T service(Class<T> type) {
        return Lookup.service(type)
                .orElseThrow(() -> new ArsenalException("no " + type.getSimpleName()
                        + " service: the Arsenal engine bundle (dev.arsenal.engine) is not active; it needs a"
                        + " Declarative Services runtime such as Apache Felix SCR (see docs/osgi.md)"));
    }

    /** Names OSGi types; loaded only when the framework API is there. */
    private static final class Lookup {
        static boolean isBundleLoader(ClassLoader loader) {
            return loader instanceof BundleReference reference && reference.getBundle() != null;
        }

        static Bundle bundle() {
            return FrameworkUtil.getBundle(Arsenal.class);
        }

        static <T> Optional<T> service(Class<T> type) {
            Bundle bundle = bundle();
            BundleContext context = bundle == null ? null : bundle.getBundleContext();
            if (context == null) {
                return Optional.empty();
            }
            ServiceReference<T> reference = context.getServiceReference(type);
            if (reference == null) {
                return Optional.empty();
            }
            // The engine registers one object, not a service factory, and it stays valid until the
            // engine stops (which then closes it): released at once, so that lookups do not pile up
            // in the framework's use count.
            T service = context.getService(reference);
            if (service != null) {
                context.ungetService(reference);
            }
            return Optional.ofNullable(service);
        }
    }
}
