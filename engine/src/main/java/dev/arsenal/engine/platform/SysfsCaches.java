package dev.arsenal.engine.platform;

import dev.arsenal.platform.CacheInfo;
import java.io.File;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * CPU caches as Linux describes them in sysfs, one directory per cache of CPU 0:
 *
 * <pre>
 * /sys/devices/system/cpu/cpu0/cache/index0/level                1
 *                                          /type                 Data
 *                                          /size                 48K
 *                                          /coherency_line_size  64
 * </pre>
 *
 * <p>The parsing ({@link #parseSize}, {@link #parse}, {@link #sorted}) is pure; {@link #read}
 * touches the file system.
 */
final class SysfsCaches {
    /** The directory holding CPU 0's {@code index*} directories. */
    static final File CACHE_DIR = new File("/sys/devices/system/cpu/cpu0/cache");

    private SysfsCaches() {}

    /**
     * Reads CPU 0's caches. Never throws. Plain {@code java.io}: in a fresh JVM the first use of
     * NIO's file API costs about 10 ms.
     *
     * @param notes receives why nothing (or not everything) was read
     * @return the caches, smallest level first, data before instruction before unified
     */
    static List<CacheInfo> read(List<String> notes) {
        return read(CACHE_DIR, notes);
    }

    /** {@link #read(List)} from another directory, for tests. */
    static List<CacheInfo> read(File cacheDir, List<String> notes) {
        List<CacheInfo> caches = new ArrayList<>();
        try {
            String[] names = cacheDir.isDirectory() ? cacheDir.list() : null;
            if (names == null) {
                notes.add("cache sizes unknown: " + cacheDir.getPath() + " not available");
                return List.of();
            }
            Arrays.sort(names);
            int notesBefore = notes.size();
            for (String name : names) {
                if (!name.startsWith("index")) {
                    continue;
                }
                File index = new File(cacheDir, name);
                Optional<CacheInfo> cache = parse(
                        readValue(new File(index, "level")),
                        readValue(new File(index, "type")),
                        readValue(new File(index, "size")),
                        readValue(new File(index, "coherency_line_size")));
                if (cache.isPresent()) {
                    caches.add(cache.get());
                } else {
                    notes.add("cache " + name + " in " + cacheDir.getPath() + " not understood");
                }
            }
            if (caches.isEmpty() && notes.size() == notesBefore) {
                notes.add("cache sizes unknown: " + cacheDir.getPath() + " lists no caches");
            }
        } catch (RuntimeException e) {
            notes.add("cache sizes unknown: reading " + cacheDir.getPath() + " failed: " + e);
        }
        return sorted(caches);
    }

    /**
     * Parses one cache's sysfs values.
     *
     * @param level {@code 1}, {@code 2} ...
     * @param type {@code Data}, {@code Instruction} or {@code Unified}
     * @param size as {@link #parseSize} accepts it
     * @param lineSize {@code 64}; empty or unparsable means unknown
     * @return the cache, empty if level, type or size is missing or malformed
     */
    static Optional<CacheInfo> parse(String level, String type, String size, String lineSize) {
        int lvl = parseInt(level);
        long bytes = parseSize(size);
        String t = type == null ? "" : type.strip();
        if (lvl <= 0 || bytes <= 0 || t.isEmpty()) {
            return Optional.empty();
        }
        int line = parseInt(lineSize);
        return Optional.of(new CacheInfo(lvl, t, bytes, Math.max(line, 0)));
    }

    /**
     * Parses a sysfs size: {@code 48K}, {@code 2048K}, {@code 32M}, {@code 1G}, or bare bytes
     * ({@code 512}). The suffixes are binary (K = 1024), as the kernel writes them.
     *
     * @return the size in bytes, -1 if malformed
     */
    static long parseSize(String size) {
        if (size == null) {
            return -1;
        }
        String s = size.strip().toUpperCase(Locale.ROOT);
        if (s.endsWith("B")) {
            s = s.substring(0, s.length() - 1);
        }
        if (s.isEmpty()) {
            return -1;
        }
        int shift = switch (s.charAt(s.length() - 1)) {
            case 'K' -> 10;
            case 'M' -> 20;
            case 'G' -> 30;
            default -> 0;
        };
        String digits = shift == 0 ? s : s.substring(0, s.length() - 1).strip();
        try {
            long value = Long.parseLong(digits);
            return value < 0 || value > Long.MAX_VALUE >> shift ? -1 : value << shift;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** Sorts caches by level, then data, instruction, unified (so L1d comes first). */
    static List<CacheInfo> sorted(List<CacheInfo> caches) {
        List<CacheInfo> sorted = new ArrayList<>(caches);
        // An anonymous class rather than a lambda: no lambda bootstrap at startup.
        sorted.sort(new Comparator<CacheInfo>() {
            @Override
            public int compare(CacheInfo a, CacheInfo b) {
                int byLevel = Integer.compare(a.level(), b.level());
                if (byLevel != 0) {
                    return byLevel;
                }
                int byType = Integer.compare(typeOrder(a.type()), typeOrder(b.type()));
                return byType != 0 ? byType : a.type().compareTo(b.type());
            }
        });
        return List.copyOf(sorted);
    }

    private static int typeOrder(String type) {
        return switch (type.toLowerCase(Locale.ROOT)) {
            case "data" -> 0;
            case "instruction" -> 1;
            case "unified" -> 2;
            default -> 3;
        };
    }

    private static int parseInt(String value) {
        if (value == null) {
            return -1;
        }
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** A sysfs file's content, stripped, or null if absent or unreadable. */
    private static String readValue(File file) {
        try (InputStream in = new FileInputStream(file)) {
            return new String(in.readNBytes(256), StandardCharsets.ISO_8859_1).strip();
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
