package dev.arsenal.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arsenal.ArsenalRuntime;
import dev.arsenal.Configuration;
import dev.arsenal.ConfigurationException;
import dev.arsenal.ProviderKind;
import dev.arsenal.ProviderUnavailableException;
import dev.arsenal.Strategy;
import dev.arsenal.hashing.HashAlgorithm;
import dev.arsenal.platform.CpuInfo;
import dev.arsenal.platform.JvmInfo;
import dev.arsenal.platform.PlatformInfo;
import dev.arsenal.report.Candidate;
import dev.arsenal.report.Decision;
import dev.arsenal.report.ProviderReport;
import dev.arsenal.spi.Availability;
import dev.arsenal.spi.Provider;
import dev.arsenal.spi.Requirement;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;

class SelectorTest {
    private static final PlatformInfo PLATFORM = new PlatformInfo(
            new CpuInfo("linux", "amd64", "test", 2, List.of(), List.of(), List.of("synthetic")),
            new JvmInfo("25", "test", "test", true, true, false, 0));

    private static ArsenalRuntime runtime(Configuration config, Provider... providers) {
        // Never the user's calibration file: tests that calibrate use a temporary one.
        Configuration c = config.get(Configuration.CALIBRATION).isPresent()
                ? config
                : config.with(Configuration.CALIBRATION, "off");
        return EngineRuntimeFactory.create(c, PLATFORM, List.of(providers), List.of());
    }

    private static Decision crc32(ArsenalRuntime runtime) {
        return runtime.report().decision("crc32").orElseThrow();
    }

