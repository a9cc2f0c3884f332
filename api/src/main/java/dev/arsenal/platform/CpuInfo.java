package dev.arsenal.platform;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * What was detected about the CPU. Detection never throws: on an unknown platform the feature list
 * is empty and {@link #notes()} says why.
 *
 * @param os the operating system ({@code os.name}, lower-case: {@code linux}, {@code mac os x} ...)
 * @param arch the architecture ({@code os.arch}: {@code amd64}, {@code aarch64} ...)
 * @param model the model name, or empty if unknown
 * @param logicalCpus the processors available to the JVM
 * @param features every feature with its source; a feature may appear once per source
 * @param caches the caches, smallest level first; empty if the OS does not say
 * @param notes why a source gave nothing (unsupported platform, unreadable file ...)
 */
public record CpuInfo(
        String os,
        String arch,
        String model,
        int logicalCpus,
        List<CpuFeature> features,
        List<CacheInfo> caches,
        List<String> notes) {

    /** Copies the lists. */
    public CpuInfo {
        features = List.copyOf(features);
        caches = List.copyOf(caches);
        notes = List.copyOf(notes);
    }

    /** Whether any source reports the plain feature {@code name} ({@code avx2}, {@code asimd} ...). */
    public boolean has(String name) {
        for (CpuFeature f : features) {
            if (f.value().isEmpty() && f.name().equals(name)) {
                return true;
            }
        }
        return false;
    }

    /** The lower-case names of the plain features, from every source, sorted. */
    public Set<String> featureNames() {
        Set<String> names = new TreeSet<>();
        for (CpuFeature f : features) {
            if (f.value().isEmpty()) {
                names.add(f.name());
            }
        }
        return names;
    }

    /** The value of a valued fact ({@code UseAVX}, {@code preferred_vector_bits}), if known. */
    public Optional<String> value(String name) {
        for (CpuFeature f : features) {
            if (!f.value().isEmpty() && f.name().equals(name)) {
                return Optional.of(f.value());
            }
        }
        return Optional.empty();
    }

    /**
     * The cache line size in bytes, if the OS says: the first cache's coherency line size, else
     * the {@code cache_alignment} of {@code /proc/cpuinfo}.
     */
    public Optional<Integer> cacheLineSize() {
        Optional<Integer> fromCaches = caches.stream()
                .filter(c -> c.lineSizeBytes() > 0)
                .map(CacheInfo::lineSizeBytes)
                .findFirst();
        return fromCaches.isPresent() ? fromCaches : value("cache_alignment").map(Integer::valueOf);
    }
}
