package dev.arsenal.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arsenal.ArsenalRuntime;
import dev.arsenal.Configuration;
import dev.arsenal.ProviderKind;
import dev.arsenal.hashing.HashAlgorithm;
import dev.arsenal.hashing.Hasher32;
import dev.arsenal.platform.CpuInfo;
import dev.arsenal.platform.JvmInfo;
import dev.arsenal.platform.PlatformInfo;
import dev.arsenal.report.Candidate;
import dev.arsenal.spi.Provider;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The first use of an algorithm checks what its small inputs need, and leaves the bulk tier's
 * provider (a library to load, cold vector code to self-test) to the first call that reaches it:
 * counted by the fake providers' probes, not by time.
 */
class DeferredBulkTierTest {
    private static final PlatformInfo PLATFORM = new PlatformInfo(
            new CpuInfo("linux", "amd64", "test cpu", 2, List.of(), List.of(), List.of()),
            new JvmInfo("25", "test", "test", true, true, false, 0));
    private static final Configuration CONFIG = Configuration.defaults().with(Configuration.CALIBRATION, "off");
    private static final byte[] SMALL = new byte[100];
    private static final byte[] LARGE = new byte[4096];

    static {
        for (int i = 0; i < LARGE.length; i++) {
            LARGE[i] = (byte) (i * 31);
        }
    }

    private static ArsenalRuntime runtime(Provider... providers) {
        return EngineRuntimeFactory.create(CONFIG, PLATFORM, List.of(providers), List.of());
    }

    @Test
    void smallInputsNeverProbeTheBulkProviderAndTheFirstLargeOneChecksItOnce() {
        FakeCrcProvider java = new FakeCrcProvider("java", ProviderKind.JAVA, 100);
        FakeCrcProvider nat = FakeCrcProvider.nativeLike();
        ArsenalRuntime rt = runtime(java, nat);
        Hasher32 hasher = rt.hasher32(HashAlgorithm.CRC32, 0);
        assertEquals(FakeCrcProvider.crc(SMALL), hasher.hash(SMALL));
        assertEquals(1, java.probes.get(), "the small tier was checked before its first call");
        assertEquals(0, nat.probes.get(), "the bulk tier waits for its first call");

        assertEquals(FakeCrcProvider.crc(LARGE), hasher.hash(LARGE));
        assertEquals(1, nat.probes.get(), "checked at the first large call");
        int before = nat.hashes.get(); // its self-test hashed too
        assertEquals(FakeCrcProvider.crc(LARGE), hasher.hash(LARGE));
        assertEquals(1, nat.probes.get(), "once");
        assertEquals(before + 1, nat.hashes.get(), "then it serves the large inputs");
        assertEquals(
                FakeCrcProvider.crc(SMALL), rt.hasher32(HashAlgorithm.CRC32, 0).hash(SMALL));
        assertEquals(1, nat.probes.get());
    }

    @Test
    void aBulkProviderThatFailsItsSelfTestAtFirstCallLeavesItsInputsToTheSmallTier() {
        FakeCrcProvider java = new FakeCrcProvider("java", ProviderKind.JAVA, 100);
        FakeCrcProvider nat = FakeCrcProvider.nativeLike().broken();
        nat.sizedRank = (s, size) -> size < 1024 ? 90 : 200;
        ArsenalRuntime rt = runtime(java, nat);
        Hasher32 hasher = rt.hasher32(HashAlgorithm.CRC32, 0);
        assertEquals(FakeCrcProvider.crc(SMALL), hasher.hash(SMALL));
        assertEquals(
                FakeCrcProvider.crc(LARGE), hasher.hash(LARGE), "the right answer, from the small tier's provider");
        int javaBefore = java.hashes.get();
        int nativeBefore = nat.hashes.get(); // its self-test's hashes
        assertEquals(FakeCrcProvider.crc(LARGE), hasher.hash(LARGE));
        assertEquals(javaBefore + 1, java.hashes.get());
        assertEquals(nativeBefore, nat.hashes.get(), "a provider that failed its self-test never serves a call");
        // Asked again, the algorithm is decided again without it: one tier, java.
        assertEquals(
                FakeCrcProvider.crc(LARGE), rt.hasher32(HashAlgorithm.CRC32, 0).hash(LARGE));
        assertEquals(nativeBefore, nat.hashes.get());
        Candidate c = rt.report().decision("crc32").orElseThrow().candidates().stream()
                .filter(x -> x.providerId().equals("native"))
                .findFirst()
                .orElseThrow();
        assertEquals(Candidate.Status.SELF_TEST_FAILED, c.status());
        assertEquals(
                "java", rt.report().decision("crc32").orElseThrow().provider().orElseThrow());
    }

    @Test
    void aShortLivedProcessUsesTheSmallInputWinnerForEverySizeAndNeverLoadsTheOther() {
        FakeCrcProvider java = new FakeCrcProvider("java", ProviderKind.JAVA, 100);
        FakeCrcProvider nat = FakeCrcProvider.nativeLike();
        ArsenalRuntime rt = EngineRuntimeFactory.create(
                CONFIG.with(Configuration.LIFETIME, "short"), PLATFORM, List.of(java, nat), List.of());
        Hasher32 hasher = rt.hasher32(HashAlgorithm.CRC32, 0);
        assertEquals(FakeCrcProvider.crc(SMALL), hasher.hash(SMALL));
        int javaBefore = java.hashes.get();
        assertEquals(FakeCrcProvider.crc(LARGE), hasher.hash(LARGE));
        assertEquals(javaBefore + 1, java.hashes.get(), "java serves every size");
        assertEquals(0, nat.probes.get(), "the bulk winner is never loaded");
        var d = rt.report().decision("crc32").orElseThrow();
        assertEquals(List.of(new dev.arsenal.report.Tier(0, "java")), d.tiers());
        assertTrue(d.reason().contains("short-lived process (arsenal.lifetime=short)"), d.reason());
    }

    @Test
    void theFirstDecisionMarksTheWaitingProviderNotCheckedAndTheReportChecksEveryone() {
        FakeCrcProvider java = new FakeCrcProvider("java", ProviderKind.JAVA, 100);
        FakeCrcProvider nat = FakeCrcProvider.nativeLike();
        FakeCrcProvider other = new FakeCrcProvider("other", ProviderKind.NATIVE, 50);
        ArsenalRuntime rt = runtime(java, nat, other);
        rt.hasher32(HashAlgorithm.CRC32, 0).hash(SMALL);
        assertEquals(0, other.probes.get(), "a provider that only lost is not loaded");
        assertEquals(0, nat.probes.get());
        var report = rt.report();
        assertEquals(1, other.probes.get(), "a report checks every candidate");
        assertTrue(report.decision("crc32").orElseThrow().candidates().stream().allMatch(Candidate::eligible));
    }
}
