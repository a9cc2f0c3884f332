package dev.arsenal.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arsenal.Configuration;
import dev.arsenal.ProviderKind;
import dev.arsenal.engine.calibration.DecisionStore;
import dev.arsenal.hashing.HashAlgorithm;
import dev.arsenal.hashing.Hasher32;
import dev.arsenal.platform.CpuFeature;
import dev.arsenal.platform.CpuInfo;
import dev.arsenal.platform.FeatureSource;
import dev.arsenal.platform.JvmInfo;
import dev.arsenal.platform.PlatformInfo;
import dev.arsenal.report.Candidate;
import dev.arsenal.report.Decision;
import dev.arsenal.report.Tier;
import dev.arsenal.spi.Provider;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A start with a stored decision for its signature takes it after checking only the providers it
 * names, on the stored platform, without finding the other providers; a decision that no longer
 * holds (a provider gone or failing its self-test) is made afresh and stored again. Counted by the
 * fake providers' probes and by the discoveries run, not by time.
 */
class StoredDecisionsTest {
    private static final PlatformInfo STORED_PLATFORM = new PlatformInfo(
            new CpuInfo(
                    "linux",
                    "amd64",
                    "test cpu",
                    2,
                    List.of(CpuFeature.flag("avx2", FeatureSource.PROC_CPUINFO)),
                    List.of(),
                    List.of("a note")),
            new JvmInfo("25", "test", "test", true, true, false, 0));
    private static final PlatformInfo DETECTED_NOW = new PlatformInfo(
            new CpuInfo("linux", "amd64", "another cpu", 4, List.of(), List.of(), List.of()),
            new JvmInfo("25", "test", "test", true, true, false, 0));
    private static final Configuration CONFIG = Configuration.defaults().with(Configuration.CALIBRATION, "off");
    private static final byte[] SMALL = new byte[100];
    private static final byte[] LARGE = new byte[4096];

    @TempDir
    Path dir;

    private Path file() {
        return dir.resolve("decisions.properties");
    }

    /** A start: the store's platform if it holds a section for {@code signature}, else {@code detected}. */
    private SelectingRuntime start(String signature, Providers providers, PlatformInfo detected) {
        StoredDecisions stored = new StoredDecisions(file(), signature, DecisionStore.load(file(), signature));
        return EngineRuntimeFactory.select(
                CONFIG, stored.platform().orElse(detected), providers, new ProviderChecks(), false, stored);
    }

    private static Providers fixed(Provider... providers) {
        return Providers.fixed(List.of(providers), List.of());
    }

    @Test
    void aLaterStartTakesTheStoredDecisionCheckingOnlyTheProvidersItNames() {
        SelectingRuntime first = start(
                "sig",
                fixed(
                        new FakeCrcProvider("java", ProviderKind.JAVA, 100),
                        FakeCrcProvider.nativeLike(),
                        new FakeCrcProvider("other", ProviderKind.NATIVE, 50)),
                STORED_PLATFORM);
        assertEquals(
                FakeCrcProvider.crc(SMALL),
                first.hasher32(HashAlgorithm.CRC32, 0).hash(SMALL));
        Decision stored =
                DecisionStore.load(file(), "sig").orElseThrow().decisions().get("crc32");
        assertEquals(List.of(new Tier(0, "java"), new Tier(1024, "native")), stored.tiers());

        FakeCrcProvider java = new FakeCrcProvider("java", ProviderKind.JAVA, 100);
        FakeCrcProvider nat = FakeCrcProvider.nativeLike();
        FakeCrcProvider other = new FakeCrcProvider("other", ProviderKind.NATIVE, 50);
        SelectingRuntime second = start("sig", fixed(java, nat, other), DETECTED_NOW);
        Hasher32 hasher = second.hasher32(HashAlgorithm.CRC32, 0);
        assertEquals(FakeCrcProvider.crc(SMALL), hasher.hash(SMALL));
        assertEquals(1, java.probes.get(), "the small tier's provider is still probed and self-tested");
        assertEquals(0, nat.probes.get(), "the bulk tier's waits for its first call, as in a fresh decision");
        assertEquals(0, other.probes.get(), "a provider the stored decision does not name is not checked");
        assertEquals(FakeCrcProvider.crc(LARGE), hasher.hash(LARGE));
        assertEquals(1, nat.probes.get());

        Decision taken = second.decision(HashAlgorithm.CRC32);
        assertEquals(stored.tiers(), taken.tiers());
        assertEquals(stored.basis(), taken.basis());
        assertTrue(taken.reason().startsWith(stored.reason()), taken.reason());
        assertTrue(taken.reason().contains("stored by an earlier start"), taken.reason());
        Candidate otherCandidate = taken.candidates().stream()
                .filter(c -> c.providerId().equals("other"))
                .findFirst()
                .orElseThrow();
        assertEquals(Candidate.Status.NOT_CHECKED, otherCandidate.status());
        assertEquals(STORED_PLATFORM, second.report().platform(), "the stored platform, not detected again");
        assertEquals(1, other.probes.get(), "a report still checks everyone");
    }

