package dev.arsenal.providers.simd.hashing;

import static dev.arsenal.providers.simd.vector.VectorGuardTesting.REAL;
import static dev.arsenal.providers.simd.vector.VectorGuardTesting.restoringMaxBitsProperty;
import static dev.arsenal.providers.simd.vector.VectorGuardTesting.runWithoutVectorApi;
import static dev.arsenal.providers.simd.vector.VectorGuardTesting.with;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.arsenal.ProviderKind;
import dev.arsenal.Strategy;
import dev.arsenal.hashing.HashAlgorithm;
import dev.arsenal.platform.JvmInfo;
import dev.arsenal.spi.Availability;
import dev.arsenal.spi.Provider;
import dev.arsenal.spi.Requirement;
import java.io.IOException;
import java.util.EnumSet;
import java.util.List;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

/**
 * The guards of Lucene's {@code VectorizationProvider}: the provider describes itself without the
 * Vector API, refuses a JVM or a vector size it cannot use with a cause people can act on, never
 * picks a shape wider than the hardware, and obeys {@value SimdXxh3Provider#MAX_BITS_PROPERTY}.
 */
class SimdXxh3ProviderGuardTest {
    private static void assumeVectorApi(int bits) {
        JvmInfo jvm = REAL.jvm();
        assumeTrue(
                jvm.hotspot() && jvm.c2() && jvm.preferredVectorBits() >= bits,
                () -> "needs a Vector API of " + bits + " bits with C2: " + jvm);
    }

    @Test
    void describesItselfAndRanksBySizeAndStrategy() {
        SimdXxh3Provider provider = new SimdXxh3Provider();
        assertEquals("simd-xxh3", provider.id());
        assertEquals(ProviderKind.SIMD, provider.kind());
        assertEquals(EnumSet.of(HashAlgorithm.XXH3_64, HashAlgorithm.XXH3_128), provider.algorithms());
        assertEquals(List.of(new Requirement.JdkModule("jdk.incubator.vector")), provider.requirements());
        for (HashAlgorithm algorithm : provider.algorithms()) {
            for (Strategy strategy : List.of(Strategy.BALANCED, Strategy.THROUGHPUT)) {
                assertEquals(90, provider.rank(algorithm, strategy, 16));
                assertEquals(90, provider.rank(algorithm, strategy, 240));
                assertEquals(300, provider.rank(algorithm, strategy, 241));
                assertEquals(300, provider.rank(algorithm, strategy, 1 << 20));
                assertEquals(300, provider.rank(algorithm, strategy));
            }
            assertEquals(90, provider.rank(algorithm, Strategy.LATENCY, 4096));
            assertEquals(120, provider.rank(algorithm, Strategy.LATENCY, 4097));
            assertEquals(120, provider.rank(algorithm, Strategy.LATENCY));
            assertEquals(60, provider.rank(algorithm, Strategy.MINIMAL_MEMORY, 1 << 20));
            assertEquals(60, provider.rank(algorithm, Strategy.MINIMAL_MEMORY));
        }
    }

    @Test
    void refusesVectorsNarrowerThan256Bits() {
        Availability a = new SimdXxh3Provider().probe(with(true, true, true, 128));
        assertFalse(a.isAvailable());
        assertEquals("preferred vector size 128 bits is below the 256 this kernel needs", a.cause());
    }

    @Test
    void refusesAJvmWithoutC2OrHotSpotOrTheModule() {
        Availability noC2 = new SimdXxh3Provider().probe(with(true, false, true, 512));
        assertFalse(noC2.isAvailable());
        assertTrue(noC2.cause().contains("C2 is off"), noC2.cause());
        Availability notHotSpot = new SimdXxh3Provider().probe(with(false, false, true, 512));
        assertFalse(notHotSpot.isAvailable());
        assertTrue(notHotSpot.cause().contains("only on HotSpot"), notHotSpot.cause());
        Availability noModule = new SimdXxh3Provider().probe(with(true, true, false, 0));
        assertFalse(noModule.isAvailable());
        assertTrue(noModule.cause().contains("--add-modules jdk.incubator.vector"), noModule.cause());
        assertFalse(new SimdXxh3Provider().probe(null).isAvailable());
    }

