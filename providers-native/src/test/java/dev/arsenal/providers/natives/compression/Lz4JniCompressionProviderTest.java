package dev.arsenal.providers.natives.compression;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import dev.arsenal.spi.Provider;
import dev.arsenal.spi.ReferenceTools;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
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
import net.jpountz.lz4.LZ4Factory;
import net.jpountz.lz4.LZ4FrameInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * lz4-java's LZ4 blocks: every level, checked against lz4-java's pure-Java decoder, hostile input,
 * and why LZ4 frames are not offered. Skipped when lz4-java's native library does not load (failed
 * instead under {@code -Darsenal.test.requireNative=true}).
 *
 * <p>The shared contract runs in {@link Lz4JniCompressionContractTest}; this class has what is
 * particular to lz4-java.
 */
class Lz4JniCompressionProviderTest {
    private static final Lz4JniCompressionProvider PROVIDER = new Lz4JniCompressionProvider();

    @TempDir
    Path dir;

    private static void assumeLibrary() {
        Tools.assumeAvailable("lz4-java", PROVIDER.probe(null));
    }

    @Test
    void describesLz4JniBlocks() {
        assertEquals("lz4java-compression", PROVIDER.id());
        assertEquals(ProviderKind.NATIVE, PROVIDER.kind());
        assertEquals(EnumSet.of(Codec.LZ4_BLOCK), PROVIDER.algorithms());
        for (int level = 1; level <= 12; level++) {
            assertTrue(PROVIDER.supports(Codec.LZ4_BLOCK, level));
        }
        assertFalse(PROVIDER.supports(Codec.LZ4, 1));
        var noFrames = assertThrows(UnsupportedOperationException.class, () -> PROVIDER.decompressor(Codec.LZ4));
        assertTrue(noFrames.getMessage().contains("linked blocks"), noFrames.getMessage());
        assertThrows(IllegalArgumentException.class, () -> PROVIDER.compressor(Codec.LZ4_BLOCK, 13));
    }

    @Test
    void blocksHaveNoStreams() {
        assumeLibrary();
        assertThrows(
                UnsupportedOperationException.class,
                () -> PROVIDER.compressor(Codec.LZ4_BLOCK, 1).compressing(new ByteArrayOutputStream()));
        assertThrows(
                UnsupportedOperationException.class,
                () -> PROVIDER.decompressor(Codec.LZ4_BLOCK).decompressing(new ByteArrayInputStream(new byte[1]), 10));
    }

    @Test
    void ranksAsZstdJni() {
        ZstdJniProvider zstd = new ZstdJniProvider();
        for (Strategy s : Strategy.values()) {
            for (long size : new long[] {0, 16, 256, 1024, 65_536, 1 << 20}) {
                assertEquals(zstd.rank(Codec.ZSTD, s, size), PROVIDER.rank(Codec.LZ4_BLOCK, s, size), s + " " + size);
            }
        }
        assertEquals(200, PROVIDER.rank(Codec.LZ4_BLOCK, Strategy.THROUGHPUT));
    }

    @Test
    void isFoundByTheServiceLoader() {
        assertTrue(
                ServiceLoader.load(Provider.class).stream().anyMatch(p -> p.type() == Lz4JniCompressionProvider.class));
    }

