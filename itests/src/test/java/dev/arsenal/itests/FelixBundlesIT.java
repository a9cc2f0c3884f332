package dev.arsenal.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arsenal.itests.osgi.Container;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.launch.FrameworkFactory;

/**
 * Every jar the launcher ships installs into a plain Apache Felix 7.0.5 and resolves, as in a
 * container: the manifests bnd wrote are complete (imports, the optional lz4-java import, the
 * Java 25 execution environment). The dynamic part (providers as services, hot-swap) is {@link
 * OsgiRuntimeIT}'s; this checks the bundles themselves.
 */
class FelixBundlesIT {
    @TempDir
    Path storage;

    @Test
    void everyShippedJarInstallsAndResolvesInFelix() throws Exception {
        Map<String, String> config = Container.felixConfig(storage);
        FrameworkFactory factory =
                ServiceLoader.load(FrameworkFactory.class).findFirst().orElseThrow();
        Framework felix = factory.newFramework(config);
        felix.start();
        try {
            BundleContext context = felix.getBundleContext();
            List<Bundle> bundles = new ArrayList<>();
            for (Path jar : Launcher.bundleJars()) {
                bundles.add(context.installBundle(jar.toUri().toString()));
            }
            for (Bundle b : bundles) {
                b.start();
            }
            for (Bundle b : bundles) {
                assertEquals(
                        Bundle.ACTIVE,
                        b.getState(),
                        b.getSymbolicName() + " is active (the SIMD bundle needs the JVM started with"
                                + " --add-modules jdk.incubator.vector, which Failsafe does)");
            }
            List<String> names = bundles.stream().map(Bundle::getSymbolicName).toList();
            assertTrue(
                    names.containsAll(List.of(
                            "dev.arsenal.api",
                            "dev.arsenal.spi",
                            "dev.arsenal.engine",
                            "dev.arsenal.providers.java",
                            "dev.arsenal.providers.natives",
                            "dev.arsenal.providers.simd",
                            "org.apache.felix.scr",
                            "org.apache.felix.configadmin")),
                    names.toString());
        } finally {
            felix.stop();
            felix.waitForStop(10_000);
        }
    }
}
