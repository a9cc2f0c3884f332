package dev.arsenal.engine.calibration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arsenal.Configuration;
import dev.arsenal.Family;
import dev.arsenal.ProviderKind;
import dev.arsenal.platform.CacheInfo;
import dev.arsenal.platform.CpuFeature;
import dev.arsenal.platform.CpuInfo;
import dev.arsenal.platform.FeatureSource;
import dev.arsenal.platform.JvmInfo;
import dev.arsenal.platform.PlatformInfo;
import dev.arsenal.report.Candidate;
import dev.arsenal.report.Decision;
import dev.arsenal.report.SelfTest;
import dev.arsenal.report.Tier;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The stored decisions file: what goes in comes back out, for its signature only, and never throws. */
class DecisionStoreTest {
    private static final PlatformInfo PLATFORM = new PlatformInfo(
            new CpuInfo(
                    "linux",
                    "amd64",
                    "AMD EPYC 9R14 96-Core Processor",
                    2,
                    List.of(
                            CpuFeature.flag("avx2", FeatureSource.PROC_CPUINFO),
                            new CpuFeature("UseAVX", FeatureSource.HOTSPOT, "3"),
                            new CpuFeature("preferred_vector_bits", FeatureSource.VECTOR_API, "512")),
                    List.of(new CacheInfo(1, "Data", 32768, 64), new CacheInfo(3, "Unified", 33554432, 64)),
                    List.of("HotSpot diagnostic flags need -XX:+UnlockDiagnosticVMOptions; a=b", "second note")),
            new JvmInfo("25.0.3", "Eclipse Adoptium", "OpenJDK 64-Bit Server VM", true, true, true, 512));

    @TempDir
    Path dir;

    private static Decision decision(String algorithm, String reason, Tier... tiers) {
        return new Decision(
                algorithm,
                Family.HASHING,
                Optional.of(tiers[tiers.length - 1].provider()),
                Decision.Basis.RANKED,
                reason,
                List.of(
                        new Candidate(
                                "simd-xxh3", ProviderKind.SIMD, Candidate.Status.ELIGIBLE, "", SelfTest.NOT_RUN, 300),
                        new Candidate(
                                "java-hashing",
                                ProviderKind.JAVA,
                                Candidate.Status.ELIGIBLE,
                                "",
                                SelfTest.NOT_RUN,
                                100)),
                List.of(tiers));
    }

    @Test
    void aSectionComesBackAsItWasStoredWithEveryCandidateNotChecked() throws IOException {
        Path file = dir.resolve("decisions.properties");
        Decision xxh3 = decision(
                "xxh3",
                "java-hashing below 256 B, simd-xxh3 from there: rank=300",
                new Tier(0, "java-hashing"),
                new Tier(256, "simd-xxh3"));
        DecisionStore.save(file, "sig=1; a=b", PLATFORM, Map.of("java-hashing", "a.Java", "simd-xxh3", "a.Simd"), xxh3);
        DecisionStore.save(
                file,
                "sig=1; a=b",
                PLATFORM,
                Map.of("java-hashing", "a.Java"),
                decision("crc32", "the only eligible provider", new Tier(0, "java-hashing")));

        DecisionStore.Section s = DecisionStore.load(file, "sig=1; a=b").orElseThrow();
        assertEquals(PLATFORM, s.platform());
        assertEquals(Map.of("java-hashing", "a.Java", "simd-xxh3", "a.Simd"), s.providerClasses());
        Decision back = s.decisions().get("xxh3");
        assertEquals(xxh3.tiers(), back.tiers());
        assertEquals(xxh3.reason(), back.reason());
        assertEquals(xxh3.basis(), back.basis());
        assertEquals(xxh3.family(), back.family());
        assertEquals(Optional.of("simd-xxh3"), back.provider());
        assertEquals(
                List.of("simd-xxh3", "java-hashing"),
                back.candidates().stream().map(Candidate::providerId).toList());
        assertTrue(back.candidates().stream().allMatch(c -> c.status() == Candidate.Status.NOT_CHECKED));
        assertEquals(300, back.candidates().getFirst().rank());
        assertEquals(ProviderKind.SIMD, back.candidates().getFirst().kind());
        assertEquals(
                List.of(new Tier(0, "java-hashing")), s.decisions().get("crc32").tiers());
        assertTrue(Files.readString(file).contains("decision.xxh3.tiers=0:java-hashing,256:simd-xxh3"));
    }

