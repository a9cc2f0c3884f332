package dev.arsenal.engine.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arsenal.platform.CacheInfo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link SysfsCaches} on values as Linux writes them. */
class SysfsCachesTest {
    @Test
    void sizes() {
        assertEquals(48 * 1024, SysfsCaches.parseSize("48K"));
        assertEquals(2048 * 1024, SysfsCaches.parseSize("2048K"));
        assertEquals(32L * 1024 * 1024, SysfsCaches.parseSize("32M"));
        assertEquals(1L << 30, SysfsCaches.parseSize("1G"));
        assertEquals(512, SysfsCaches.parseSize("512"));
        assertEquals(64 * 1024, SysfsCaches.parseSize(" 64K\n"));
        assertEquals(64 * 1024, SysfsCaches.parseSize("64KB"));
        assertEquals(-1, SysfsCaches.parseSize(""));
        assertEquals(-1, SysfsCaches.parseSize("K"));
        assertEquals(-1, SysfsCaches.parseSize("lots"));
        assertEquals(-1, SysfsCaches.parseSize("-4K"));
        assertEquals(-1, SysfsCaches.parseSize(null));
        assertEquals(-1, SysfsCaches.parseSize("99999999999999999G"));
    }

    @Test
    void entries() {
        assertEquals(Optional.of(new CacheInfo(1, "Data", 48 * 1024, 64)), SysfsCaches.parse("1", "Data", "48K", "64"));
        assertEquals(
                Optional.of(new CacheInfo(3, "Unified", 32L << 20, 0)), SysfsCaches.parse("3", "Unified", "32M", null));
        assertEquals(Optional.empty(), SysfsCaches.parse("x", "Data", "48K", "64"));
        assertEquals(Optional.empty(), SysfsCaches.parse("1", "", "48K", "64"));
        assertEquals(Optional.empty(), SysfsCaches.parse("1", "Data", null, "64"));
    }

    @Test
    void sortedL1DataFirst() {
        List<CacheInfo> caches = SysfsCaches.sorted(List.of(
                new CacheInfo(3, "Unified", 32L << 20, 64),
                new CacheInfo(1, "Instruction", 32 << 10, 0),
                new CacheInfo(2, "Unified", 1 << 20, 64),
                new CacheInfo(1, "Data", 48 << 10, 64)));
        assertEquals(List.of(1, 1, 2, 3), caches.stream().map(CacheInfo::level).toList());
        assertEquals("Data", caches.get(0).type());
        assertEquals("Instruction", caches.get(1).type());
    }

    @Test
    void readsASysfsTree(@TempDir Path dir) throws IOException {
        write(dir.resolve("index0"), "1", "Data", "48K", "64");
        write(dir.resolve("index1"), "1", "Instruction", "32K", "64");
        write(dir.resolve("index2"), "2", "Unified", "2048K", "64");
        write(dir.resolve("index3"), "3", "Unified", "105M", "64");
        Files.createDirectories(dir.resolve("uevent-not-an-index"));
        List<String> notes = new ArrayList<>();
        List<CacheInfo> caches = SysfsCaches.read(dir.toFile(), notes);
        assertEquals(List.of(), notes);
        assertEquals(
                List.of(
                        new CacheInfo(1, "Data", 48 << 10, 64),
                        new CacheInfo(1, "Instruction", 32 << 10, 64),
                        new CacheInfo(2, "Unified", 2 << 20, 64),
                        new CacheInfo(3, "Unified", 105L << 20, 64)),
                caches);
    }

    @Test
    void missingOrBrokenTreeBecomesNotes(@TempDir Path dir) throws IOException {
        List<String> notes = new ArrayList<>();
        assertEquals(List.of(), SysfsCaches.read(dir.resolve("absent").toFile(), notes));
        assertEquals(1, notes.size());

        notes.clear();
        Files.createDirectories(dir.resolve("index0"));
        assertEquals(List.of(), SysfsCaches.read(dir.toFile(), notes));
        assertEquals(1, notes.size());
        assertTrue(notes.get(0).contains("index0"), notes.toString());
    }

    private static void write(Path index, String level, String type, String size, String line) throws IOException {
        Files.createDirectories(index);
        Files.writeString(index.resolve("level"), level + "\n");
        Files.writeString(index.resolve("type"), type + "\n");
        Files.writeString(index.resolve("size"), size + "\n");
        Files.writeString(index.resolve("coherency_line_size"), line + "\n");
    }
}
