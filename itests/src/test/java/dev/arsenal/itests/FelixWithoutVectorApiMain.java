package dev.arsenal.itests;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.launch.FrameworkFactory;

/**
 * Run in a child JVM started without {@code --add-modules jdk.incubator.vector}: boots Felix,
 * installs the jars given as arguments, then starts them, and prints one line per bundle: its symbolic
 * name, its state, and why it did not start.
 */
public final class FelixWithoutVectorApiMain {
    private FelixWithoutVectorApiMain() {}

    /** Arguments: the jars to install. */
    public static void main(String[] args) throws Exception {
        Path storage = Files.createTempDirectory("arsenal-felix");
        Framework felix = ServiceLoader.load(FrameworkFactory.class)
                .findFirst()
                .orElseThrow()
                .newFramework(Map.of(
                        Constants.FRAMEWORK_STORAGE,
                        storage.toString(),
                        Constants.FRAMEWORK_STORAGE_CLEAN,
                        Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT));
        felix.start();
        try {
            BundleContext context = felix.getBundleContext();
            List<Bundle> bundles = new ArrayList<>();
            for (String jar : args) {
                bundles.add(context.installBundle(Path.of(jar).toUri().toString()));
            }
            for (Bundle b : bundles) {
                String why = "";
                try {
                    b.start();
                } catch (BundleException e) {
                    why = e.getMessage().replace('\n', ' ');
                }
                System.out.println(b.getSymbolicName() + " " + (b.getState() == Bundle.ACTIVE ? "ACTIVE" : "NOT_ACTIVE")
                        + " " + why);
            }
        } finally {
            felix.stop();
            felix.waitForStop(10_000);
        }
    }
}
