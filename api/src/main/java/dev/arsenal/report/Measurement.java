package dev.arsenal.report;

/**
 * One measured speed: a provider's one-shot throughput for an algorithm at an input size.
 *
 * @param algorithm the algorithm id
 * @param provider the provider id
 * @param sizeBytes the input size
 * @param bytesPerSecond the measured throughput
 */
public record Measurement(String algorithm, String provider, long sizeBytes, double bytesPerSecond) {
    /** The throughput in GB/s (10^9 bytes per second). */
    public double gigabytesPerSecond() {
        return bytesPerSecond / 1e9;
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
