package dev.arsenal.providers.natives.hashing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.arsenal.Arsenal;
import dev.arsenal.ArsenalRuntime;
import dev.arsenal.Configuration;
import dev.arsenal.engine.EngineRuntimeFactory;
import dev.arsenal.engine.platform.PlatformDetector;
import dev.arsenal.hashing.HashAlgorithm;
import dev.arsenal.providers.java.hashing.JavaHashingProvider;
import dev.arsenal.report.Candidate;
import dev.arsenal.report.Decision;
import dev.arsenal.report.ProviderReport;
import dev.arsenal.spi.hashing.KnownAnswers;
import dev.arsenal.spi.hashing.XxHashReference;
import java.lang.foreign.MemorySegment;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The engine with the native providers: a broken libxxhash falls back to Java, a working one is chosen. */
class NativeFallbackEngineTest {
    @TempDir
    Path dir;

    @Test
    void aBrokenLibxxhashFallsBackToJava() {
        Path missing = dir.resolve("libxxhash.so.0");
        XxhashNativeProvider broken = new XxhashNativeProvider(() -> XxhashBindings.bind(missing));
        ArsenalRuntime runtime = EngineRuntimeFactory.create(
                Configuration.defaults(),
                PlatformDetector.detect(),
                List.of(broken, new JavaHashingProvider()),
                List.of());

        ProviderReport report = runtime.report().providers().stream()
                .filter(p -> p.id().equals(XxhashNativeProvider.ID))
                .findFirst()
                .orElseThrow();
        assertFalse(report.available());
        assertTrue(report.reason().contains("does not exist"), report.reason());
        Decision xxh3 = runtime.report().decision("xxh3").orElseThrow();
        assertEquals("java-hashing", xxh3.provider().orElseThrow(), xxh3.reason());
        Candidate nativeCandidate = xxh3.candidates().stream()
                .filter(c -> c.providerId().equals(XxhashNativeProvider.ID))
                .findFirst()
                .orElseThrow();
        assertEquals(Candidate.Status.UNAVAILABLE, nativeCandidate.status());

        byte[] data = KnownAnswers.pattern(100_000);
        assertEquals(
                new JavaHashingProvider().hasher64(HashAlgorithm.XXH3_64, 7).hash(data),
                runtime.hasher64(HashAlgorithm.XXH3_64, 7).hash(data));
    }

    @Test
    void theDiscoveredProvidersHashLikeTheReference() {
        ArsenalRuntime runtime = Arsenal.create(Configuration.defaults());
        List<String> ids =
                runtime.report().providers().stream().map(ProviderReport::id).toList();
        assertTrue(ids.contains(XxhashNativeProvider.ID), ids.toString());
        assertTrue(ids.contains(Lz4JniXxhashProvider.ID), ids.toString());
        assumeTrue(XxHashReference.isAvailable(HashAlgorithm.XXH3_64), XxHashReference.unavailabilityCause());
        for (int size : new int[] {0, 16, 1000, 100_000, 1_000_000}) {
            byte[] data = KnownAnswers.pattern(size);
            MemorySegment segment = MemorySegment.ofArray(data);
            assertEquals(
                    XxHashReference.xxh3_64(segment, 5),
                    runtime.hasher64(HashAlgorithm.XXH3_64, 5).hash(data));
            assertEquals(
                    XxHashReference.xxh64(segment, 5),
                    runtime.hasher64(HashAlgorithm.XXH64, 5).hash(data));
            assertEquals(
                    XxHashReference.xxh32(segment, 5),
                    runtime.hasher32(HashAlgorithm.XXH32, 5).hash(data));
            assertEquals(
                    XxHashReference.xxh3_128(segment, 5),
                    runtime.hasher128(HashAlgorithm.XXH3_128, 5).hash(data));
        }
        if (XxhashBindings.isAvailable()) {
            Decision xxh3 = runtime.report().decision("xxh3").orElseThrow();
            assertEquals(XxhashNativeProvider.ID, xxh3.provider().orElseThrow(), xxh3.toString());
        }
    }
}
