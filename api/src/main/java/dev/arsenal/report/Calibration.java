package dev.arsenal.report;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A calibration: measured speeds of every eligible provider per algorithm and input size, valid
 * for one machine signature (CPU, JDK, Arsenal version).
 *
 * @param signature what the measurements are valid for
 * @param created when they were taken
 * @param measurements the speeds
 * @param file where the table is stored, if it is
 */
public record Calibration(String signature, Instant created, List<Measurement> measurements, Optional<Path> file) {
    /** Copies the list. */
    public Calibration {
        measurements = List.copyOf(measurements);
    }

    /** The measurement for one cell, if taken. */
    public Optional<Measurement> find(String algorithm, String provider, long size) {
        return measurements.stream()
                .filter(m -> m.algorithm().equals(algorithm) && m.provider().equals(provider) && m.sizeBytes() == size)
                .findFirst();
    }
}
