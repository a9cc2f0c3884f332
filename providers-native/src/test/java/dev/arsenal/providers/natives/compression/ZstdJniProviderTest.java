package dev.arsenal.providers.natives.compression;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arsenal.Algorithm;
import dev.arsenal.ProviderKind;
import dev.arsenal.Strategy;
import dev.arsenal.compression.Codec;
import dev.arsenal.compression.Compressor;
import dev.arsenal.compression.Decompressor;
import dev.arsenal.compression.MalformedInputException;
import dev.arsenal.platform.PlatformInfo;
import dev.arsenal.spi.HangGuard;
import dev.arsenal.spi.Provider;
import dev.arsenal.spi.ReferenceTools;
import dev.arsenal.spi.compression.AbstractCompressionProviderContractTest;
import dev.arsenal.spi.compression.CompressionProvider;
import dev.arsenal.spi.compression.KnownFrames;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * zstd-jni: every level, the zstd command's frames both ways, hostile input, and that the provider
 * loads and says why without zstd-jni. Skipped when zstd-jni's native library does not load (failed
 * instead under {@code -Darsenal.test.requireNative=true}).
 */
class ZstdJniProviderTest extends AbstractCompressionProviderContractTest {
    private static final ZstdJniProvider PROVIDER = new ZstdJniProvider();

    @TempDir
    Path dir;

    @Override
    protected CompressionProvider provider() {
        return new ZstdJniProvider();
    }

    private static void assumeLibrary() {
        Tools.assumeAvailable("zstd-jni", PROVIDER.probe(null));
    }

    static int[] levels() {
        int[] levels = new int[Codec.ZSTD.maxLevel() - Codec.ZSTD.minLevel() + 1];
        for (int i = 0; i < levels.length; i++) {
            levels[i] = Codec.ZSTD.minLevel() + i;
        }
        return levels;
    }

    @Test
    void describesZstdJni() {
        assertEquals("zstd-jni", PROVIDER.id());
        assertEquals(ProviderKind.NATIVE, PROVIDER.kind());
        assertEquals(EnumSet.of(Codec.ZSTD), PROVIDER.algorithms());
        assertTrue(PROVIDER.requirements().isEmpty());
        for (int level : levels()) {
            assertTrue(PROVIDER.supports(Codec.ZSTD, level), "level " + level);
        }
        assertFalse(PROVIDER.supports(Codec.ZSTD, 23));
        assertFalse(PROVIDER.supports(Codec.ZSTD, -8));
        assertFalse(PROVIDER.supports(Codec.GZIP, 6));
        assertThrows(UnsupportedOperationException.class, () -> PROVIDER.compressor(Codec.GZIP, 6));
        assertThrows(UnsupportedOperationException.class, () -> PROVIDER.decompressor(Codec.LZ4));
        assertThrows(IllegalArgumentException.class, () -> PROVIDER.compressor(Codec.ZSTD, 23));
    }

    /** Above the pure-Java provider's 100 where the work is large, below it for tiny inputs and MINIMAL_MEMORY. */
    @Test
    void ranksAsTheNativeProviders() {
        assertEquals(200, PROVIDER.rank(Codec.ZSTD, Strategy.THROUGHPUT));
        assertEquals(200, PROVIDER.rank(Codec.ZSTD, Strategy.BALANCED));
        assertEquals(200, PROVIDER.rank(Codec.ZSTD, Strategy.LATENCY));
        assertEquals(50, PROVIDER.rank(Codec.ZSTD, Strategy.MINIMAL_MEMORY));
        assertEquals(90, PROVIDER.rank(Codec.ZSTD, Strategy.BALANCED, 16));
        assertEquals(50, PROVIDER.rank(Codec.ZSTD, Strategy.LATENCY, 4096));
        assertEquals(200, PROVIDER.rank(Codec.ZSTD, Strategy.THROUGHPUT, 1 << 20));
    }

    @Test
    void isFoundByTheServiceLoader() {
        assertTrue(
                ServiceLoader.load(Provider.class).stream().anyMatch(p -> p.type() == ZstdJniProvider.class),
                "META-INF/services/dev.arsenal.spi.Provider lists ZstdJniProvider");
    }

