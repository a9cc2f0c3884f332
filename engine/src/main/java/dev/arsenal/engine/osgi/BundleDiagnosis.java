package dev.arsenal.engine.osgi;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.namespace.PackageNamespace;
import org.osgi.framework.wiring.BundleCapability;
import org.osgi.framework.wiring.BundleRequirement;
import org.osgi.framework.wiring.BundleRevision;
import org.osgi.framework.wiring.BundleWiring;

/**
 * Why an Arsenal provider bundle is not active: for one that did not resolve, the packages it
 * imports that no resolved bundle exports (the SIMD bundle without {@code jdk.incubator.vector},
 * say), so that its absence from the choice has a visible reason.
 */
final class BundleDiagnosis {
    private static final Pattern PACKAGE = Pattern.compile("\\(osgi\\.wiring\\.package=([^)]+)\\)");

    record Inactive(String bundle, String state, String why) {}

    private BundleDiagnosis() {}

    static List<Inactive> inactiveProviderBundles(BundleContext context) {
        List<Inactive> inactive = new ArrayList<>();
        Set<String> exported = null;
        for (Bundle b : context.getBundles()) {
            String name = b.getSymbolicName();
            if (name == null || !name.startsWith("dev.arsenal.providers.") || b.getState() == Bundle.ACTIVE) {
                continue;
            }
            String state = state(b.getState());
            String why = "not started";
            if (b.getState() == Bundle.INSTALLED) {
                if (exported == null) {
                    exported = exportedPackages(context);
                }
                List<String> missing = missingImports(b, exported);
                why = missing.isEmpty()
                        ? "not resolved"
                        : "not resolved: no bundle exports " + String.join(", ", missing)
                                + (missing.contains("jdk.incubator.vector")
                                        ? " (start the JVM with --add-modules jdk.incubator.vector)"
                                        : "");
            }
            inactive.add(new Inactive(name + " " + b.getVersion(), state, why));
        }
        return inactive;
    }

    private static Set<String> exportedPackages(BundleContext context) {
        Set<String> packages = new HashSet<>();
        for (Bundle b : context.getBundles()) {
            BundleWiring wiring = b.adapt(BundleWiring.class);
            if (wiring == null) {
                continue;
            }
            for (BundleCapability c : wiring.getCapabilities(PackageNamespace.PACKAGE_NAMESPACE)) {
                packages.add(String.valueOf(c.getAttributes().get(PackageNamespace.PACKAGE_NAMESPACE)));
            }
        }
        return packages;
    }

    private static List<String> missingImports(Bundle bundle, Set<String> exported) {
        List<String> missing = new ArrayList<>();
        BundleRevision revision = bundle.adapt(BundleRevision.class);
        if (revision == null) {
            return missing;
        }
        for (BundleRequirement r : revision.getDeclaredRequirements(PackageNamespace.PACKAGE_NAMESPACE)) {
            if (PackageNamespace.RESOLUTION_OPTIONAL.equals(
                    r.getDirectives().get(PackageNamespace.REQUIREMENT_RESOLUTION_DIRECTIVE))) {
                continue;
            }
            Matcher m = PACKAGE.matcher(
                    String.valueOf(r.getDirectives().get(PackageNamespace.REQUIREMENT_FILTER_DIRECTIVE)));
            if (m.find() && !exported.contains(m.group(1))) {
                missing.add(m.group(1));
            }
        }
        return missing;
    }

    private static String state(int state) {
        return switch (state) {
            case Bundle.INSTALLED -> "installed";
            case Bundle.RESOLVED -> "resolved";
            case Bundle.STARTING -> "starting";
            case Bundle.STOPPING -> "stopping";
            case Bundle.UNINSTALLED -> "uninstalled";
            default -> "state " + state;
        };
    }
}
