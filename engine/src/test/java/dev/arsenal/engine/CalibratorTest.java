package dev.arsenal.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arsenal.ProviderKind;
import dev.arsenal.compression.Codec;
import dev.arsenal.engine.calibration.Calibrator;
import dev.arsenal.hashing.HashAlgorithm;
import dev.arsenal.report.Measurement;
import dev.arsenal.spi.compression.CompressionFamily;
import dev.arsenal.spi.hashing.HashingFamily;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The calibrator's bookkeeping, not its timing: a budget of zero still measures every cell in ten
 * rounds and keeps their spread. No assertion on a speed or a duration.
 */
class CalibratorTest {
    @Test
    void everyCellIsTimedInTenRoundsAndKeepsTheirSpread() {
        FakeCrcProvider provider = new FakeCrcProvider("fake-crc", ProviderKind.JAVA, 1);
        List<String> progress = new ArrayList<>();
        List<Measurement> ms = new Calibrator(Duration.ZERO, progress::add)
                .measure(Map.of(HashAlgorithm.CRC32, List.of(provider)), HashingFamily.INSTANCE::workload);
        assertEquals(Calibrator.SIZES.size(), ms.size());
        assertEquals(Calibrator.SIZES, ms.stream().map(Measurement::sizeBytes).toList());
        for (Measurement m : ms) {
            assertEquals("crc32", m.algorithm());
            assertEquals("fake-crc", m.provider());
            assertEquals(10, m.rounds(), m.toString());
            assertTrue(m.bytesPerSecond() > 0, m.toString());
            // The record's constructor checks slowest <= median <= best; these restate what was kept.
            assertTrue(m.slowestBytesPerSecond() <= m.medianBytesPerSecond(), m.toString());
            assertTrue(m.medianBytesPerSecond() <= m.bytesPerSecond(), m.toString());
        }
        assertEquals(Calibrator.SIZES.size(), progress.size(), "a progress line per cell");
        assertTrue(progress.getLast().startsWith("[8/8] crc32 fake-crc 1 MiB: "), progress.getLast());
    }

    @Test
    void compressionIsMeasuredByARoundTripAtTheDefaultLevel() {
        FakeZstdProvider provider = new FakeZstdProvider("fake-zstd", 1, 1, 22);
        List<Measurement> ms = new Calibrator(Duration.ZERO, line -> {})
                .measure(Map.of(Codec.ZSTD, List.of(provider)), CompressionFamily.INSTANCE::workload);
        assertEquals(Calibrator.SIZES, ms.stream().map(Measurement::sizeBytes).toList());
        ms.forEach(m -> assertEquals("zstd", m.algorithm(), m.toString()));
    }

    @Test
    void aProviderWithoutTheDefaultLevelIsNotMeasured() {
        FakeZstdProvider provider = new FakeZstdProvider("fake-zstd", 1, 1, 1);
        List<String> progress = new ArrayList<>();
        List<Measurement> ms = new Calibrator(Duration.ZERO, progress::add)
                .measure(Map.of(Codec.ZSTD, List.of(provider)), CompressionFamily.INSTANCE::workload);
        assertEquals(List.of(), ms);
        assertEquals(List.of(), progress);
    }
}