    @ParameterizedTest
    @MethodSource("levels")
    void everyLevelRoundTripsWithContentSizeAndChecksum(int level) throws IOException {
        assumeLibrary();
        Compressor c = PROVIDER.compressor(Codec.ZSTD, level);
        Decompressor d = PROVIDER.decompressor(Codec.ZSTD);
        assertEquals(level, c.level());
        // Levels 18 and up are slow (level 22 sets up 128 MiB windows for a stream): smaller inputs there.
        for (byte[] input : level < 18 ? Tools.inputs() : Tools.inputs().subList(0, 4)) {
            byte[] packed = c.compress(input);
            assertTrue(packed.length <= c.maxCompressedLength(input.length));
            assertArrayEquals(input, d.decompress(packed, input.length), "level " + level + ", " + input.length);
            int descriptor = packed[4] & 0xFF;
            assertTrue((descriptor & 0x04) != 0, "a checksum, as zstd writes by default");
            assertTrue((descriptor & 0xC0) != 0 || (descriptor & 0x20) != 0, "the content size");

            ByteArrayOutputStream sink = new ByteArrayOutputStream();
            try (OutputStream out = c.compressing(sink)) {
                out.write(input, 0, input.length / 2);
                out.write(input, input.length / 2, input.length - input.length / 2);
            }
            try (InputStream in = d.decompressing(new ByteArrayInputStream(sink.toByteArray()), input.length)) {
                assertArrayEquals(input, in.readAllBytes());
            }
            assertArrayEquals(input, d.decompress(sink.toByteArray(), input.length), "a frame without content size");
        }
    }

    /**
     * Levels 20 to 22 keep level 19's 8 MiB window, the most RFC 8878 asks every decoder to support
     * (the pure-Java one refuses more), where libzstd alone would take up to 128 MiB.
     */
    @ParameterizedTest
    @ValueSource(ints = {19, 20, 21, 22})
    void ultraLevelsKeepAnEightMebibyteWindow(int level) throws IOException {
        assumeLibrary();
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        try (OutputStream out = PROVIDER.compressor(Codec.ZSTD, level).compressing(sink)) {
            out.write(Tools.text(20_000));
        }
        byte[] frame = sink.toByteArray();
        int descriptor = frame[4] & 0xFF;
        assertEquals(0, descriptor & 0x20, "a stream's frame is not single-segment: it has a window descriptor");
        int window = frame[5] & 0xFF;
        long base = 1L << (10 + (window >>> 3));
        long size = base + (base / 8) * (window & 7);
        assertTrue(size <= 8 << 20, "level " + level + ": a window of " + size + " bytes");
        assertEquals(level == 19 ? size : 8 << 20, size, "level " + level);
    }

    @Test
    void decodesTheToolFramesOfKnownFrames() {
        assumeLibrary();
        Decompressor d = PROVIDER.decompressor(Codec.ZSTD);
        assertFalse(KnownFrames.frames(Codec.ZSTD).isEmpty());
        for (KnownFrames.Frame f : KnownFrames.frames(Codec.ZSTD)) {
            byte[] expected = KnownFrames.input(f.input());
            assertArrayEquals(expected, d.decompress(f.frame(), expected.length), f.command());
            byte[] out = new byte[expected.length + 10];
            assertEquals(expected.length, d.decompress(f.frame(), 0, f.frame().length, out, 3, out.length - 3));
            assertArrayEquals(expected, Arrays.copyOfRange(out, 3, 3 + expected.length), f.command());
        }
    }

