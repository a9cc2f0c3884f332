package dev.arsenal.engine.calibration;

import dev.arsenal.report.Calibration;
import dev.arsenal.report.Measurement;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;

/**
 * Reads and writes the calibration file, a properties file:
 *
 * <pre>
 * format=1
 * signature=cpu=AMD EPYC; arch=amd64; cpus=2; features=3f2a...; jvm=25.0.3 ...; arsenal=0.1.0
 * created=2026-11-24T02:10:00Z
 * xxh3/java-hashing/65536=9.1E9          (algorithm/provider/size = bytes per second)
 * </pre>
 *
 * <p>Writes go to a temporary file moved into place, so a reader never sees half a table. A file
 * that cannot be parsed is {@link Loaded.Corrupt}; one for another signature is {@link
 * Loaded.Stale}; the engine ignores both with one warning and rebuilds.
 */
public final class CalibrationStore {
    private static final String FORMAT = "1";

    private CalibrationStore() {}

    /** The outcome of reading the file. */
    public sealed interface Loaded {
        /** No file. */
        record Missing() implements Loaded {}

        /** A valid table for this signature. */
        record Valid(Calibration calibration) implements Loaded {}

        /** A file that cannot be used: unreadable, unparsable, or an unknown format. */
        record Corrupt(String reason) implements Loaded {}

        /** A valid file for another machine, JDK or Arsenal version. */
        record Stale(String storedSignature) implements Loaded {}
    }

    /** Reads the table at {@code file} and checks it against {@code signature}. Never throws. */
    public static Loaded load(Path file, String signature) {
        return load(file, () -> signature);
    }

    /**
     * As {@link #load(Path, String)}, computing the signature (a digest of the CPU features) only
     * when there is a file to check: most starts have none.
     */
    public static Loaded load(Path file, java.util.function.Supplier<String> signature) {
        if (!Files.exists(file)) {
            return new Loaded.Missing();
        }
        Properties p = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(reader);
        } catch (IOException | IllegalArgumentException e) {
            return new Loaded.Corrupt("unreadable: " + e.getMessage());
        }
        if (!FORMAT.equals(p.getProperty("format"))) {
            return new Loaded.Corrupt("unknown format '" + p.getProperty("format") + "'");
        }
        String stored = p.getProperty("signature");
        Instant created;
        try {
            created = Instant.parse(p.getProperty("created", ""));
        } catch (RuntimeException e) {
            return new Loaded.Corrupt("bad 'created' value");
        }
        if (stored == null) {
            return new Loaded.Corrupt("no signature");
        }
        List<Measurement> measurements = new ArrayList<>();
        for (String key :
                new TreeMap<>(p).keySet().stream().map(String::valueOf).toList()) {
            if (key.equals("format") || key.equals("signature") || key.equals("created")) {
                continue;
            }
            String[] parts = key.split("/");
            try {
                if (parts.length != 3) {
                    throw new IllegalArgumentException("expected algorithm/provider/size");
                }
                double speed = Double.parseDouble(p.getProperty(key));
                long size = Long.parseLong(parts[2]);
                if (!(speed > 0) || Double.isInfinite(speed) || size <= 0) {
                    throw new IllegalArgumentException("speed and size must be positive");
                }
                measurements.add(new Measurement(parts[0], parts[1], size, speed));
            } catch (IllegalArgumentException e) {
                return new Loaded.Corrupt("bad entry '" + key + "': " + e.getMessage());
            }
        }
        if (measurements.isEmpty()) {
            return new Loaded.Corrupt("no measurements");
        }
        if (!stored.equals(signature.get())) {
            return new Loaded.Stale(stored);
        }
        return new Loaded.Valid(new Calibration(stored, created, measurements, Optional.of(file)));
    }

    /** Writes the table atomically, creating the directory. */
    public static void save(Calibration calibration, Path file) throws IOException {
        AtomicFiles.write(file, w -> {
            w.write("# Arsenal calibration: measured one-shot speeds in bytes per second.\n");
            w.write("# Written by `arsenal calibrate` or arsenal.calibration=measure; safe to delete.\n");
            w.write("format=" + FORMAT + "\n");
            w.write("signature=" + escape(calibration.signature()) + "\n");
            w.write("created=" + calibration.created() + "\n");
            for (Measurement m : calibration.measurements()) {
                w.write(m.algorithm() + "/" + m.provider() + "/" + m.sizeBytes() + "=" + m.bytesPerSecond() + "\n");
            }
        });
    }

    private static String escape(String value) {
        return value.replace("\\", "\\\\").replace("\n", " ");
    }
}
