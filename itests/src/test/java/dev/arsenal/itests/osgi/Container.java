package dev.arsenal.itests.osgi;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.launch.FrameworkFactory;
import org.osgi.framework.wiring.FrameworkWiring;

/**
 * A plain Apache Felix booted the way a container boots it, in a JVM whose class path holds only
 * the framework and these tests: Arsenal exists here only as bundles. {@link #close} stops the
 * framework (its threads would keep the JVM alive).
 */
public final class Container implements AutoCloseable {
    private final Framework felix;
    private final List<String> startFailures = new ArrayList<>();

    /**
     * The Felix configuration every test container starts with, as the launcher's does: its storage,
     * cleaned, and the extra system package Conscrypt's bundle imports ({@code sun.security.x509}).
     */
    public static Map<String, String> felixConfig(Path storage) {
        Map<String, String> config = new HashMap<>();
        config.put(Constants.FRAMEWORK_STORAGE, storage.toString());
        config.put(Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT);
        config.put(Constants.FRAMEWORK_SYSTEMPACKAGES_EXTRA, "sun.security.x509");
        return config;
    }

    /** Boots Felix with a fresh storage directory, installs the jars and starts them in order. */
    public Container(List<Path> jars, Map<String, String> properties) throws Exception {
        Map<String, String> config = new HashMap<>(felixConfig(Files.createTempDirectory("arsenal-felix")));
        config.putAll(properties);
        felix = ServiceLoader.load(FrameworkFactory.class)
                .findFirst()
                .orElseThrow()
                .newFramework(config);
        felix.start();
        BundleContext context = felix.getBundleContext();
        // Not kept: a Bundle object held after uninstall could keep its class loader alive.
        List<Bundle> installed = new ArrayList<>();
        for (Path jar : jars) {
            installed.add(context.installBundle(jar.toUri().toString()));
        }
        for (Bundle b : installed) {
            try {
                b.start();
            } catch (BundleException e) {
                startFailures.add(b.getSymbolicName() + ": " + e.getMessage().replace('\n', ' '));
            }
        }
    }

    /** The system bundle's context. */
    public BundleContext context() {
        return felix.getBundleContext();
    }

    /** "name: message" for each bundle that failed to start at boot. */
    public List<String> startFailures() {
        return List.copyOf(startFailures);
    }

    /** The installed bundle with this symbolic name. */
    public Bundle bundle(String symbolicName) {
        for (Bundle b : context().getBundles()) {
            if (symbolicName.equals(b.getSymbolicName()) && b.getState() != Bundle.UNINSTALLED) {
                return b;
            }
        }
        throw new IllegalStateException("no bundle " + symbolicName);
    }

    /** The framework's wiring: dependency closures, bundles with a removal pending. */
    public FrameworkWiring wiring() {
        return felix.adapt(FrameworkWiring.class);
    }

    /** Refreshes every bundle with a removal pending, and waits until the framework is done. */
    public void refresh() throws InterruptedException {
        CountDownLatch done = new CountDownLatch(1);
        wiring().refreshBundles(null, e -> {
            if (e.getType() == FrameworkEvent.PACKAGES_REFRESHED || e.getType() == FrameworkEvent.ERROR) {
                done.countDown();
            }
        });
        if (!done.await(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("refresh did not finish in 30 s");
        }
    }

    @Override
    public void close() throws BundleException, InterruptedException, IOException {
        felix.stop();
        felix.waitForStop(10_000);
    }
}