    /** Every level round-trips, and lz4-java's pure-Java safe decoder (another implementation) agrees. */
    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12})
    void everyLevelRoundTrips(int level) {
        assumeLibrary();
        Compressor c = PROVIDER.compressor(Codec.LZ4_BLOCK, level);
        Decompressor d = PROVIDER.decompressor(Codec.LZ4_BLOCK);
        var java = LZ4Factory.safeInstance().safeDecompressor();
        for (byte[] input : Tools.inputs()) {
            byte[] packed = c.compress(input);
            assertTrue(packed.length <= c.maxCompressedLength(input.length));
            byte[] out = new byte[input.length + 3];
            assertEquals(input.length, d.decompress(packed, 0, packed.length, out, 3, input.length));
            assertArrayEquals(input, Arrays.copyOfRange(out, 3, out.length), "level " + level);
            assertArrayEquals(input, d.decompress(packed, input.length));
            assertArrayEquals(input, java.decompress(packed, 0, packed.length, input.length), "pure-Java lz4-java");
        }
        byte[] text = Tools.text(300_000);
        if (level >= 3) {
            assertTrue(
                    c.compress(text).length
                            <= PROVIDER.compressor(Codec.LZ4_BLOCK, 1).compress(text).length,
                    "HC compresses at least as well as fast");
        }
    }

    @Test
    void badInputIsMalformed() {
        assumeLibrary();
        Decompressor d = PROVIDER.decompressor(Codec.LZ4_BLOCK);
        byte[] data = Tools.text(10_000);
        byte[] block = PROVIDER.compressor(Codec.LZ4_BLOCK, 1).compress(data);

        MalformedInputException empty =
                assertThrows(MalformedInputException.class, () -> d.decompress(new byte[0], 100));
        assertTrue(empty.reason().contains("empty input"), empty.getMessage());
        MalformedInputException truncated = assertThrows(
                MalformedInputException.class,
                () -> d.decompress(block, 0, block.length - 1, new byte[data.length], 0, data.length));
        assertTrue(truncated.reason().contains("malformed or truncated"), truncated.getMessage());
        assertEquals(-1, truncated.offset());
        MalformedInputException room = assertThrows(
                MalformedInputException.class, () -> d.decompress(block, 0, block.length, new byte[100], 0, 100));
        assertTrue(room.reason().contains("100 bytes of room"), room.getMessage());
        // A match offset before the start of the output.
        byte[] backwards = {0x1F, 'a', (byte) 0xFF, (byte) 0xFF, 0x00, 0x10, 'b', 'c'};
        assertThrows(MalformedInputException.class, () -> d.decompress(backwards, 1000));
        byte[] flipped = block.clone();
        for (int i = 3; i < flipped.length; i += 11) {
            flipped[i] ^= (byte) 0xA5;
        }
        try {
            byte[] out = d.decompress(flipped, data.length);
            assertTrue(out.length <= data.length); // corruption may still decode to something; never more
        } catch (MalformedInputException expected) {
            // the usual outcome
        }
    }

    /** 1 MiB of zeros packs into about 4 KiB; a caller allowing 64 KiB gets an exception, not 1 MiB. */
    @Test
    void aBlockBombStopsAtTheRoomGiven() {
        assumeLibrary();
        byte[] bomb = PROVIDER.compressor(Codec.LZ4_BLOCK, 12).compress(new byte[1 << 20]);
        assertTrue(bomb.length < 5000, "a bomb: " + bomb.length);
        Decompressor d = PROVIDER.decompressor(Codec.LZ4_BLOCK);
        MalformedInputException e = assertThrows(MalformedInputException.class, () -> d.decompress(bomb, 64 << 10));
        assertTrue(e.reason().contains("65536 bytes of room"), e.getMessage());
    }

    @Test
    void buffersAndSegmentsRoundTrip() {
        assumeLibrary();
        Compressor c = PROVIDER.compressor(Codec.LZ4_BLOCK, 9);
        Decompressor d = PROVIDER.decompressor(Codec.LZ4_BLOCK);
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
            packed.position(5);
            assertThrows(MalformedInputException.class, () -> d.decompress(packed, allocate(direct, 100)));
            assertEquals(5, packed.position(), "positions stay where they were on failure");
        }
        try (Arena arena = Arena.ofConfined()) {
            for (boolean isNative : new boolean[] {false, true}) {
                MemorySegment in =
                        isNative ? arena.allocate(data.length) : MemorySegment.ofArray(new byte[data.length]);
                MemorySegment.copy(data, 0, in, ValueLayout.JAVA_BYTE, 0, data.length);
                long bound = c.maxCompressedLength(data.length);
                MemorySegment packed = isNative ? arena.allocate(bound) : MemorySegment.ofArray(new byte[(int) bound]);
                long n = c.compress(in, packed);
                MemorySegment out =
                        isNative ? arena.allocate(data.length) : MemorySegment.ofArray(new byte[data.length]);
                assertEquals(data.length, d.decompress(packed.asSlice(0, n), out));
                assertArrayEquals(data, out.toArray(ValueLayout.JAVA_BYTE));
                assertEquals(data.length, d.decompress(packed.asSlice(0, n).asReadOnly(), out));
                assertThrows(IllegalArgumentException.class, () -> c.compress(in, packed.asSlice(0, 10)));
            }
        }
    }

    private static ByteBuffer allocate(boolean direct, int size) {
        return direct ? ByteBuffer.allocateDirect(size) : ByteBuffer.allocate(size);
    }

    /** Every cut and every single-byte change: malformed or some output, never a write outside the range. */
    @Test
    void everyTruncationAndByteChangeIsMalformedOrBounded() {
        assumeLibrary();
        Decompressor d = PROVIDER.decompressor(Codec.LZ4_BLOCK);
        byte[] original = Tools.text(600);
        byte[] block = PROVIDER.compressor(Codec.LZ4_BLOCK, 1).compress(original);
        for (int length = 0; length <= block.length; length++) {
            decodeGuarded(d, Arrays.copyOf(block, length), original.length, "cut to " + length);
        }
        for (int i = 0; i < block.length; i++) {
            for (int mask : new int[] {0x01, 0x80, 0xFF}) {
                byte[] bad = block.clone();
                bad[i] ^= (byte) mask;
                decodeGuarded(d, bad, original.length, "byte " + i + " XOR " + mask);
            }
        }
    }

    private static void decodeGuarded(Decompressor d, byte[] input, int room, String what) {
        byte[] out = new byte[room + 16];
        Arrays.fill(out, (byte) 0x5A);
        try {
            int n = d.decompress(input, 0, input.length, out, 8, room);
            assertTrue(n >= 0 && n <= room, what + ": " + n);
        } catch (MalformedInputException expected) {
            assertEquals(Codec.LZ4_BLOCK.id() + ": ", expected.getMessage().substring(0, 11), what);
        }
        for (int i = 0; i < 8; i++) {
            assertEquals((byte) 0x5A, out[i], what + ": a byte before the range was written");
            assertEquals((byte) 0x5A, out[8 + room + i], what + ": a byte after the range was written");
        }
    }

    /**
     * Why this provider offers no LZ4 frames: lz4-java reads the lz4 command's frames of independent
     * blocks, but refuses those of linked blocks ({@code -BD}). If a later lz4-java reads them, this
     * fails, and LZ4 frames can be offered here.
     */
    @Test
    void lz4JavaRefusesTheLz4CommandsLinkedBlocks() throws Exception {
        assumeLibrary();
        ReferenceTools.assumeCommand("lz4");
        byte[] chunk = Tools.random(50_000);
        byte[] input = Tools.concat(chunk, chunk, chunk, chunk, chunk, chunk);
        Files.write(dir.resolve("in"), input);
        ReferenceTools.run(dir, "lz4", "-q", "-f", "-B4", "in", "independent.lz4");
        ReferenceTools.run(dir, "lz4", "-q", "-f", "-B4", "-BD", "in", "linked.lz4");
        try (InputStream in =
                new LZ4FrameInputStream(new ByteArrayInputStream(Files.readAllBytes(dir.resolve("independent.lz4"))))) {
            assertArrayEquals(input, in.readAllBytes());
        }
        IOException refused = assertThrows(IOException.class, () -> {
            try (InputStream in =
                    new LZ4FrameInputStream(new ByteArrayInputStream(Files.readAllBytes(dir.resolve("linked.lz4"))))) {
                in.readAllBytes();
            }
        });
        assertTrue(refused.getMessage().contains("frame descriptor"), refused.getMessage());
    }

    /** Loads the provider where lz4-java is missing: it loads, says why, and its factories throw. */
    @Test
    void withoutLz4JavaTheProviderLoadsAndSaysWhy() throws Exception {
        URL[] urls = {location(Algorithm.class), location(Provider.class), location(Lz4JniCompressionProvider.class)};
        try (URLClassLoader loader = new URLClassLoader("no-lz4", urls, ClassLoader.getPlatformClassLoader())) {
            assertThrows(ClassNotFoundException.class, () -> loader.loadClass(Lz4JniBlock.FACTORY_CLASS));
            Class<?> type = loader.loadClass(Lz4JniCompressionProvider.class.getName());
            Object provider = type.getConstructor().newInstance();
            Method probe = type.getMethod("probe", loader.loadClass(PlatformInfo.class.getName()));
            Object availability = probe.invoke(provider, (Object) null);
            assertFalse(
                    (boolean) availability.getClass().getMethod("isAvailable").invoke(availability));
            String cause = (String) availability.getClass().getMethod("cause").invoke(availability);
            assertTrue(cause.startsWith("lz4-java not on the class path"), cause);
            Class<?> codec = loader.loadClass(Codec.class.getName());
            Method compressor = type.getMethod("compressor", codec, int.class);
            Object block = codec.getField("LZ4_BLOCK").get(null);
            var thrown = assertThrows(
                    java.lang.reflect.InvocationTargetException.class, () -> compressor.invoke(provider, block, 1));
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