    @Test
    void anUnavailableProviderSaysWhyWhenAskedForAHasher() {
        SimdXxh3Provider provider = new SimdXxh3Provider();
        provider.probe(with(true, true, true, 128));
        IllegalStateException e =
                assertThrows(IllegalStateException.class, () -> provider.hasher64(HashAlgorithm.XXH3_64, 0));
        assertTrue(e.getMessage().contains("128 bits is below the 256"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> provider.hasher32(HashAlgorithm.XXH3_64, 0));
        assertThrows(UnsupportedOperationException.class, () -> provider.hasher32(HashAlgorithm.CRC32, 0));
        assertThrows(UnsupportedOperationException.class, () -> provider.hasher64(HashAlgorithm.XXH64, 0));
    }

    @Test
    void neverPicksAShapeWiderThanTheHardware() {
        assumeVectorApi(256);
        SimdXxh3Provider provider = new SimdXxh3Provider();
        assertTrue(provider.probe(with(true, true, true, 256)).isAvailable());
        assertEquals(256, provider.vectorBits(), "a 256-bit machine gets the 256-bit kernel");
        // a platform that claims more than the JVM prefers still gets no wider kernel than the JVM's
        assertTrue(provider.probe(with(true, true, true, 1024)).isAvailable());
        assertTrue(provider.vectorBits() <= REAL.jvm().preferredVectorBits(), provider.description());
    }

    @Test
    void thePropertyForcesTheNarrowShapeAtProbeTime() {
        assumeVectorApi(256);
        restoringMaxBitsProperty(() -> {
            SimdXxh3Provider provider = new SimdXxh3Provider();
            System.setProperty(SimdXxh3Provider.MAX_BITS_PROPERTY, "256");
            assertTrue(provider.probe(REAL).isAvailable());
            assertEquals(256, provider.vectorBits());
            assertTrue(provider.description().contains("256-bit"), provider.description());
            System.setProperty(SimdXxh3Provider.MAX_BITS_PROPERTY, "128");
            Availability a = provider.probe(REAL);
            assertFalse(a.isAvailable());
            assertEquals("arsenal.simd.maxBits=128 is below the 256 this kernel needs", a.cause());
            System.setProperty(SimdXxh3Provider.MAX_BITS_PROPERTY, "wide");
            assertFalse(provider.probe(REAL).isAvailable());
            System.clearProperty(SimdXxh3Provider.MAX_BITS_PROPERTY);
            assertTrue(provider.probe(REAL).isAvailable());
            assertEquals(REAL.jvm().preferredVectorBits() >= 512 ? 512 : 256, provider.vectorBits());
        });
    }

    @Test
    void isFoundByTheServiceLoader() {
        assertTrue(
                ServiceLoader.load(Provider.class).stream().anyMatch(p -> p.type() == SimdXxh3Provider.class),
                "META-INF/services/dev.arsenal.spi.Provider lists SimdXxh3Provider");
    }

    /**
     * In a JVM started without {@code --add-modules jdk.incubator.vector}: the provider loads,
     * describes itself and ranks, and its probe says what is missing ({@link NoVectorApiMain}).
     */
    @Test
    void loadsAndExplainsItselfInAJvmWithoutTheVectorApi() throws IOException, InterruptedException {
        String out = runWithoutVectorApi(NoVectorApiMain.class);
        assertTrue(out.contains("id simd-xxh3 kind SIMD rank 300"), out);
        assertTrue(out.contains("module jdk.incubator.vector present: false"), out);
        assertTrue(out.contains("requirement: module jdk.incubator.vector not in the boot layer"), out);
        assertTrue(out.contains("probe: unavailable: module jdk.incubator.vector is not readable"), out);
        assertTrue(out.contains("hasher64: IllegalStateException"), out);
    }
}
