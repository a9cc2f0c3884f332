package dev.arsenal.platform;

/** Where a CPU feature was learned. */
public enum FeatureSource {
    /** The {@code flags} / {@code Features} line of Linux's {@code /proc/cpuinfo}. */
    PROC_CPUINFO,
    /** A HotSpot flag read through {@code HotSpotDiagnosticMXBean}: what the JIT will really use. */
    HOTSPOT,
    /** The Vector API's preferred species. */
    VECTOR_API,
    /** An operating-system API (sysfs, sysctl, GetLogicalProcessorInformation). */
    OS;

    /** The lower-case name used in reports. */
    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
