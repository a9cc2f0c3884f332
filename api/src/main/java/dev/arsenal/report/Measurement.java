package dev.arsenal.report;

/**
 * One measured speed: a provider's one-shot throughput for an algorithm at an input size, the best
 * of several timed rounds, with the spread of those rounds.
 *
 * <p>The best round is the speed: a slower round is one the machine or the JIT disturbed (a
 * recompilation, another process), never one where the code ran faster than it can. The spread says
 * how far to trust it: when the median round is more than {@link #NOISE_TOLERANCE} below the best,
 * the rounds disagree by more than the engine's own tolerance for calling two speeds equal, and the
 * measurement is {@linkplain #noisy() noisy}.
 *
 * @param algorithm the algorithm id
 * @param provider the provider id
 * @param sizeBytes the input size
 * @param bytesPerSecond the measured throughput: the best round
 * @param rounds how many timed rounds were taken; 1 for a speed read back from a calibration file,
 *     which keeps the best round only
 * @param medianBytesPerSecond the median round's throughput
 * @param slowestBytesPerSecond the slowest round's throughput
 */
public record Measurement(
        String algorithm,
        String provider,
        long sizeBytes,
        double bytesPerSecond,
        int rounds,
        double medianBytesPerSecond,
        double slowestBytesPerSecond) {
    /**
     * How far below the best the median round may be before the measurement counts as noisy: 10%,
     * the tolerance within which the engine counts two speeds as a tie.
     */
    public static final double NOISE_TOLERANCE = 0.10;

    /**
     * Checks that the rounds are ordered: slowest, median, best.
     *
     * @throws IllegalArgumentException if they are not, or if there is no round
     */
    public Measurement {
        if (rounds < 1) {
            throw new IllegalArgumentException("rounds must be at least 1: " + rounds);
        }
        if (!(slowestBytesPerSecond <= medianBytesPerSecond && medianBytesPerSecond <= bytesPerSecond)) {
            throw new IllegalArgumentException("expected slowest <= median <= best, got " + slowestBytesPerSecond + ", "
                    + medianBytesPerSecond + ", " + bytesPerSecond);
        }
    }

    /** A measurement of one round, or one whose rounds are not known (a calibration file keeps the best). */
    public Measurement(String algorithm, String provider, long sizeBytes, double bytesPerSecond) {
        this(algorithm, provider, sizeBytes, bytesPerSecond, 1, bytesPerSecond, bytesPerSecond);
    }

    /** The throughput in GB/s (10^9 bytes per second). */
    public double gigabytesPerSecond() {
        return bytesPerSecond / 1e9;
    }

    /** How far below the best the median round is, as a fraction of the best: 0 for one round. */
    public double spread() {
        return bytesPerSecond > 0 ? 1 - medianBytesPerSecond / bytesPerSecond : 0;
    }

    /** Whether the median round is more than {@link #NOISE_TOLERANCE} below the best. */
    public boolean noisy() {
        return spread() > NOISE_TOLERANCE;
    }

    /** The size for people: {@code 16 B}, {@code 64 KiB}, {@code 1 MiB}. */
    public static String formatSize(long bytes) {
        if (bytes >= 1 << 20 && bytes % (1 << 20) == 0) {
            return bytes / (1 << 20) + " MiB";
        }
        if (bytes >= 1024 && bytes % 1024 == 0) {
            return bytes / 1024 + " KiB";
        }
        return bytes + " B";
    }
}
