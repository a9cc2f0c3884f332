package dev.arsenal.engine.fakefamily;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.arsenal.Algorithm;
import dev.arsenal.ArsenalRuntime;
import dev.arsenal.Configuration;
import dev.arsenal.Family;
import dev.arsenal.ProviderKind;
import dev.arsenal.Strategy;
import dev.arsenal.engine.EngineRuntimeFactory;
import dev.arsenal.engine.LiveRuntime;
import dev.arsenal.platform.CpuInfo;
import dev.arsenal.platform.JvmInfo;
import dev.arsenal.platform.PlatformInfo;
import dev.arsenal.report.Candidate;
import dev.arsenal.report.Decision;
import dev.arsenal.report.ProviderReport;
import dev.arsenal.report.RuntimeReport;
import dev.arsenal.report.SelfTest;
import dev.arsenal.report.Tier;
import dev.arsenal.spi.Availability;
import dev.arsenal.spi.Provider;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The proof that a family is a package to add: the fake checksum family of this package, defined
 * here only and found through {@code META-INF/services}, is discovered, self-tested, tiered,
 * reported and handed out by the engine, which names no family.
 */
class FamilyAsAPackageTest {
    private static final PlatformInfo PLATFORM = new PlatformInfo(
            new CpuInfo("linux", "amd64", "test", 2, List.of(), List.of(), List.of("synthetic")),
            new JvmInfo("25", "test", "test", true, true, false, 0));

    private static final Configuration CONFIG = Configuration.defaults().with(Configuration.CALIBRATION, "off");

    /** Best below 1 KiB. */
    private static final SumProvider SMALL =
            new SumProvider("small-sum", ProviderKind.JAVA, n -> n < 1024 ? 300 : 100, false);

    /** Best from 1 KiB. */
    private static final SumProvider BULK =
            new SumProvider("bulk-sum", ProviderKind.NATIVE, n -> n < 1024 ? 100 : 300, false);

    /** Ranked first everywhere, but wrong. */
    private static final SumProvider WRONG = new SumProvider("wrong-sum", ProviderKind.SIMD, n -> 1000, true);

    private static List<Provider> providers() {
        return List.of(SMALL, BULK, WRONG, new Impostor());
    }

    private static ArsenalRuntime runtime(Configuration config, List<Provider> providers) {
        return EngineRuntimeFactory.create(config, PLATFORM, providers, List.of());
    }

    private static Decision decision(RuntimeReport report, Checksum checksum) {
        return report.selection().stream()
                .filter(d -> d.algorithm().equals(checksum.id()))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void theEngineSelfTestsTiersAndReportsAFamilyItDoesNotName() {
        RuntimeReport report = runtime(CONFIG, providers()).report();
        for (Checksum c : Checksum.values()) {
            Decision d = decision(report, c);
            assertEquals(Family.MEMORY, d.family());
            assertEquals(Decision.Basis.RANKED, d.basis(), d.reason());
            assertEquals(List.of(new Tier(0, "small-sum"), new Tier(1024, "bulk-sum")), d.tiers(), d.reason());
            Candidate wrong = d.candidates().stream()
                    .filter(x -> x.providerId().equals("wrong-sum"))
                    .findFirst()
                    .orElseThrow();
            assertEquals(Candidate.Status.SELF_TEST_FAILED, wrong.status());
            assertEquals(SelfTest.Status.FAILED, wrong.selfTest().status());
        }
        ProviderReport impostor = report.providers().stream()
                .filter(p -> p.id().equals("impostor"))
                .findFirst()
                .orElseThrow();
        assertFalse(impostor.available());
        assertEquals("lists fake checksums but does not implement ChecksumProvider", impostor.reason());
    }

    @Test
    void theViewHandsOutTieredObjectsOfTheChosenProviders() {
        Summer summer = runtime(CONFIG, providers()).view(Checksums.class).summer(Checksum.WEIGHTED_SUM);
        byte[] input = new byte[5000];
        for (int i = 0; i < input.length; i++) {
            input[i] = (byte) (i * 31);
        }
        for (int length : new int[] {0, 1, 1023, 1024, 5000}) {
            assertEquals(Checksum.WEIGHTED_SUM.of(input, 0, length), summer.sum(input, 0, length), "length " + length);
        }
        assertEquals("small-sum", summer.provider(input, 0, 1023));
        assertEquals("bulk-sum", summer.provider(input, 0, 1024));
        assertEquals("bulk-sum", summer.provider(), "a call without input goes to the bulk provider");
    }

    @Test
    void anAliasTheDescriptorAcceptsForcesAProvider() {
        ArsenalRuntime rt = runtime(CONFIG.with("arsenal.provider.sum", "bulk-sum"), providers());
        Decision d = decision(rt.report(), Checksum.SUM);
        assertEquals(Decision.Basis.FORCED, d.basis(), d.reason());
        assertEquals(
                "small-sum",
                decision(rt.report(), Checksum.WEIGHTED_SUM).tiers().getFirst().provider());
        assertEquals("bulk-sum", rt.view(Checksums.class).summer(Checksum.SUM).provider(new byte[1], 0, 1));
    }

    @Test
    void aLiveRuntimesViewFollowsProvidersAsTheyGo() {
        LiveRuntime live = new LiveRuntime(CONFIG.withStrategy(Strategy.BALANCED), providers(), List.of());
        Summer summer = live.view(Checksums.class).summer(Checksum.SUM);
        assertEquals("small-sum", summer.provider(new byte[16], 0, 16));
        live.update(CONFIG, List.of(BULK), List.of());
        assertEquals("bulk-sum", summer.provider(new byte[16], 0, 16), "re-pointed when small-sum left");
        assertEquals(Checksum.SUM.of(new byte[] {9, 9}, 0, 2), summer.sum(new byte[] {9, 9}, 0, 2));
    }

    /** Lists the family's algorithms without implementing its provider interface. */
    private record Impostor() implements Provider {
        @Override
        public String id() {
            return "impostor";
        }

        @Override
        public ProviderKind kind() {
            return ProviderKind.JAVA;
        }

        @Override
        public Family family() {
            return Family.MEMORY;
        }

        @Override
        public Set<? extends Algorithm> algorithms() {
            return Set.of(Checksum.SUM);
        }

        @Override
        public Availability probe(PlatformInfo platform) {
            return Availability.available();
        }

        @Override
        public SelfTest selfTest(Algorithm algorithm) {
            return new SelfTest(SelfTest.Status.PASSED, "");
        }

        @Override
        public int rank(Algorithm algorithm, Strategy strategy) {
            return 0;
        }
    }
}
