package dev.arsenal.providers.simd.compression;

import static dev.arsenal.providers.simd.vector.VectorGuardTesting.REAL;
import static dev.arsenal.providers.simd.vector.VectorGuardTesting.restoringMaxBitsProperty;
import static dev.arsenal.providers.simd.vector.VectorGuardTesting.runWithoutVectorApi;
import static dev.arsenal.providers.simd.vector.VectorGuardTesting.with;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.arsenal.Family;
import dev.arsenal.ProviderKind;
import dev.arsenal.Strategy;
import dev.arsenal.compression.Codec;
import dev.arsenal.platform.JvmInfo;
import dev.arsenal.report.SelfTest;
import dev.arsenal.spi.Availability;
import dev.arsenal.spi.Provider;
import dev.arsenal.spi.Requirement;
import java.io.IOException;
import java.util.List;
import java.util.ServiceLoader;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The provider: what it says of itself on any JVM, the probe's guards (as {@code
 * SimdXxh3ProviderGuardTest}), and its self-test in both shapes where the Vector API is usable.
 */
class SimdShuffleProviderTest {
    private static void assumeVectorApi(int bits) {
        JvmInfo jvm = REAL.jvm();
        assumeTrue(
                jvm.hotspot() && jvm.c2() && jvm.vectorApi() && jvm.preferredVectorBits() >= bits,
                () -> "needs a Vector API of " + bits + " bits with C2: " + jvm);
    }

    @Test
    void describesItself() {
        SimdShuffleProvider provider = new SimdShuffleProvider();
        assertEquals("simd-shuffle", provider.id());
        assertEquals(ProviderKind.SIMD, provider.kind());
        assertEquals(Family.COMPRESSION, provider.family());
        assertEquals(Set.of(Codec.LZ4_SHUFFLE, Codec.ZSTD_SHUFFLE), provider.algorithms());
        assertEquals(List.of(new Requirement.JdkModule("jdk.incubator.vector")), provider.requirements());
        for (Codec codec : provider.algorithms()) {
            for (Strategy strategy : Strategy.values()) {
                assertEquals(300, provider.rank(codec, strategy));
                assertEquals(300, provider.rank(codec, strategy, 1 << 20));
            }
        }
    }

    @Test
    void isAvailableAndPassesItsSelfTestWhereTheVectorApiIs() {
        assumeVectorApi(256);
        SimdShuffleProvider provider = new SimdShuffleProvider();
        Availability a = provider.probe(REAL);
        assertTrue(a.isAvailable(), a::toString);
        assertEquals(REAL.jvm().preferredVectorBits() >= 512 ? 512 : 256, provider.vectorBits());
        for (Codec codec : provider.algorithms()) {
            SelfTest t = provider.selfTest(codec);
            assertEquals(SelfTest.Status.PASSED, t.status(), t.detail());
        }
    }

    @Test
    void theNarrowShapePassesItsSelfTest() {
        assumeVectorApi(256);
        SimdShuffleProvider provider = new SimdShuffleProvider(256);
        assertTrue(provider.probe(REAL).isAvailable());
        assertEquals(256, provider.vectorBits());
        assertTrue(provider.description().contains("256-bit"), provider.description());
        SelfTest t = provider.selfTest(Codec.ZSTD_SHUFFLE);
        assertEquals(SelfTest.Status.PASSED, t.status(), t.detail());
    }

    @Test
    void refusesWhatItCannotUseAndSaysWhy() {
        Availability narrow = new SimdShuffleProvider().probe(with(true, true, true, 128));
        assertFalse(narrow.isAvailable());
        assertEquals("preferred vector size 128 bits is below the 256 this kernel needs", narrow.cause());
        Availability noC2 = new SimdShuffleProvider().probe(with(true, false, true, 512));
        assertTrue(noC2.cause().contains("C2 is off"), noC2.cause());
        Availability notHotSpot = new SimdShuffleProvider().probe(with(false, false, true, 512));
        assertTrue(notHotSpot.cause().contains("only on HotSpot"), notHotSpot.cause());
        Availability noModule = new SimdShuffleProvider().probe(with(true, true, false, 0));
        assertTrue(noModule.cause().contains("--add-modules jdk.incubator.vector"), noModule.cause());
        assertFalse(new SimdShuffleProvider().probe(null).isAvailable());
        Availability capped = new SimdShuffleProvider(128).probe(with(true, true, true, 512));
        assertEquals("arsenal.simd.maxBits=128 is below the 256 this kernel needs", capped.cause());

        SimdShuffleProvider provider = new SimdShuffleProvider();
        provider.probe(with(true, true, true, 128));
        IllegalStateException e = assertThrows(IllegalStateException.class, provider::shuffle);
        assertTrue(e.getMessage().contains("128 bits is below the 256"), e.getMessage());
    }

    @Test
    void thePropertyForcesTheNarrowShapeAtProbeTime() {
        assumeVectorApi(256);
        restoringMaxBitsProperty(() -> {
            SimdShuffleProvider provider = new SimdShuffleProvider();
            System.setProperty(SimdShuffleProvider.MAX_BITS_PROPERTY, "256");
            assertTrue(provider.probe(REAL).isAvailable());
            assertEquals(256, provider.vectorBits());
            System.setProperty(SimdShuffleProvider.MAX_BITS_PROPERTY, "wide");
            assertFalse(provider.probe(REAL).isAvailable());
        });
    }

    @Test
    void isFoundByTheServiceLoader() {
        assertTrue(
                ServiceLoader.load(Provider.class).stream().anyMatch(p -> p.type() == SimdShuffleProvider.class),
                "META-INF/services/dev.arsenal.spi.Provider lists SimdShuffleProvider");
    }

    /** In a JVM without {@code jdk.incubator.vector}: loads, describes itself, and says what is missing. */
    @Test
    void loadsAndExplainsItselfInAJvmWithoutTheVectorApi() throws IOException, InterruptedException {
        String out = runWithoutVectorApi(NoVectorApiShuffleMain.class);
        assertTrue(out.contains("id simd-shuffle kind SIMD rank 300"), out);
        assertTrue(out.contains("probe: unavailable: module jdk.incubator.vector is not readable"), out);
        assertTrue(out.contains("shuffle: IllegalStateException"), out);
    }
}
