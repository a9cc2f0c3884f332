package dev.arsenal.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * What the shipped manifests and module descriptors promise: the provider contract ({@code
 * dev.arsenal.spi}) carries nothing of the engine (no Declarative Services, Gogo, OSGi framework or
 * {@code jdk.management} requirement), so that a new engine never rewires a provider bundle; the
 * engine exports nothing; every exported package of api and spi has a version, and bundles import
 * them with a range.
 */
class BundleManifestsIT {
    /** The bundle jar with this symbolic name among the launcher's jars. */
    private static Path jar(String symbolicName) {
        return Launcher.bundleJars().stream()
                .filter(j -> symbolicName.equals(Launcher.symbolicName(j)))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no bundle " + symbolicName + " in " + Launcher.libJars()));
    }

    private static Attributes manifest(String symbolicName) {
        try (JarFile file = new JarFile(jar(symbolicName).toFile())) {
            return file.getManifest().getMainAttributes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The clauses of an OSGi header, package (or namespace) name to the rest of its clause; commas
     * inside quotes (version ranges, filters, uses lists) do not split.
     */
    static Map<String, String> clauses(String header) {
        Map<String, String> clauses = new LinkedHashMap<>();
        if (header == null) {
            return clauses;
        }
        List<String> parts = new ArrayList<>();
        StringBuilder part = new StringBuilder();
        boolean quoted = false;
        for (char ch : header.toCharArray()) {
            if (ch == '"') {
                quoted = !quoted;
            }
            if (ch == ',' && !quoted) {
                parts.add(part.toString());
                part.setLength(0);
            } else {
                part.append(ch);
            }
        }
        parts.add(part.toString());
        for (String p : parts) {
            int semicolon = p.indexOf(';');
            String name = (semicolon < 0 ? p : p.substring(0, semicolon)).strip();
            // Several clauses may share a namespace (osgi.extender twice): keep them all.
            clauses.merge(name, semicolon < 0 ? "" : p.substring(semicolon + 1), (a, b) -> a + "," + b);
        }
        return clauses;
    }

    private static ModuleDescriptor descriptor(String symbolicName) {
        return ModuleFinder.of(jar(symbolicName)).findAll().iterator().next().descriptor();
    }

    @Test
    void theContractCarriesNothingOfTheEngine() {
        Attributes spi = manifest("dev.arsenal.spi");
        Set<String> imports = clauses(spi.getValue("Import-Package")).keySet();
        for (String p : imports) {
            assertTrue(
                    !p.startsWith("org.osgi.")
                            && !p.startsWith("org.apache.felix.")
                            && !p.startsWith("com.sun.management")
                            && !p.startsWith("dev.arsenal.engine"),
                    "the spi bundle imports nothing the engine alone needs: " + imports);
        }
        Map<String, String> requirements = clauses(spi.getValue("Require-Capability"));
        assertEquals(
                Set.of("osgi.ee"), requirements.keySet(), "no extender (DS) or service requirement: " + requirements);
        assertNull(spi.getValue("Service-Component"), "no DS component in the spi bundle");
        assertNull(spi.getValue("Provide-Capability"), "the spi bundle provides no service");

        Set<String> requires = descriptor("dev.arsenal.spi").requires().stream()
                .map(ModuleDescriptor.Requires::name)
                .collect(Collectors.toCollection(TreeSet::new));
        // java.management: NativeAccess reads the JVM's arguments (--illegal-native-access=allow);
        // osgi.annotation: static, for @Export and @Version, never needed at run time.
        assertEquals(
                new TreeSet<>(Set.of("java.base", "java.management", "dev.arsenal.api", "osgi.annotation")),
                requires,
                "the spi module requires the API and nothing of the engine's");
    }

    @Test
    void theEngineExportsNothingAndImportsTheContractByVersionRange() {
        Attributes engine = manifest("dev.arsenal.engine");
        assertNull(engine.getValue("Export-Package"), "no bundle can wire to the engine, so updating it rewires none");
        assertTrue(engine.getValue("Service-Component").contains("OsgiEngine"), "the DS component is the engine's");
        Map<String, String> imports = clauses(engine.getValue("Import-Package"));
        for (String p : List.of("dev.arsenal", "dev.arsenal.hashing", "dev.arsenal.spi")) {
            assertTrue(imports.containsKey(p), "the engine imports " + p + ": " + imports.keySet());
            assertTrue(imports.get(p).contains("version=\"[1.0,2)\""), p + " by range: " + imports.get(p));
        }
        // The engine names no family: the descriptors in dev.arsenal.spi lead it to them.
        for (String p : List.of(
                "dev.arsenal.spi.hashing",
                "dev.arsenal.spi.compression",
                "dev.arsenal.spi.crypto",
                "dev.arsenal.spi.random")) {
            assertFalse(imports.containsKey(p), "the engine does not import " + p + ": " + imports.keySet());
        }
        assertTrue(
                imports.get("org.apache.felix.service.command").contains("resolution:=optional"),
                "Gogo is optional: " + imports.get("org.apache.felix.service.command"));
        assertEquals("dev.arsenal.engine", descriptor("dev.arsenal.engine").name());
        assertTrue(descriptor("dev.arsenal.engine").exports().isEmpty(), "the engine module exports nothing");
        assertTrue(
                descriptor("dev.arsenal.engine").provides().stream()
                        .anyMatch(p -> p.service().equals("dev.arsenal.RuntimeFactory")
                                && p.providers().equals(List.of("dev.arsenal.engine.EngineRuntimeFactory"))),
                "the engine provides the RuntimeFactory");
    }

    @Test
    void everyExportedPackageHasAVersion() {
        Map<String, Set<String>> expected = Map.of(
                "dev.arsenal.api",
                        Set.of(
                                "dev.arsenal",
                                "dev.arsenal.compression",
                                "dev.arsenal.crypto",
                                "dev.arsenal.hashing",
                                "dev.arsenal.platform",
                                "dev.arsenal.random",
                                "dev.arsenal.report"),
                "dev.arsenal.spi",
                        Set.of(
                                "dev.arsenal.spi",
                                "dev.arsenal.spi.compression",
                                "dev.arsenal.spi.crypto",
                                "dev.arsenal.spi.hashing",
                                "dev.arsenal.spi.random"));
        for (var e : expected.entrySet()) {
            Map<String, String> exports = clauses(manifest(e.getKey()).getValue("Export-Package"));
            assertEquals(e.getValue(), exports.keySet(), e.getKey() + " exports what its module exports");
            assertEquals(
                    e.getValue(),
                    descriptor(e.getKey()).exports().stream()
                            .map(ModuleDescriptor.Exports::source)
                            .collect(Collectors.toSet()),
                    e.getKey() + ": the module and the bundle export the same packages");
            exports.forEach((p, attributes) ->
                    assertTrue(attributes.contains("version=\"1.0.0\""), p + " is exported at 1.0.0: " + attributes));
        }
        for (String provider :
                List.of("dev.arsenal.providers.java", "dev.arsenal.providers.natives", "dev.arsenal.providers.simd")) {
            Map<String, String> imports = clauses(manifest(provider).getValue("Import-Package"));
            assertTrue(imports.get("dev.arsenal.spi").contains("version=\"[1.0,2)\""), provider + ": " + imports);
            assertTrue(
                    imports.keySet().stream().noneMatch(p -> p.startsWith("dev.arsenal.engine")),
                    provider + " does not import the engine: " + imports.keySet());
        }
    }
}