    /** What the zstd command writes now decodes here, and what this writes the command decodes. */
    @Test
    void interoperatesWithTheZstdCommand() throws Exception {
        assumeLibrary();
        ReferenceTools.assumeCommand("zstd");
        byte[] input = Tools.text(200_000);
        Files.write(dir.resolve("in"), input);
        Decompressor d = PROVIDER.decompressor(Codec.ZSTD);
        String[][] commands = {
            {"zstd", "-q", "-f", "in", "-o", "default.zst"},
            {"zstd", "-q", "-f", "--no-check", "--no-content-size", "-1", "in", "-o", "bare.zst"},
            {"zstd", "-q", "-f", "--fast=7", "in", "-o", "fast.zst"},
            {"zstd", "-q", "-f", "--ultra", "-22", "in", "-o", "ultra.zst"},
            {"zstd", "-q", "-f", "-B100000", "-19", "in", "-o", "blocks.zst"},
        };
        for (String[] command : commands) {
            ReferenceTools.run(dir, command);
            byte[] frame = Files.readAllBytes(dir.resolve(command[command.length - 1]));
            assertArrayEquals(input, d.decompress(frame, input.length), String.join(" ", command));
        }
        ReferenceTools.shell(dir, "zstd -q -c < in > piped.zst && zstd -q -c in >> piped.zst");
        byte[] piped = Files.readAllBytes(dir.resolve("piped.zst"));
        assertArrayEquals(
                Tools.concat(input, input), d.decompress(piped, 2 * input.length), "two frames, one sizeless");
        try (InputStream in = d.decompressing(new ByteArrayInputStream(piped), Long.MAX_VALUE)) {
            assertArrayEquals(Tools.concat(input, input), in.readAllBytes());
        }

        for (int level : new int[] {-7, 3, 19, 22}) {
            Compressor c = PROVIDER.compressor(Codec.ZSTD, level);
            Files.write(dir.resolve("mine.zst"), c.compress(input));
            ByteArrayOutputStream sink = new ByteArrayOutputStream();
            try (OutputStream out = c.compressing(sink)) {
                out.write(input);
            }
            Files.write(dir.resolve("mine-stream.zst"), sink.toByteArray());
            ReferenceTools.run(dir, "zstd", "-q", "-t", "mine.zst", "mine-stream.zst");
            ReferenceTools.run(dir, "zstd", "-q", "-d", "-f", "mine.zst", "-o", "back");
            assertArrayEquals(input, Files.readAllBytes(dir.resolve("back")), "level " + level);
            ReferenceTools.run(dir, "zstd", "-q", "-d", "-f", "mine-stream.zst", "-o", "back-stream");
            assertArrayEquals(input, Files.readAllBytes(dir.resolve("back-stream")), "level " + level);
            String info = ReferenceTools.run(dir, "zstd", "-lv", "mine.zst");
            assertTrue(info.contains("XXH64"), info);
            assertTrue(info.lines().anyMatch(l -> l.startsWith("Decompressed Size") && l.contains("(200000 B)")), info);
        }
    }

    @Test
    void concatenatedAndSkippableFramesDecodeInOrder() {
        assumeLibrary();
        Compressor c = PROVIDER.compressor(Codec.ZSTD, 3);
        byte[] a = Tools.text(5000);
        byte[] b = Tools.random(3000);
        byte[] skippable = {0x50, 0x2A, 0x4D, 0x18, 3, 0, 0, 0, 9, 9, 9};
        byte[] frames = Tools.concat(c.compress(a), skippable, c.compress(new byte[0]), c.compress(b));
        Decompressor d = PROVIDER.decompressor(Codec.ZSTD);
        assertArrayEquals(Tools.concat(a, b), d.decompress(frames, 8000));
        byte[] out = new byte[8000];
        assertEquals(8000, d.decompress(frames, 0, frames.length, out, 0, out.length));
        assertArrayEquals(Tools.concat(a, b), out);
    }

    @Test
    void badInputIsMalformedWithTheReason() {
        assumeLibrary();
        Decompressor d = PROVIDER.decompressor(Codec.ZSTD);
        byte[] data = Tools.text(10_000);
        byte[] frame = PROVIDER.compressor(Codec.ZSTD, 3).compress(data);

        MalformedInputException magic =
                assertThrows(MalformedInputException.class, () -> d.decompress("not zstd at all".getBytes(), 100));
        assertTrue(magic.reason().contains("not a zstd frame"), magic.getMessage());
        assertEquals(Codec.ZSTD.id() + ": ", magic.getMessage().substring(0, 6));

        MalformedInputException truncated = assertThrows(
                MalformedInputException.class, () -> d.decompress(Arrays.copyOf(frame, frame.length - 5), 20_000));
        assertTrue(truncated.reason().contains("truncated"), truncated.getMessage());

        byte[] flipped = frame.clone();
        flipped[frame.length - 1] ^= 1; // the checksum's last byte
        MalformedInputException checksum =
                assertThrows(MalformedInputException.class, () -> d.decompress(flipped, 20_000));
        assertTrue(checksum.reason().contains("libzstd:"), checksum.getMessage());

        byte[] corrupted = frame.clone();
        for (int i = 12; i < corrupted.length - 4; i += 7) {
            corrupted[i] ^= 0x5A;
        }
        assertThrows(MalformedInputException.class, () -> d.decompress(corrupted, 20_000));

        // The offset of the frame the error is in: here the second one.
        byte[] second = Tools.concat(frame, Arrays.copyOf(frame, frame.length - 5));
        MalformedInputException inSecond = assertThrows(
                MalformedInputException.class,
                () -> d.decompress(second, 0, second.length, new byte[30_000], 0, 30_000));
        assertEquals(frame.length, inSecond.offset(), inSecond.getMessage());
        byte[] garbage = Tools.concat(frame, new byte[] {1, 2, 3, 4, 5, 6, 7, 8});
        MalformedInputException after = assertThrows(
                MalformedInputException.class,
                () -> d.decompress(garbage, 0, garbage.length, new byte[30_000], 0, 30_000));
        assertEquals(frame.length, after.offset(), after.getMessage());
        assertThrows(MalformedInputException.class, () -> d.decompress(garbage, 30_000));
    }

