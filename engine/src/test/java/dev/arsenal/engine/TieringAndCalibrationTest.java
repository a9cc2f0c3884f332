package dev.arsenal.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arsenal.ArsenalRuntime;
import dev.arsenal.Configuration;
import dev.arsenal.Family;
import dev.arsenal.ProviderKind;
import dev.arsenal.Strategy;
import dev.arsenal.engine.calibration.CalibrationStore;
import dev.arsenal.engine.calibration.MachineSignature;
import dev.arsenal.hashing.HashAlgorithm;
import dev.arsenal.hashing.Hasher32;
import dev.arsenal.platform.CpuInfo;
import dev.arsenal.platform.JvmInfo;
import dev.arsenal.platform.PlatformInfo;
import dev.arsenal.report.Calibration;
import dev.arsenal.report.Decision;
import dev.arsenal.report.Measurement;
import dev.arsenal.report.Tier;
import dev.arsenal.spi.Provider;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TieringAndCalibrationTest {
    private static final PlatformInfo PLATFORM = new PlatformInfo(
            new CpuInfo("linux", "amd64", "test cpu", 2, List.of(), List.of(), List.of()),
            new JvmInfo("25", "test", "test", true, true, false, 0));

    @TempDir
    Path dir;

    private static FakeCrcProvider javaLike() {
        return new FakeCrcProvider("java", ProviderKind.JAVA, 100);
    }

    private ArsenalRuntime runtime(Configuration config, Provider... providers) {
        return EngineRuntimeFactory.create(config, PLATFORM, List.of(providers), List.of());
    }

    private Configuration config(String mode) {
        return Configuration.defaults()
                .with(Configuration.CALIBRATION, mode)
                .with(
                        Configuration.CALIBRATION_FILE,
                        dir.resolve("calibration.properties").toString())
                .with(Configuration.CALIBRATION_BUDGET, "200");
    }

    @Test
    void declaredRanksBySizeMakeTwoTiersAndAHasherRoutesByLength() {
        FakeCrcProvider java = javaLike();
        FakeCrcProvider nat = FakeCrcProvider.nativeLike();
        ArsenalRuntime rt = runtime(config("off"), java, nat);
        Decision d = rt.report().decision("crc32").orElseThrow();
        assertEquals(List.of(new Tier(0, "java"), new Tier(1024, "native")), d.tiers());
        assertEquals("native", d.provider().orElseThrow(), "the bulk provider");
        assertTrue(d.reason().contains("java below 1 KiB"), d.reason());

        Hasher32 h = rt.hasher32(HashAlgorithm.CRC32, 0);
        assertInstanceOf(TieredHasher32.class, h);
        byte[] small = new byte[100];
        byte[] large = new byte[5000];
        java.hashes.set(0); // the self-tests hashed too
        nat.hashes.set(0);
        assertEquals(FakeCrcProvider.crc(small), h.hash(small));
        assertEquals(1, java.hashes.get());
        assertEquals(0, nat.hashes.get());
        assertEquals(FakeCrcProvider.crc(large), h.hash(large));
        assertEquals(1, nat.hashes.get(), "the same hasher object routes large inputs to the other provider");
        assertEquals(FakeCrcProvider.crc(new byte[1024]), h.hash(new byte[1024]));
        assertEquals(2, nat.hashes.get(), "the crossover belongs to the large tier");
        assertEquals(FakeCrcProvider.crc(large), h.hash(ByteBuffer.wrap(large)));
    }

    @Test
    void throughputTakesTheBulkWinnerForEverySize() {
        ArsenalRuntime rt =
                runtime(config("off").withStrategy(Strategy.THROUGHPUT), javaLike(), FakeCrcProvider.nativeLike());
        Decision d = rt.report().decision("crc32").orElseThrow();
        assertEquals(List.of(new Tier(0, "native")), d.tiers());
        assertFalse(d.tiered());
    }

    @Test
    void aSingleProviderIsNotWrapped() {
        ArsenalRuntime rt = runtime(config("off"), javaLike());
        Hasher32 h = rt.hasher32(HashAlgorithm.CRC32, 0);
        assertFalse(h instanceof TieredHasher32, "no dispatch layer when there is nothing to route");
    }

    private Calibration table(double javaSmall, double javaLarge, double nativeSmall, double nativeLarge) {
        List<Measurement> ms = new ArrayList<>();
        for (long size : SizeClasses.SIZES) {
            boolean small = size < 4096;
            ms.add(new Measurement("crc32", "java", size, small ? javaSmall : javaLarge));
            ms.add(new Measurement("crc32", "native", size, small ? nativeSmall : nativeLarge));
        }
        return new Calibration(MachineSignature.of(PLATFORM), Instant.now(), ms, Optional.empty());
    }

    @Test
    void aStoredCalibrationDecidesAndTheReasonQuotesTheSpeeds() throws IOException {
        CalibrationStore.save(table(3e9, 9.1e9, 1e9, 21.4e9), dir.resolve("calibration.properties"));
        ArsenalRuntime rt = runtime(config("auto"), javaLike(), FakeCrcProvider.nativeLike());
        Decision d = rt.report().decision("crc32").orElseThrow();
        assertEquals(Decision.Basis.MEASURED, d.basis());
        assertEquals("native", d.provider().orElseThrow());
        assertTrue(d.reason().contains("native 21.4 GB/s vs java 9.1 GB/s at 64 KiB"), d.reason());
        assertEquals(new Tier(2048, "native"), d.tiers().get(1), "between the last java win (1 KiB) and 4 KiB");
        assertTrue(rt.report().calibration().isPresent());
    }

    @Test
    void latencyKeepsSmallInputsInTheJvmEvenWhenNativeMeasuredFaster() throws IOException {
        CalibrationStore.save(table(3e9, 9e9, 4e9, 20e9), dir.resolve("calibration.properties"));
        ArsenalRuntime rt =
                runtime(config("auto").withStrategy(Strategy.LATENCY), javaLike(), FakeCrcProvider.nativeLike());
        Decision d = rt.report().decision("crc32").orElseThrow();
        assertEquals("java", d.tiers().getFirst().provider());
        assertTrue(d.reason().contains("in the JVM for LATENCY"), d.reason());
        ArsenalRuntime balanced = runtime(config("auto"), javaLike(), FakeCrcProvider.nativeLike());
        assertEquals(
                List.of(new Tier(0, "native")),
                balanced.report().decision("crc32").orElseThrow().tiers());
    }

    @Test
    void speedsWithinTenPercentAreATieAndMakeNoTier() throws IOException {
        // java is 5% faster on small inputs: noise for a quick measurement, not worth a tier.
        CalibrationStore.save(table(10.5e9, 9e9, 10e9, 20e9), dir.resolve("calibration.properties"));
        Decision d = runtime(config("auto"), javaLike(), FakeCrcProvider.nativeLike())
                .report()
                .decision("crc32")
                .orElseThrow();
        assertEquals(List.of(new Tier(0, "native")), d.tiers(), d.reason());
    }

    @Test
    void aCorruptCalibrationFileIsIgnoredWithOneWarningAndRebuilt() throws IOException {
        Path file = dir.resolve("calibration.properties");
        Files.writeString(file, "format=1\nsignature=x\ncreated=yesterday\ngarbage\n");
        ArsenalRuntime rt = runtime(config("auto"), javaLike(), FakeCrcProvider.nativeLike());
        List<String> warnings = rt.report().warnings().stream()
                .filter(w -> w.contains("calibration"))
                .toList();
        assertEquals(1, warnings.size(), warnings.toString());
        assertTrue(warnings.getFirst().contains("corrupt"), warnings.getFirst());
        assertInstanceOf(
                CalibrationStore.Loaded.Valid.class, CalibrationStore.load(file, MachineSignature.of(PLATFORM)));
        assertEquals(
                Decision.Basis.MEASURED,
                rt.report().decision("crc32").orElseThrow().basis());
    }

    @Test
    void aStaleCalibrationFileIsIgnoredWithOneWarningAndRebuilt() throws IOException {
        Path file = dir.resolve("calibration.properties");
        Calibration other =
                new Calibration("cpu=another", Instant.now(), table(1, 1, 2, 2).measurements(), Optional.empty());
        CalibrationStore.save(other, file);
        ArsenalRuntime rt = runtime(config("auto"), javaLike(), FakeCrcProvider.nativeLike());
        assertTrue(rt.report().warnings().stream().anyMatch(w -> w.contains("another machine")));
        var reloaded = CalibrationStore.load(file, MachineSignature.of(PLATFORM));
        assertInstanceOf(CalibrationStore.Loaded.Valid.class, reloaded);
    }

    @Test
    void measureModeCalibratesWhenThereIsNoTableAndAutoDoesNot() {
        Path file = dir.resolve("calibration.properties");
        runtime(config("auto"), javaLike(), FakeCrcProvider.nativeLike());
        assertFalse(Files.exists(file), "auto never measures on its own");
        ArsenalRuntime rt = runtime(config("measure"), javaLike(), FakeCrcProvider.nativeLike());
        assertTrue(Files.exists(file));
        assertEquals(
                Decision.Basis.MEASURED,
                rt.report().decision("crc32").orElseThrow().basis());
    }

    @Test
    void calibrateMeasuresEveryEligibleProviderAtEverySize() {
        ArsenalRuntime rt = runtime(config("off"), javaLike(), FakeCrcProvider.nativeLike());
        List<String> progress = new ArrayList<>();
        Calibration c = rt.calibrate(Family.HASHING, Duration.ofMillis(100), progress::add);
        assertEquals(2 * SizeClasses.SIZES.size(), c.measurements().size());
        assertEquals(c.measurements().size(), progress.size());
        assertTrue(c.measurements().stream().allMatch(m -> m.bytesPerSecond() > 0));
        assertInstanceOf(
                CalibrationStore.Loaded.Valid.class,
                CalibrationStore.load(dir.resolve("calibration.properties"), MachineSignature.of(PLATFORM)));
    }

    @Test
    void aCalibrationMissingAProviderFallsBackToRanks() throws IOException {
        List<Measurement> onlyJava = table(3e9, 9e9, 1e9, 20e9).measurements().stream()
                .filter(m -> m.provider().equals("java"))
                .toList();
        CalibrationStore.save(
                new Calibration(MachineSignature.of(PLATFORM), Instant.now(), onlyJava, Optional.empty()),
                dir.resolve("calibration.properties"));
        Decision d = runtime(config("auto"), javaLike(), FakeCrcProvider.nativeLike())
                .report()
                .decision("crc32")
                .orElseThrow();
        assertEquals(Decision.Basis.RANKED, d.basis());
        assertTrue(d.reason().contains("no measurement of native"), d.reason());
    }
}
