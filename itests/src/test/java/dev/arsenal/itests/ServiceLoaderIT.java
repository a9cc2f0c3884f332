package dev.arsenal.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arsenal.Arsenal;
import dev.arsenal.Configuration;
import dev.arsenal.hashing.HashAlgorithm;
import dev.arsenal.hashing.Hashing;
import dev.arsenal.report.Decision;
import dev.arsenal.spi.Provider;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

/** Providers found by ServiceLoader on the class path (this JVM), and on the module path (a child JVM). */
class ServiceLoaderIT {
    @Test
    void providersAreFoundOnTheClassPath() {
        List<String> ids = ServiceLoader.load(Provider.class).stream()
                .map(p -> p.get().id())
                .toList();
        assertTrue(ids.contains("java-hashing"), ids.toString());
        var runtime = Arsenal.create(Configuration.defaults());
        for (HashAlgorithm a : HashAlgorithm.values()) {
            Decision d = runtime.report().decision(a.id()).orElseThrow();
            assertTrue(d.provider().isPresent(), d.toString());
        }
        assertEquals(0x26c7827d889f6da3L, Hashing.xxh64().hash("hello".getBytes(StandardCharsets.US_ASCII)));
    }

    @Test
    void providersAreFoundOnTheModulePath() {
        Launcher.Result r = Launcher.modulePath("info", "--json");
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("\"modulePath\": true"), "ran as named modules: " + r.out());
        assertTrue(r.out().contains("\"id\": \"java-hashing\""), r.out());
        assertTrue(r.out().contains("\"provider\": \"java-hashing\""), r.out());
        assertTrue(!r.out().contains("\"provider\": null"), "every algorithm has a provider: " + r.out());
    }

    @Test
    void theLauncherRunsOnTheClassPathAsTheScriptDoes() {
        Launcher.Result r = Launcher.classPath(null, "info", "--json");
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("\"modulePath\": false"), r.out());
        assertTrue(r.out().contains("\"provider\": \"java-hashing\""), r.out());
    }
}