    @Test
    void aStoredProviderThatNowFailsItsSelfTestIsDecidedAfreshAndStoredAgain() {
        start("sig", fixed(new FakeCrcProvider("java", ProviderKind.JAVA, 100), otherCrc()), STORED_PLATFORM)
                .hasher32(HashAlgorithm.CRC32, 0)
                .hash(SMALL);
        assertEquals(
                List.of(new Tier(0, "java")),
                DecisionStore.load(file(), "sig")
                        .orElseThrow()
                        .decisions()
                        .get("crc32")
                        .tiers());

        SelectingRuntime second = start(
                "sig", fixed(new FakeCrcProvider("java", ProviderKind.JAVA, 100).broken(), otherCrc()), DETECTED_NOW);
        assertEquals(
                FakeCrcProvider.crc(SMALL),
                second.hasher32(HashAlgorithm.CRC32, 0).hash(SMALL));
        Decision d = second.decision(HashAlgorithm.CRC32);
        assertEquals("other", d.provider().orElseThrow());
        assertFalse(d.reason().contains("stored"), d.reason());
        assertEquals(
                Candidate.Status.SELF_TEST_FAILED,
                d.candidates().stream()
                        .filter(c -> c.providerId().equals("java"))
                        .findFirst()
                        .orElseThrow()
                        .status());
        assertEquals(
                List.of(new Tier(0, "other")),
                DecisionStore.load(file(), "sig")
                        .orElseThrow()
                        .decisions()
                        .get("crc32")
                        .tiers(),
                "the store now holds what this start decided");
    }

    @Test
    void aStoredDecisionNamingAProviderNoLongerInstalledIsDecidedAfresh() {
        start("sig", fixed(new FakeCrcProvider("java", ProviderKind.JAVA, 100), otherCrc()), STORED_PLATFORM)
                .hasher32(HashAlgorithm.CRC32, 0)
                .hash(SMALL);
        SelectingRuntime second = start("sig", fixed(otherCrc()), DETECTED_NOW);
        assertEquals(
                FakeCrcProvider.crc(SMALL),
                second.hasher32(HashAlgorithm.CRC32, 0).hash(SMALL));
        assertEquals("other", second.decision(HashAlgorithm.CRC32).provider().orElseThrow());
    }

    @Test
    void anotherSignatureNeitherTakesNorDropsTheStoredSection() {
        start("sig", fixed(new FakeCrcProvider("java", ProviderKind.JAVA, 100), otherCrc()), STORED_PLATFORM)
                .hasher32(HashAlgorithm.CRC32, 0)
                .hash(SMALL);
        FakeCrcProvider other = otherCrc();
        SelectingRuntime elsewhere = start("another sig", fixed(other), DETECTED_NOW);
        elsewhere.hasher32(HashAlgorithm.CRC32, 0).hash(SMALL);
        assertEquals(DETECTED_NOW, elsewhere.report().platform());
        assertTrue(DecisionStore.load(file(), "sig").isPresent());
        assertEquals(
                "other",
                DecisionStore.load(file(), "another sig")
                        .orElseThrow()
                        .decisions()
                        .get("crc32")
                        .provider()
                        .orElseThrow());
    }

    @Test
    void aStoredDecisionIsTakenWithoutFindingTheProviders() {
        AtomicInteger discoveries = new AtomicInteger();
        ClassLoader loader = getClass().getClassLoader();
        java.util.function.Supplier<Providers> discovery = () -> {
            discoveries.incrementAndGet();
            return Providers.found(
                    List.of(
                            new Providers.Found(NamedCrcProvider.class, NamedCrcProvider::new),
                            new Providers.Found(FakeCrcProvider.class, StoredDecisionsTest::otherCrc)),
                    List.of());
        };
        start("sig", Providers.deferred(loader, discovery), STORED_PLATFORM)
                .hasher32(HashAlgorithm.CRC32, 0)
                .hash(SMALL);
        assertEquals(1, discoveries.get(), "a first start finds the providers");
        assertEquals(
                NamedCrcProvider.class.getName(),
                DecisionStore.load(file(), "sig")
                        .orElseThrow()
                        .providerClasses()
                        .get("named"));

        int madeBefore = NamedCrcProvider.MADE.get();
        SelectingRuntime second = start("sig", Providers.deferred(loader, discovery), DETECTED_NOW);
        assertEquals(
                FakeCrcProvider.crc(SMALL),
                second.hasher32(HashAlgorithm.CRC32, 0).hash(SMALL));
        assertEquals(1, discoveries.get(), "the second takes the stored decision without finding any provider");
        assertEquals(madeBefore + 1, NamedCrcProvider.MADE.get(), "the provider it names, made by its class name");
        assertEquals("named", second.decision(HashAlgorithm.CRC32).provider().orElseThrow());
        second.report();
        assertEquals(2, discoveries.get(), "a report finds them all");
        assertEquals(madeBefore + 1, NamedCrcProvider.MADE.get(), "without making the named one again");
    }

    private static FakeCrcProvider otherCrc() {
        return new FakeCrcProvider("other", ProviderKind.NATIVE, 50);
    }
}