    /** The frame declares 100 MiB; the caller allows 1 MiB: that is all that is allocated or written. */
    @Test
    void aDeclaredSizeIsBelievedOnlyUpToTheLimit() {
        assumeLibrary();
        byte[] bomb = PROVIDER.compressor(Codec.ZSTD, 3).compress(new byte[100 << 20]);
        assertTrue(bomb.length < 10_000, "a bomb: " + bomb.length);
        Decompressor d = PROVIDER.decompressor(Codec.ZSTD);
        HangGuard.finishes(() -> {
            MalformedInputException e = assertThrows(MalformedInputException.class, () -> d.decompress(bomb, 1 << 20));
            assertTrue(e.reason().contains("limit of 1048576 bytes"), e.getMessage());
            MalformedInputException room = assertThrows(
                    MalformedInputException.class,
                    () -> d.decompress(bomb, 0, bomb.length, new byte[1 << 20], 0, 1 << 20));
            assertTrue(room.reason().contains("1048576 bytes of room"), room.getMessage());
            IOException streamed = assertThrows(IOException.class, () -> {
                try (InputStream in = d.decompressing(new ByteArrayInputStream(bomb), 1 << 20)) {
                    in.readAllBytes();
                }
            });
            assertInstanceOf(MalformedInputException.class, streamed.getCause());
        });
        // A frame whose declared size lies: larger than the content, within the limit.
        byte[] data = Tools.text(1000);
        byte[] frame = PROVIDER.compressor(Codec.ZSTD, 3).compress(data);
        assertEquals(0x64, frame[4] & 0xFF, "single segment, a two-byte content size, a checksum");
        assertEquals((byte) 0xE8, frame[5], "the content size field, 1000 - 256, low byte");
        byte[] lying = frame.clone();
        lying[5] = (byte) 0xE9;
        assertThrows(MalformedInputException.class, () -> d.decompress(lying, 5000));
    }

    @Test
    void streamsReportBadInputAsIoExceptionsCausedByMalformedInput() {
        assumeLibrary();
        Decompressor d = PROVIDER.decompressor(Codec.ZSTD);
        byte[] frame = PROVIDER.compressor(Codec.ZSTD, 3).compress(Tools.text(50_000));
        for (byte[] bad : new byte[][] {Arrays.copyOf(frame, frame.length / 2), "garbage garbage".getBytes()}) {
            IOException e = assertThrows(IOException.class, () -> {
                try (InputStream in = d.decompressing(new ByteArrayInputStream(bad), Long.MAX_VALUE)) {
                    in.readAllBytes();
                }
            });
            MalformedInputException m = assertInstanceOf(MalformedInputException.class, e.getCause());
            assertEquals(Codec.ZSTD.id(), m.getMessage().substring(0, 4));
        }
    }

