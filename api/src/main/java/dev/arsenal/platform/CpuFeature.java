package dev.arsenal.platform;

/**
 * One fact about the CPU and where it came from.
 *
 * @param name lower-case feature name as in {@code /proc/cpuinfo} ({@code avx2}, {@code sse4_2},
 *     {@code aes}, {@code asimd}), or a HotSpot flag name ({@code UseAVX}) or a Vector API fact
 *     ({@code preferred_vector_bits})
 * @param source where it was read
 * @param value the flag's value for HotSpot flags and Vector API facts, empty for plain features
 */
public record CpuFeature(String name, FeatureSource source, String value) {
    /** A plain feature flag. */
    public static CpuFeature flag(String name, FeatureSource source) {
        return new CpuFeature(name, source, "");
    }

    @Override
    public String toString() {
        return value.isEmpty() ? name + " (" + source.id() + ")" : name + "=" + value + " (" + source.id() + ")";
    }
}