    private static Candidate candidate(Decision d, String id) {
        return d.candidates().stream()
                .filter(c -> c.providerId().equals(id))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void highestRankWinsAndTheRecordSaysSo() {
        var rt = runtime(
                Configuration.defaults(),
                new FakeCrcProvider("low", ProviderKind.JAVA, 100),
                new FakeCrcProvider("high", ProviderKind.NATIVE, 200));
        Decision d = crc32(rt);
        assertEquals("high", d.provider().orElseThrow());
        assertEquals(Decision.Basis.RANKED, d.basis());
        assertTrue(d.reason().contains("high 200") && d.reason().contains("low 100"), d.reason());
        assertEquals(2, d.candidates().size());
        byte[] data = "hello".getBytes(StandardCharsets.US_ASCII);
        CRC32 reference = new CRC32();
        reference.update(data);
        assertEquals(
                (int) reference.getValue(), rt.hasher32(HashAlgorithm.CRC32, 0).hash(data));
    }

    @Test
    void strategyChangesTheRanking() {
        Provider java = new FakeCrcProvider(
                "java", ProviderKind.JAVA, s -> s == Strategy.LATENCY ? 300 : 100, available(), false, List.of());
        Provider nat = new FakeCrcProvider("native", ProviderKind.NATIVE, 200);
        assertEquals(
                "native",
                crc32(runtime(Configuration.defaults(), java, nat)).provider().orElseThrow());
        var latency = runtime(Configuration.defaults().withStrategy(Strategy.LATENCY), java, nat);
        assertEquals("java", crc32(latency).provider().orElseThrow());
        assertEquals(Strategy.LATENCY, latency.report().strategy());
    }

    @Test
    void aProviderFailingItsSelfTestIsNeverUsedAndThatIsVisible() {
        var rt = runtime(
                Configuration.defaults(),
                new FakeCrcProvider("good", ProviderKind.JAVA, 100),
                new FakeCrcProvider("bad", ProviderKind.SIMD, 300).broken());
        Decision d = crc32(rt);
        assertEquals("good", d.provider().orElseThrow());
        Candidate bad = candidate(d, "bad");
        assertEquals(Candidate.Status.SELF_TEST_FAILED, bad.status());
        assertTrue(bad.detail().contains("expected"), bad.detail());
        assertFalse(bad.selfTest().passed());
        assertTrue(candidate(d, "good").selfTest().passed());
    }

    @Test
    void aBrokenProviderCannotBeForcedEither() {
        var rt = runtime(
                Configuration.defaults().withForcedProvider(HashAlgorithm.CRC32, "bad"),
                new FakeCrcProvider("good", ProviderKind.JAVA, 100),
                new FakeCrcProvider("bad", ProviderKind.SIMD, 300).broken());
        assertEquals(Decision.Basis.NONE, crc32(rt).basis());
        var e = assertThrows(ProviderUnavailableException.class, () -> rt.hasher32(HashAlgorithm.CRC32, 0));
        assertTrue(e.getMessage().contains("self-test failed"), e.getMessage());
    }

    @Test
    void forcingAnEligibleProviderOverridesTheRanking() {
        var rt = runtime(
                Configuration.defaults().withForcedProvider(HashAlgorithm.CRC32, "low"),
                new FakeCrcProvider("low", ProviderKind.JAVA, 100),
                new FakeCrcProvider("high", ProviderKind.NATIVE, 200));
        Decision d = crc32(rt);
        assertEquals("low", d.provider().orElseThrow());
        assertEquals(Decision.Basis.FORCED, d.basis());
        assertTrue(d.reason().contains("arsenal.provider.crc32=low"), d.reason());
    }

    @Test
    void forcingAnUnavailableProviderIsAnErrorThatNamesTheCause() {
        var rt = runtime(
                Configuration.defaults().withForcedProvider(HashAlgorithm.CRC32, "native"),
                new FakeCrcProvider("java", ProviderKind.JAVA, 100),
                new FakeCrcProvider("native", ProviderKind.NATIVE, 200).unavailable("libfake.so.1 not found"));
        Decision d = crc32(rt);
        assertTrue(d.provider().isEmpty(), "no silent fallback");
        assertEquals(Decision.Basis.NONE, d.basis());
        var e = assertThrows(ProviderUnavailableException.class, () -> rt.hasher32(HashAlgorithm.CRC32, 0));
        assertTrue(e.getMessage().contains("libfake.so.1 not found"), e.getMessage());
        assertTrue(e.getMessage().contains("crc32"), e.getMessage());
    }

    @Test
    void forcingAProviderThatDoesNotExistNamesTheOnesThatDo() {
        var rt = runtime(
                Configuration.defaults().withForcedProvider(HashAlgorithm.CRC32, "nope"),
                new FakeCrcProvider("java", ProviderKind.JAVA, 100));
        var e = assertThrows(ProviderUnavailableException.class, () -> rt.hasher32(HashAlgorithm.CRC32, 0));
        assertTrue(e.getMessage().contains("'nope'") && e.getMessage().contains("java"), e.getMessage());
    }

    @Test
    void disabledProvidersAreNotEvenProbed() {
        FakeCrcProvider nat = new FakeCrcProvider("native", ProviderKind.NATIVE, 200);
        var rt = runtime(
                Configuration.of(Map.of(Configuration.DISABLED_PROVIDERS, "native")),
                new FakeCrcProvider("java", ProviderKind.JAVA, 100),
                nat);
        assertEquals(0, nat.probes.get());
        Decision d = crc32(rt);
        assertEquals("java", d.provider().orElseThrow());
        Candidate c = candidate(d, "native");
        assertEquals(Candidate.Status.DISABLED, c.status());
        assertTrue(c.detail().contains("arsenal.disabled.providers=native"), c.detail());
        ProviderReport pr = rt.report().providers().stream()
                .filter(p -> p.id().equals("native"))
                .findFirst()
                .orElseThrow();
        assertFalse(pr.available());
    }

    @Test
    void aWholeKindCanBeDisabled() {
        var rt = runtime(
                Configuration.of(Map.of(Configuration.DISABLED_KINDS, "native, simd")),
                new FakeCrcProvider("java", ProviderKind.JAVA, 100),
                new FakeCrcProvider("simd", ProviderKind.SIMD, 300),
                new FakeCrcProvider("native", ProviderKind.NATIVE, 200));
        Decision d = crc32(rt);
        assertEquals("java", d.provider().orElseThrow());
        assertEquals(Candidate.Status.DISABLED, candidate(d, "simd").status());
        assertEquals(Candidate.Status.DISABLED, candidate(d, "native").status());
    }

    @Test
    void unmetRequirementsMakeAProviderUnavailableWithoutProbingIt() {
        FakeCrcProvider simd =
                new FakeCrcProvider("simd", ProviderKind.SIMD, 300).requiring(new Requirement.CpuFeature("avx512f"));
        var rt = runtime(Configuration.defaults(), new FakeCrcProvider("java", ProviderKind.JAVA, 100), simd);
        assertEquals(0, simd.probes.get());
        Candidate c = candidate(crc32(rt), "simd");
        assertEquals(Candidate.Status.UNAVAILABLE, c.status());
        assertTrue(c.detail().contains("avx512f"), c.detail());
    }

    @Test
    void anUnknownAlgorithmInConfigurationIsAnErrorListingTheKnownOnes() {
        var e = assertThrows(
                ConfigurationException.class,
                () -> runtime(
                        Configuration.of(Map.of("arsenal.provider.xxh4", "java")),
                        new FakeCrcProvider("java", ProviderKind.JAVA, 100)));
        assertTrue(e.getMessage().contains("xxh4"), e.getMessage());
        assertTrue(e.getMessage().contains("xxh3") && e.getMessage().contains("crc32c"), e.getMessage());
    }

    @Test
    void noProviderAtAllIsReportedPerAlgorithm() {
        var rt = runtime(Configuration.defaults(), new FakeCrcProvider("java", ProviderKind.JAVA, 100));
        Decision xxh3 = rt.report().decision("xxh3").orElseThrow();
        assertEquals(Decision.Basis.NONE, xxh3.basis());
        assertTrue(xxh3.reason().contains("no provider implements xxh3"), xxh3.reason());
        assertThrows(ProviderUnavailableException.class, () -> rt.hasher64(HashAlgorithm.XXH3_64, 0));
    }

    @Test
    void wrongWidthsAndSeedsAreRejectedWithTheFacts() {
        var rt = runtime(Configuration.defaults(), new FakeCrcProvider("java", ProviderKind.JAVA, 100));
        var width = assertThrows(IllegalArgumentException.class, () -> rt.hasher64(HashAlgorithm.CRC32, 0));
        assertTrue(width.getMessage().contains("32-bit"), width.getMessage());
        var seed = assertThrows(IllegalArgumentException.class, () -> rt.hasher32(HashAlgorithm.CRC32, 7));
        assertTrue(seed.getMessage().contains("no seed"), seed.getMessage());
    }

    @Test
    void theLogLineSummarizesChoicesAndCauses() {
        var rt = runtime(
                Configuration.defaults(),
                new FakeCrcProvider("java", ProviderKind.JAVA, 100),
                new FakeCrcProvider("native", ProviderKind.NATIVE, 200).unavailable("libfake.so.1 not found"));
        String line = SelectionLog.summary(rt.report());
        assertTrue(line.contains("crc32=java"), line);
        assertTrue(line.contains("native (libfake.so.1 not found)"), line);
        assertFalse(line.contains("\n"), "one line");
    }

    private static dev.arsenal.spi.Availability available() {
        return dev.arsenal.spi.Availability.available();
    }

    /** What the engine logs while it decides crc32's family with {@code providers}. */
    private static List<LogRecord> logged(Configuration config, Provider... providers) {
        Logger log = Logger.getLogger("dev.arsenal");
        List<LogRecord> records = new ArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord r) {
                records.add(r);
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        Level before = log.getLevel();
        log.addHandler(capture);
        log.setLevel(Level.ALL);
        try {
            crc32(runtime(config, providers));
        } finally {
            log.removeHandler(capture);
            log.setLevel(before);
        }
        return records;
    }

    private static List<String> warnings(List<LogRecord> records) {
        return records.stream()
                .filter(r -> r.getLevel().intValue() >= Level.WARNING.intValue())
                .map(LogRecord::getMessage)
                .toList();
    }

    @Test
    void allIsWellLogsOnlyAtDebug() {
        List<LogRecord> records = logged(
                Configuration.defaults(),
                new FakeCrcProvider("java", ProviderKind.JAVA, 100),
                new FakeCrcProvider("native", ProviderKind.NATIVE, 200).unavailable("libfake.so not found"));
        assertEquals(List.of(), warnings(records), "an unavailable library is no warning");
        assertTrue(
                records.stream()
                        .anyMatch(r -> r.getLevel() == Level.FINE
                                && r.getMessage().contains("crc32=java")
                                && r.getMessage().contains("libfake.so not found")),
                "the selection line, with the unavailable provider's cause, at DEBUG (FINE): " + records);
    }

    @Test
    void whatTheUserShouldFixIsAWarning() {
        Provider misconfigured = new FakeCrcProvider(
                "native",
                ProviderKind.NATIVE,
                s -> 200,
                Availability.misconfigured("libfake at /opt/nope (from arsenal.fake.path) does not exist", null),
                false,
                List.of());
        List<String> warnings = warnings(logged(
                Configuration.defaults(),
                new FakeCrcProvider("java", ProviderKind.JAVA, 100),
                new FakeCrcProvider("simd", ProviderKind.SIMD, 300).broken(),
                misconfigured));
        assertEquals(2, warnings.size(), warnings.toString());
        assertTrue(
                warnings.stream().anyMatch(w -> w.contains("simd failed its self-test of crc32")), warnings.toString());
        assertTrue(
                warnings.stream().anyMatch(w -> w.contains("native cannot be used: libfake at /opt/nope")),
                warnings.toString());
    }

    @Test
    void aForcedProviderThatCannotBeUsedIsAWarningWhenTheDeploymentForcedIt() {
        Configuration deployment = Configuration.load(Map.of("arsenal.provider.crc32", "absent"), Map.of());
        List<String> warnings = warnings(logged(deployment, new FakeCrcProvider("java", ProviderKind.JAVA, 100)));
        assertEquals(1, warnings.size(), warnings.toString());
        assertTrue(
                warnings.getFirst().contains("no provider for crc32: provider 'absent' forced by"),
                warnings.toString());
        // A program that forces through the API gets the failure where it uses the algorithm instead.
        assertEquals(
                List.of(),
                warnings(logged(
                        Configuration.defaults().withForcedProvider(HashAlgorithm.CRC32, "absent"),
                        new FakeCrcProvider("java", ProviderKind.JAVA, 100))));
        // So does one that forces through its command line, which the decision names.
        Configuration option = Configuration.defaults().withForcedProvider(HashAlgorithm.CRC32, "absent", "--provider");
        List<LogRecord> records = logged(option, new FakeCrcProvider("java", ProviderKind.JAVA, 100));
        assertEquals(List.of(), warnings(records));
        Configuration forcedOk = Configuration.defaults().withForcedProvider(HashAlgorithm.CRC32, "java", "--provider");
        String reason = crc32(runtime(forcedOk, new FakeCrcProvider("java", ProviderKind.JAVA, 100)))
                .reason();
        assertTrue(reason.contains("forced by arsenal.provider.crc32=java (from --provider)"), reason);
    }
}