    @Test
    void anotherSignatureOrAFileNotUnderstoodIsNoStoredDecision() throws IOException {
        Path file = dir.resolve("decisions.properties");
        assertEquals(Optional.empty(), DecisionStore.load(file, "sig"), "no file");
        DecisionStore.save(file, "sig", PLATFORM, Map.of("j", "a.J"), decision("xxh64", "r", new Tier(0, "j")));
        assertTrue(DecisionStore.load(file, "sig").isPresent());
        assertEquals(Optional.empty(), DecisionStore.load(file, "sig with another JVM"));

        Files.writeString(
                file, Files.readString(file).replace("platform.cpu.logicalCpus=2", "platform.cpu.logicalCpus=two"));
        assertEquals(Optional.empty(), DecisionStore.load(file, "sig"), "a section that does not parse");
        Files.write(file, new byte[] {(byte) 0xff, 0, '=', '\n', 'x'});
        assertEquals(Optional.empty(), DecisionStore.load(file, "sig"), "garbage");
        Files.writeString(file, "format=2\n");
        assertEquals(Optional.empty(), DecisionStore.load(file, "sig"), "a later format");
        DecisionStore.save(file, "sig", PLATFORM, Map.of("j", "a.J"), decision("xxh64", "r", new Tier(0, "j")));
        assertTrue(DecisionStore.load(file, "sig").isPresent(), "a file not understood is written anew");
    }

    @Test
    void aReasonOnSeveralLinesIsStoredOnOne() throws IOException {
        Path file = dir.resolve("decisions.properties");
        DecisionStore.save(
                file,
                "sig",
                PLATFORM,
                Map.of("j", "a.J"),
                decision("xxh64", "first line\nsecond=line", new Tier(0, "j")));
        assertEquals(
                "first line second=line",
                DecisionStore.load(file, "sig")
                        .orElseThrow()
                        .decisions()
                        .get("xxh64")
                        .reason());
    }

    @Test
    void theOldestSectionsGoBeyondTheLimitAndAChangedPlatformBeginsItsSectionAnew() throws IOException {
        Path file = dir.resolve("decisions.properties");
        for (int i = 0; i <= DecisionStore.SECTIONS; i++) {
            DecisionStore.save(
                    file, "sig " + i, PLATFORM, Map.of("j", "a.J"), decision("xxh64", "r", new Tier(0, "j")));
        }
        int kept = 0;
        for (int i = 0; i <= DecisionStore.SECTIONS; i++) {
            kept += DecisionStore.load(file, "sig " + i).isPresent() ? 1 : 0;
        }
        assertEquals(DecisionStore.SECTIONS, kept, "one section dropped");
        assertTrue(DecisionStore.load(file, "sig " + DecisionStore.SECTIONS).isPresent(), "never the one just written");

        PlatformInfo other = new PlatformInfo(
                PLATFORM.cpu(),
                new JvmInfo("25.0.3", "Eclipse Adoptium", "OpenJDK 64-Bit Server VM", true, true, false, 0));
        DecisionStore.save(
                file,
                "sig " + DecisionStore.SECTIONS,
                other,
                Map.of("k", "a.K"),
                decision("crc32", "r", new Tier(0, "k")));
        DecisionStore.Section s =
                DecisionStore.load(file, "sig " + DecisionStore.SECTIONS).orElseThrow();
        assertEquals(other, s.platform());
        assertEquals(
                List.of("crc32"), List.copyOf(s.decisions().keySet()), "the decisions made on the old one are gone");
    }

    @Test
    void theSignatureChangesWithTheConfigurationAndNotWithoutIt() {
        Configuration config = Configuration.defaults();
        String signature = StartSignature.of(config);
        assertEquals(signature, StartSignature.of(config));
        assertTrue(signature.contains("arsenal="), signature);
        assertTrue(signature.contains("classpath="), signature);
        assertTrue(signature.contains(System.getProperty("java.vm.version")), signature);
        String forced = StartSignature.of(config.with(Configuration.STRATEGY, "LATENCY"));
        assertFalse(signature.equals(forced));
        assertTrue(forced.contains("arsenal.strategy=LATENCY"), forced);
        assertFalse(DecisionStore.prefix(signature).equals(DecisionStore.prefix(forced)));
    }
}
