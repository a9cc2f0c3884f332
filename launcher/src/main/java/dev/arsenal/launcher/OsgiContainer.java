package dev.arsenal.launcher;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.launch.FrameworkFactory;

/**
 * An embedded Apache Felix running every bundle of the launcher's {@code lib} directory: the
 * framework jar's own directory, {@code launcher/target/lib} in a build. Every jar there with a
 * {@code Bundle-SymbolicName} is installed, except the framework itself; then all are started,
 * libraries first, Gogo next and Arsenal's bundles last, so that Declarative Services and
 * Configuration Admin are up when the engine's components activate. A bundle that does not start
 * is one line on the error stream and the others go on: the SIMD bundle legitimately stays
 * unresolved in a JVM without {@code --add-modules jdk.incubator.vector}, because only then does
 * Felix export that package from the system bundle.
 *
 * <p>Felix's threads are not daemons: {@link #close()} must run, and it is idempotent so that a
 * shutdown hook and a {@code finally} block may both call it.
 */
final class OsgiContainer implements AutoCloseable {
    /**
     * The JDK packages the system bundle exports besides the standard ones: {@code
     * sun.security.x509}, which Conscrypt's bundle imports (for TLS certificates, a path the crypto
     * providers never take); without it Conscrypt does not resolve. Added to what the caller's
     * properties say.
     */
    static final String SYSTEM_PACKAGES_EXTRA = "sun.security.x509";

    private static final long STOP_TIMEOUT_MILLIS = 10_000;

    private final Framework framework;
    private final AtomicBoolean closed = new AtomicBoolean();

    private OsgiContainer(Framework framework) {
        this.framework = framework;
    }

    /**
     * Boots Felix on {@code storage} (cleaned first: bundles are always installed fresh from the lib
     * directory), installs and starts the bundles, and reports those that did not start on {@code
     * err}. {@code properties} are added to the framework's configuration.
     *
     * @throws IllegalStateException if the framework does not start or a bundle does not install;
     *     not a {@code BundleException}, so that callers link without the OSGi API present
     */
    static OsgiContainer start(Path storage, Map<String, String> properties, PrintStream err) {
        try {
            return boot(storage, properties, err);
        } catch (BundleException e) {
            throw new IllegalStateException(oneLine(e), e);
        }
    }

    private static OsgiContainer boot(Path storage, Map<String, String> properties, PrintStream err)
            throws BundleException {
        Path frameworkJar = frameworkJar();
        List<BundleJar> jars = bundleJars(frameworkJar.getParent(), frameworkJar);
        Map<String, String> config = new HashMap<>(properties);
        config.put(Constants.FRAMEWORK_STORAGE, storage.toString());
        config.put(Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT);
        config.merge(Constants.FRAMEWORK_SYSTEMPACKAGES_EXTRA, SYSTEM_PACKAGES_EXTRA, (a, b) -> a + "," + b);
        // On the module path the launcher declares no 'uses' (see module-info); a no-op otherwise.
        OsgiContainer.class.getModule().addUses(FrameworkFactory.class);
        FrameworkFactory factory = ServiceLoader.load(FrameworkFactory.class)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no OSGi framework (FrameworkFactory) on the path"));
        Framework framework = factory.newFramework(config);
        framework.start();
        OsgiContainer container = new OsgiContainer(framework);
        try {
            BundleContext context = framework.getBundleContext();
            List<Bundle> bundles = new ArrayList<>();
            for (BundleJar jar : jars) {
                bundles.add(context.installBundle(jar.path().toUri().toString()));
            }
            for (Bundle bundle : bundles) {
                try {
                    bundle.start();
                } catch (BundleException e) {
                    err.println("arsenal shell: " + bundle.getSymbolicName() + " " + bundle.getVersion()
                            + " not started: " + oneLine(e));
                }
            }
            return container;
        } catch (BundleException | RuntimeException e) {
            container.close();
            throw e;
        }
    }

    BundleContext context() {
        return framework.getBundleContext();
    }

    /** Whether the framework is still running: false once anyone has begun to stop it. */
    boolean isActive() {
        return framework.getState() == Bundle.ACTIVE;
    }

    /**
     * Blocks until the framework has stopped, whoever stopped it ({@link #close()}, or {@code stop 0}
     * in the shell).
     */
    void awaitStop() throws InterruptedException {
        framework.waitForStop(0);
    }

    /** Stops the framework and waits for it (at most 10 s); only the first call does anything. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            framework.stop();
            framework.waitForStop(STOP_TIMEOUT_MILLIS);
        } catch (BundleException e) {
            throw new IllegalStateException("cannot stop the OSGi framework: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The jar the framework was loaded from, on the class path or the module path. */
    static Path frameworkJar() {
        CodeSource source = FrameworkFactory.class.getProtectionDomain().getCodeSource();
        if (source == null || source.getLocation() == null) {
            throw new IllegalStateException("cannot tell where the OSGi framework was loaded from");
        }
        try {
            return Path.of(source.getLocation().toURI()).toAbsolutePath();
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw new IllegalStateException("the OSGi framework is not in a local jar: " + source.getLocation(), e);
        }
    }

    private record BundleJar(Path path, String symbolicName) {}

    /** The bundles of {@code dir} in start order, {@code frameworkJar} excluded. */
    private static List<BundleJar> bundleJars(Path dir, Path frameworkJar) {
        List<BundleJar> jars = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path path : files.filter(p -> p.getFileName().toString().endsWith(".jar"))
                    .filter(p -> !p.toAbsolutePath().equals(frameworkJar))
                    .toList()) {
                String name = symbolicName(path);
                if (name != null) {
                    jars.add(new BundleJar(path, name));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the bundles in " + dir, e);
        }
        jars.sort(Comparator.comparingInt((BundleJar j) -> startRank(j.symbolicName()))
                .thenComparing(BundleJar::symbolicName));
        return jars;
    }

    /**
     * Libraries and services (SCR, Configuration Admin, the OSGi APIs, lz4-java) first; then Gogo,
     * runtime before command and shell; then Arsenal: the API, the provider contract, the engine,
     * the providers.
     */
    private static int startRank(String symbolicName) {
        return switch (symbolicName) {
            case "org.apache.felix.gogo.runtime" -> 1;
            case "org.apache.felix.gogo.command", "org.apache.felix.gogo.shell" -> 2;
            case "dev.arsenal.api" -> 3;
            case "dev.arsenal.spi" -> 4;
            case "dev.arsenal.engine" -> 5;
            default -> symbolicName.startsWith("dev.arsenal.") ? 6 : 0;
        };
    }

    /** The jar's {@code Bundle-SymbolicName} without directives, or null if it is not a bundle. */
    private static String symbolicName(Path jar) throws IOException {
        try (JarFile file = new JarFile(jar.toFile())) {
            Manifest manifest = file.getManifest();
            String name =
                    manifest == null ? null : manifest.getMainAttributes().getValue(Constants.BUNDLE_SYMBOLICNAME);
            return name == null ? null : name.split(";", 2)[0].strip();
        }
    }

    /**
     * Felix's failure on one line: a resolution failure without its repeated "Unresolved
     * requirements" list, an activator failure with its cause.
     */
    private static String oneLine(BundleException e) {
        String message = String.valueOf(e.getMessage());
        int repeat = message.indexOf(" Unresolved requirements:");
        if (repeat > 0) {
            message = message.substring(0, repeat);
        }
        if (e.getCause() != null) {
            message += " (" + e.getCause() + ")";
        }
        return message.replaceAll("\\s+", " ");
    }
}
