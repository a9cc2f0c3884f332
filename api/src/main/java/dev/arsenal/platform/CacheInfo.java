package dev.arsenal.platform;

/**
 * One CPU cache as the OS describes it.
 *
 * @param level 1, 2, 3...
 * @param type {@code Data}, {@code Instruction} or {@code Unified}
 * @param sizeBytes the size in bytes
 * @param lineSizeBytes the coherency line size in bytes, or 0 if unknown
 */
public record CacheInfo(int level, String type, long sizeBytes, int lineSizeBytes) {
    @Override
    public String toString() {
        String size = sizeBytes % (1024 * 1024) == 0
                ? sizeBytes / (1024 * 1024) + " MiB"
                : sizeBytes % 1024 == 0 ? sizeBytes / 1024 + " KiB" : sizeBytes + " B";
        return "L" + level + " " + type + " " + size + (lineSizeBytes > 0 ? ", line " + lineSizeBytes + " B" : "");
    }
}
