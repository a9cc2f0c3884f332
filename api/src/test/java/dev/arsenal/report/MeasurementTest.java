package dev.arsenal.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MeasurementTest {
    @Test
    void aSpeedReadBackFromAFileIsOneRoundAndNotNoisy() {
        Measurement m = new Measurement("xxh3", "java-hashing", 65536, 9e9);
        assertEquals(1, m.rounds());
        assertEquals(9e9, m.medianBytesPerSecond());
        assertEquals(9e9, m.slowestBytesPerSecond());
        assertEquals(0, m.spread());
        assertFalse(m.noisy());
    }

    @Test
    void noisyMeansTheMedianRoundMoreThanTenPercentBelowTheBest() {
        assertFalse(new Measurement("xxh3", "p", 16, 10e9, 10, 9.0e9, 1e9).noisy(), "exactly 10% is a tie");
        Measurement noisy = new Measurement("xxh3", "p", 16, 10e9, 10, 8.9e9, 1e9);
        assertTrue(noisy.noisy());
        assertEquals(0.11, noisy.spread(), 1e-9);
    }

    @Test
    void theRoundsMustBeOrdered() {
        assertThrows(IllegalArgumentException.class, () -> new Measurement("xxh3", "p", 16, 1e9, 10, 2e9, 1e9));
        assertThrows(IllegalArgumentException.class, () -> new Measurement("xxh3", "p", 16, 3e9, 10, 1e9, 2e9));
        assertThrows(IllegalArgumentException.class, () -> new Measurement("xxh3", "p", 16, 1e9, 0, 1e9, 1e9));
    }
}