    /** Heap and direct buffers, heap and native segments, at odd positions. */
    @Test
    void buffersAndSegmentsRoundTrip() {
        assumeLibrary();
        Compressor c = PROVIDER.compressor(Codec.ZSTD, 5);
        Decompressor d = PROVIDER.decompressor(Codec.ZSTD);
        byte[] data = Tools.text(100_000);
        for (boolean direct : new boolean[] {false, true}) {
            ByteBuffer in = allocate(direct, data.length + 3).position(3);
            in.put(data).position(3);
            ByteBuffer packed = allocate(direct, (int) c.maxCompressedLength(data.length) + 5)
                    .position(5);
            c.compress(in, packed);
            assertEquals(in.limit(), in.position());
            packed.flip().position(5);
            ByteBuffer out = allocate(direct, data.length + 7).position(7);
            d.decompress(packed, out);
            assertEquals(data.length + 7, out.position());
            byte[] back = new byte[data.length];
            out.position(7).get(back);
            assertArrayEquals(data, back, direct ? "direct" : "heap");
            ByteBuffer small = allocate(direct, 100);
            packed.position(5);
            assertThrows(MalformedInputException.class, () -> d.decompress(packed, small));
        }
        try (Arena arena = Arena.ofConfined()) {
            for (boolean isNative : new boolean[] {false, true}) {
                MemorySegment in =
                        isNative ? arena.allocate(data.length) : MemorySegment.ofArray(new byte[data.length]);
                MemorySegment.copy(data, 0, in, ValueLayout.JAVA_BYTE, 0, data.length);
                MemorySegment packed = isNative
                        ? arena.allocate(c.maxCompressedLength(data.length))
                        : MemorySegment.ofArray(new byte[(int) c.maxCompressedLength(data.length)]);
                long n = c.compress(in, packed);
                MemorySegment out =
                        isNative ? arena.allocate(data.length) : MemorySegment.ofArray(new byte[data.length]);
                assertEquals(data.length, d.decompress(packed.asSlice(0, n), out));
                assertArrayEquals(data, out.toArray(ValueLayout.JAVA_BYTE));
                assertThrows(MalformedInputException.class, () -> d.decompress(packed.asSlice(0, n - 3), out));
                assertThrows(IllegalArgumentException.class, () -> c.compress(in, packed.asSlice(0, 10)));
            }
        }
    }

    private static ByteBuffer allocate(boolean direct, int size) {
        return direct ? ByteBuffer.allocateDirect(size) : ByteBuffer.allocate(size);
    }

    @Test
    void tooLittleOutputRoomIsAnIllegalArgument() {
        assumeLibrary();
        Compressor c = PROVIDER.compressor(Codec.ZSTD, 3);
        byte[] data = Tools.random(5000);
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class, () -> c.compress(data, 0, data.length, new byte[100], 0, 100));
        assertTrue(e.getMessage().contains("maxCompressedLength"), e.getMessage());
    }

    /**
     * Loads the provider in a class loader that sees Arsenal's classes but not zstd-jni: the class
     * loads, the probe says why it is unavailable, the factories throw IllegalStateException.
     */
    @Test
    void withoutZstdJniTheProviderLoadsAndSaysWhy() throws Exception {
        URL[] urls = {location(Algorithm.class), location(Provider.class), location(ZstdJniProvider.class)};
        try (URLClassLoader loader = new URLClassLoader("no-zstd", urls, ClassLoader.getPlatformClassLoader())) {
            assertThrows(ClassNotFoundException.class, () -> loader.loadClass(ZstdJniBindings.NATIVE_CLASS));
            Class<?> type = loader.loadClass(ZstdJniProvider.class.getName());
            assertEquals(loader, type.getClassLoader());
            Object provider = type.getConstructor().newInstance();
            Method probe = type.getMethod("probe", loader.loadClass(PlatformInfo.class.getName()));
            Object availability = probe.invoke(provider, (Object) null);
            assertFalse(
                    (boolean) availability.getClass().getMethod("isAvailable").invoke(availability));
            String cause = (String) availability.getClass().getMethod("cause").invoke(availability);
            assertTrue(cause.startsWith("zstd-jni not on the class path"), cause);
            assertTrue(cause.contains("com.github.luben.zstd_jni"), cause);
            Class<?> codec = loader.loadClass(Codec.class.getName());
            Method decompressor = type.getMethod("decompressor", codec);
            Object zstd = codec.getField("ZSTD").get(null);
            var thrown = assertThrows(
                    java.lang.reflect.InvocationTargetException.class, () -> decompressor.invoke(provider, zstd));
            assertEquals(
                    IllegalStateException.class,
                    thrown.getCause().getClass(),
                    thrown.getCause().toString());
        }
    }

    private static URL location(Class<?> type) {
        return type.getProtectionDomain().getCodeSource().getLocation();
    }
}
