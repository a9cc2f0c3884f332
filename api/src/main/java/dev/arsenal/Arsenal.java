package dev.arsenal;

import java.util.ServiceLoader;

/**
 * The entry point. {@link #runtime()} is the process-wide runtime built from {@link
 * Configuration#load()} on first use; {@link #create(Configuration)} builds another with any
 * configuration (for tests, or to force a provider in one place).
 *
 * <p>Family entry points such as {@link dev.arsenal.hashing.Hashing} use {@link #runtime()}.
 *
 * <p>In an OSGi framework the engine bundle registers the runtime and the factory as services;
 * {@link #runtime()} and {@link #create} then use those (and follow the provider bundles as they
 * come and go), so code written against this class runs unchanged in a container.
 */
public final class Arsenal {
    private Arsenal() {}

    private static final class Holder {
        static final ArsenalRuntime RUNTIME = factory().create(Configuration.load());
    }

    /**
     * The default runtime, created on first use from system properties, the environment and the
     * properties file.
     *
     * @throws ConfigurationException if the configuration is invalid (and on every later call)
     */
    public static ArsenalRuntime runtime() {
        if (OsgiServices.ACTIVE) {
            return OsgiServices.service(ArsenalRuntime.class);
        }
        try {
            return Holder.RUNTIME;
        } catch (ExceptionInInitializerError e) {
            throw rethrow(e.getCause());
        } catch (NoClassDefFoundError e) {
            throw new ArsenalException("the default Arsenal runtime failed to start earlier; see the first error", e);
        }
    }

    private static RuntimeException rethrow(Throwable cause) {
        return cause instanceof RuntimeException re ? re : new ArsenalException(String.valueOf(cause), cause);
    }

    /** Arsenal's version, as built ({@code 0.1.0-SNAPSHOT}); {@code unknown} if not recorded. */
    public static String version() {
        return Version.VALUE;
    }

    /** The version, read once. */
    private static final class Version {
        static final String VALUE = read();

        /**
         * From the jar's manifest ({@code Implementation-Version}), which the class loader has read
         * already; else (classes not in a jar, a named module) from {@code version.properties}:
         * reading a resource from a jar costs a process some 30 ms the first time.
         */
        private static String read() {
            String fromManifest = Arsenal.class.getPackage().getImplementationVersion();
            if (fromManifest != null) {
                return fromManifest;
            }
            try (java.io.InputStream in = Arsenal.class.getResourceAsStream("version.properties")) {
                if (in == null) {
                    return "unknown";
                }
                java.util.Properties p = new java.util.Properties();
                p.load(in);
                return p.getProperty("version", "unknown");
            } catch (java.io.IOException e) {
                return "unknown";
            }
        }
    }

    /** Builds a new runtime with {@code configuration}. */
    public static ArsenalRuntime create(Configuration configuration) {
        return factory().create(configuration);
    }

    private static RuntimeFactory factory() {
        if (OsgiServices.ACTIVE) {
            return OsgiServices.service(RuntimeFactory.class);
        }
        return ServiceLoader.load(RuntimeFactory.class, Arsenal.class.getClassLoader())
                .findFirst()
                .or(() -> ServiceLoader.load(RuntimeFactory.class).findFirst())
                .orElseThrow(
                        () -> new ArsenalException(
                                "no Arsenal engine found: put arsenal-engine (module dev.arsenal.engine) on the class or module path"));
    }
}
