package dev.arsenal.spi.hashing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.arsenal.Family;
import dev.arsenal.Strategy;
import dev.arsenal.hashing.Hash128;
import dev.arsenal.hashing.HashAlgorithm;
import dev.arsenal.hashing.HashStream128;
import dev.arsenal.hashing.HashStream32;
import dev.arsenal.hashing.HashStream64;
import dev.arsenal.hashing.Hasher128;
import dev.arsenal.hashing.Hasher32;
import dev.arsenal.hashing.Hasher64;
import dev.arsenal.platform.CpuInfo;
import dev.arsenal.platform.JvmInfo;
import dev.arsenal.platform.PlatformInfo;
import dev.arsenal.report.SelfTest;
import dev.arsenal.spi.Availability;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.IntConsumer;
import java.util.function.IntFunction;
import java.util.function.LongConsumer;
import java.util.function.LongFunction;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The contract every {@link HashingProvider} meets; a provider's test extends this class and
 * supplies the provider.
 *
 * <p>For every algorithm the provider lists: the hash of every length 0..4096 and a few large ones,
 * under several seeds, equals the committed reference hashes ({@link ReferenceHashes}, generated
 * from libxxhash and zlib) for every input form (arrays
 * at offset 0 and at an odd offset, heap, direct and read-only buffers, heap, native, read-only and
 * {@code long[]}-backed segments); {@code hashLong} / {@code hashInt} equal hashing the
 * little-endian bytes; a stream gives the one-shot result at every split, in any chunking and mix
 * of input forms, byte by byte, after {@code digest()} mid-way and after {@code reset()}; the
 * known-answer self-test passes; bad arguments throw.
 *
 * <p>The committed reference files are always checked ({@code ReferenceHashesTest} checks the files
 * against the live libraries). Checks against the live reference libraries here ({@code hashLong}
 * / {@code hashInt}, {@link XxHashReference}) are
 * skipped (with the reason) when a library is missing, and fail instead when {@code
 * -Darsenal.test.requireNative=true}; likewise for a provider whose {@link HashingProvider#probe
 * probe} says it is unavailable.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class AbstractHashingProviderContractTest {
    private static final boolean REQUIRE_NATIVE = Boolean.getBoolean("arsenal.test.requireNative");
    /** Where inputs start in the pool: odd, so that no read is aligned. */
    private static final int OFFSET = ReferenceHashes.OFFSET;

    private HashingProvider provider;
    private Availability availability;
    private Arena arena;
    private byte[] pool;
    private MemorySegment nativePool;
    private MemorySegment longPool;
    private ByteBuffer directPool;

    /** The provider under test; called once per test class. */
    protected abstract HashingProvider createProvider();

    /** The platform passed to {@link HashingProvider#probe}; override to describe a real one. */
    protected PlatformInfo platform() {
        CpuInfo cpu = new CpuInfo(
                System.getProperty("os.name").toLowerCase(Locale.ROOT),
                System.getProperty("os.arch"),
                "",
                Runtime.getRuntime().availableProcessors(),
                List.of(),
                List.of(),
                List.of("not detected by the contract test"));
        JvmInfo jvm = new JvmInfo(
                System.getProperty("java.version"),
                System.getProperty("java.vendor"),
                System.getProperty("java.vm.name"),
                true,
                true,
                false,
                0);
        return new PlatformInfo(cpu, jvm);
    }

    @BeforeAll
    void setUp() {
        provider = createProvider();
        availability = provider.probe(platform());
        pool = ReferenceHashes.pool();
        int size = pool.length;
        arena = Arena.ofShared();
        nativePool = arena.allocate(size);
        nativePool.copyFrom(MemorySegment.ofArray(pool));
        longPool = MemorySegment.ofArray(new long[(size + 7) / 8]);
        MemorySegment.copy(MemorySegment.ofArray(pool), 0, longPool, 0, size);
        directPool = ByteBuffer.allocateDirect(size);
        directPool.put(0, pool);
    }

    @AfterAll
    void tearDown() {
        if (arena != null) {
            arena.close();
        }
    }

    Stream<HashAlgorithm> algorithms() {
        return new TreeSet<>(provider.algorithms()).stream();
    }

    Stream<HashAlgorithm> algorithms32() {
        return algorithms().filter(a -> a.bits() == 32);
    }

    // ---- the reference ----

    @Test
    void referenceAgreesWithTheCheckValuesAndTheKnownAnswers() {
        byte[] check = "123456789".getBytes(StandardCharsets.US_ASCII);
        assertEquals(0xE3069283, XxHashReference.crc32c(MemorySegment.ofArray(check)), "CRC-32C check value");
        for (HashAlgorithm algorithm : HashAlgorithm.values()) {
            if (!XxHashReference.isAvailable(algorithm)) {
                continue;
            }
            for (KnownAnswers.Vector v : KnownAnswers.vectors(algorithm)) {
                Hash128 h = XxHashReference.hash(
                        algorithm, v.seed(), MemorySegment.ofArray(KnownAnswers.pattern(v.length())));
                assertEquals(v.hex(), hex(algorithm, h), () -> "reference disagrees with " + v);
            }
        }
        if (XxHashReference.isAvailable(HashAlgorithm.CRC32)) {
            assertEquals(0xCBF43926, XxHashReference.crc32(MemorySegment.ofArray(check)), "CRC-32 check value");
        }
    }

    // ---- the provider ----

    @Test
    void describesItself() {
        assertFalse(provider.id().isBlank(), "id");
        assertEquals(Family.HASHING, provider.family());
        assertFalse(provider.algorithms().isEmpty(), "algorithms");
        assertFalse(provider.description().isBlank(), "description");
        for (HashAlgorithm algorithm : provider.algorithms()) {
            for (Strategy strategy : Strategy.values()) {
                provider.rank(algorithm, strategy);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("algorithms")
    void selfTestPasses(HashAlgorithm algorithm) {
        assumeProviderAvailable();
        SelfTest result = provider.selfTest(algorithm);
        assertTrue(result.passed(), () -> algorithm.id() + ": " + result);
    }

    @ParameterizedTest
    @MethodSource("algorithms")
    void hashersReportAlgorithmAndSeed(HashAlgorithm algorithm) {
        assumeProviderAvailable();
        for (long seed : seeds(algorithm)) {
            switch (algorithm.bits()) {
                case 32 -> {
                    Hasher32 h = provider.hasher32(algorithm, seed);
                    assertEquals(algorithm, h.algorithm());
                    assertEquals(seed, h.seed());
                }
                case 64 -> {
                    Hasher64 h = provider.hasher64(algorithm, seed);
                    assertEquals(algorithm, h.algorithm());
                    assertEquals(seed, h.seed());
                }
                default -> {
                    Hasher128 h = provider.hasher128(algorithm, seed);
                    assertEquals(algorithm, h.algorithm());
                    assertEquals(seed, h.seed());
                }
            }
        }
    }

    @ParameterizedTest
    @MethodSource("algorithms")
    void everyLengthAndInputFormMatchesTheReference(HashAlgorithm algorithm) {
        assumeProviderAvailable();
        for (long seed : seeds(algorithm)) {
            Fn f = fn(algorithm, seed);
            for (int length : ReferenceHashes.lengths()) {
                checkAllForms(algorithm, seed, f, length);
            }
        }
    }

    private void checkAllForms(HashAlgorithm algorithm, long seed, Fn f, int length) {
        MemorySegment nativeInput = nativePool.asSlice(OFFSET, length);
        Hash128 expected = ReferenceHashes.expected(algorithm, seed, length);
        Check c = new Check(algorithm, seed, length, expected);
        byte[] exact = Arrays.copyOfRange(pool, OFFSET, OFFSET + length);
        c.is("byte[]", f.hash(exact));
        c.is("byte[] at offset " + OFFSET, f.hash(pool, OFFSET, length));
        ByteBuffer heap = ByteBuffer.wrap(pool, OFFSET, length);
        c.is("heap ByteBuffer", f.hash(heap));
        assertEquals(OFFSET, heap.position(), "hash(ByteBuffer) moved the position");
        assertEquals(OFFSET + length, heap.limit(), "hash(ByteBuffer) moved the limit");
        c.is(
                "sliced heap ByteBuffer",
                f.hash(ByteBuffer.wrap(pool)
                        .slice(OFFSET - 3, length + 6)
                        .position(3)
                        .limit(3 + length)));
        c.is("read-only heap ByteBuffer", f.hash(heap.asReadOnlyBuffer()));
        ByteBuffer direct = directPool.duplicate().position(OFFSET).limit(OFFSET + length);
        c.is("direct ByteBuffer", f.hash(direct));
        assertEquals(OFFSET, direct.position(), "hash(ByteBuffer) moved the position");
        c.is("read-only direct ByteBuffer", f.hash(direct.asReadOnlyBuffer()));
        c.is("heap segment", f.hash(MemorySegment.ofArray(pool).asSlice(OFFSET, length)));
        c.is("whole-array heap segment", f.hash(MemorySegment.ofArray(exact)));
        c.is(
                "read-only heap segment",
                f.hash(MemorySegment.ofArray(pool).asSlice(OFFSET, length).asReadOnly()));
        c.is("long[] heap segment", f.hash(longPool.asSlice(OFFSET, length)));
        c.is("native segment", f.hash(nativeInput));
    }

    @ParameterizedTest
    @MethodSource("algorithms")
    void hashLongAndHashIntHashTheLittleEndianBytes(HashAlgorithm algorithm) {
        assumeProviderAvailable();
        boolean reference = XxHashReference.isAvailable(algorithm);
        Random random = new Random(algorithm.ordinal());
        long[] values = new long[1000];
        long[] edges = {0, 1, -1, Long.MIN_VALUE, Long.MAX_VALUE, 0xFFFFFFFFL, 0x80000000L, 0x0123456789ABCDEFL};
        System.arraycopy(edges, 0, values, 0, edges.length);
        for (int i = edges.length; i < values.length; i++) {
            values[i] = random.nextLong();
        }
        for (long seed : seeds(algorithm)) {
            Fn f = fn(algorithm, seed);
            for (long value : values) {
                byte[] eight = new byte[8];
                ByteOrderAccess.putLong(eight, 0, value);
                byte[] four = Arrays.copyOf(eight, 4);
                Check c8 = new Check(algorithm, seed, 8, f.hash(eight));
                c8.is("hashLong(0x" + Long.toHexString(value) + ")", f.hashLong(value));
                Check c4 = new Check(algorithm, seed, 4, f.hash(four));
                c4.is("hashInt(0x" + Integer.toHexString((int) value) + ")", f.hashInt((int) value));
                if (reference) {
                    c8.is("the reference", XxHashReference.hash(algorithm, seed, MemorySegment.ofArray(eight)));
                    c4.is("the reference", XxHashReference.hash(algorithm, seed, MemorySegment.ofArray(four)));
                }
            }
        }
    }

    // ---- streaming ----

    @ParameterizedTest
    @MethodSource("algorithms")
    void streamEqualsOneShotAtEverySplitUpTo600Bytes(HashAlgorithm algorithm) {
        assumeProviderAvailable();
        for (long seed : streamSeeds(algorithm)) {
            Fn f = fn(algorithm, seed);
            for (int length = 0; length <= 600; length++) {
                Check c = new Check(algorithm, seed, length, f.hash(pool, OFFSET, length));
                St s = f.newStream();
                for (int split = 0; split <= length; split++) {
                    s.reset();
                    s.update(pool, OFFSET, split);
                    s.update(pool, OFFSET + split, length - split);
                    c.is("stream split at " + split, s.digest());
                }
            }
        }
    }

    @ParameterizedTest
    @MethodSource("algorithms")
    void streamEqualsOneShotAtBlockAndStripeBoundaries(HashAlgorithm algorithm) {
        assumeProviderAvailable();
        Random random = new Random(31 + algorithm.ordinal());
        int[] lengths = {
            1023,
            1024,
            1025,
            1087,
            2047,
            2048,
            2049,
            4095,
            4096,
            4097,
            ReferenceHashes.LARGE[0],
            ReferenceHashes.LARGE[1]
        };
        for (long seed : streamSeeds(algorithm)) {
            Fn f = fn(algorithm, seed);
            for (int length : lengths) {
                Check c = new Check(algorithm, seed, length, f.hash(pool, OFFSET, length));
                List<Integer> splits = splitPoints(length, random);
                St s = f.newStream();
                for (int split : splits) {
                    s.reset();
                    s.update(pool, OFFSET, split);
                    s.update(pool, OFFSET + split, length - split);
                    c.is("stream split at " + split, s.digest());
                }
                for (int i = 0; i + 1 < splits.size(); i += 2) {
                    int a = Math.min(splits.get(i), splits.get(i + 1));
                    int b = Math.max(splits.get(i), splits.get(i + 1));
                    s.reset();
                    s.update(pool, OFFSET, a);
                    s.update(pool, OFFSET + a, b - a);
                    s.update(pool, OFFSET + b, length - b);
                    c.is("stream split at " + a + " and " + b, s.digest());
                }
            }
        }
    }

    /** Boundaries of stripes (16, 32, 64 bytes), XXH3's buffer (256) and block (1024), ±1, and random points. */
    private static List<Integer> splitPoints(int length, Random random) {
        TreeSet<Integer> points = new TreeSet<>();
        if (length <= 4097) {
            for (int b = 0; b <= length + 64; b += 16) {
                for (int d = -1; d <= 1; d++) {
                    points.add(b + d);
                }
            }
        } else {
            for (int b : new int[] {16, 32, 64, 128, 192, 240, 256, 512, 1024, 2048, 4096, 16384}) {
                for (int d = -1; d <= 1; d++) {
                    points.add(b + d);
                    points.add(length - b + d);
                }
            }
        }
        for (int i = 0; i < 10; i++) {
            points.add(random.nextInt(length + 1));
        }
        points.add(0);
        points.add(length);
        points.removeIf(p -> p < 0 || p > length);
        return new ArrayList<>(points);
    }

    @ParameterizedTest
    @MethodSource("algorithms")
    void streamEqualsOneShotInRandomChunks(HashAlgorithm algorithm) {
        assumeProviderAvailable();
        Random random = new Random(7 + algorithm.ordinal());
        List<Long> seeds = seeds(algorithm);
        for (int iteration = 0; iteration < 300; iteration++) {
            long seed = seeds.get(iteration % seeds.size());
            Fn f = fn(algorithm, seed);
            int length = randomLength(random);
            int maxChunk = new int[] {1, 7, 64, 300, 1500, 5000, 70_000}[random.nextInt(7)];
            St s = f.newStream();
            for (int p = 0; p < length; ) {
                int n = Math.min(length - p, random.nextInt(maxChunk + 1));
                s.update(pool, OFFSET + p, n);
                p += n;
            }
            new Check(algorithm, seed, length, f.hash(pool, OFFSET, length))
                    .is("stream in chunks of up to " + maxChunk, s.digest());
        }
    }

    @ParameterizedTest
    @MethodSource("algorithms")
    void streamEqualsOneShotWithMixedInputForms(HashAlgorithm algorithm) {
        assumeProviderAvailable();
        Random random = new Random(11 + algorithm.ordinal());
        List<Long> seeds = seeds(algorithm);
        for (int iteration = 0; iteration < 300; iteration++) {
            long seed = seeds.get(iteration % seeds.size());
            Fn f = fn(algorithm, seed);
            int length = randomLength(random);
            St s = f.newStream();
            StringBuilder forms = new StringBuilder();
            for (int p = 0; p < length; ) {
                int n = Math.min(length - p, chunkSize(random));
                forms.append(feed(s, OFFSET + p, n, random)).append(' ');
                p += n;
            }
            new Check(algorithm, seed, length, f.hash(pool, OFFSET, length))
                    .is("stream fed as " + abbreviate(forms), s.digest());
        }
    }

    /** Feeds pool bytes {@code [p, p + n)} in a random form; returns the form's name. */
    private String feed(St s, int p, int n, Random random) {
        if (n == 8 && random.nextBoolean()) {
            s.putLong(ByteOrderAccess.getLong(pool, p));
            return "putLong";
        }
        if (n == 4 && random.nextBoolean()) {
            s.putInt(ByteOrderAccess.getInt(pool, p));
            return "putInt";
        }
        if (n == 1 && random.nextBoolean()) {
            s.update(pool[p] ^ 0x5A00);
            return "update(int)";
        }
        switch (random.nextInt(9)) {
            case 0 -> {
                s.update(pool, p, n);
                return "byte[]";
            }
            case 1 -> {
                s.update(Arrays.copyOfRange(pool, p, p + n));
                return "whole byte[]";
            }
            case 2 -> {
                ByteBuffer b = ByteBuffer.wrap(pool, p, n);
                s.update(b);
                assertEquals(p + n, b.position(), "update(ByteBuffer) must move the position to the limit");
                return "heap ByteBuffer";
            }
            case 3 -> {
                ByteBuffer b = directPool.duplicate().position(p).limit(p + n);
                s.update(b);
                assertEquals(p + n, b.position(), "update(ByteBuffer) must move the position to the limit");
                return "direct ByteBuffer";
            }
            case 4 -> {
                s.update(ByteBuffer.wrap(pool, p, n).asReadOnlyBuffer());
                return "read-only ByteBuffer";
            }
            case 5 -> {
                s.update(MemorySegment.ofArray(pool).asSlice(p, n));
                return "heap segment";
            }
            case 6 -> {
                s.update(nativePool.asSlice(p, n));
                return "native segment";
            }
            case 7 -> {
                s.update(longPool.asSlice(p, n));
                return "long[] segment";
            }
            default -> {
                s.update(MemorySegment.ofArray(pool).asSlice(p, n).asReadOnly());
                return "read-only segment";
            }
        }
    }

    @ParameterizedTest
    @MethodSource("algorithms")
    void streamByteAtATime(HashAlgorithm algorithm) {
        assumeProviderAvailable();
        for (long seed : streamSeeds(algorithm)) {
            Fn f = fn(algorithm, seed);
            St s = f.newStream();
            for (int length = 0; length <= 300; length++) {
                s.reset();
                for (int i = 0; i < length; i++) {
                    s.update(pool[OFFSET + i] ^ 0x3C00); // only the low 8 bits count
                }
                new Check(algorithm, seed, length, f.hash(pool, OFFSET, length)).is("byte at a time", s.digest());
            }
            s.reset();
            for (int i = 0; i < 5000; i++) {
                s.update(pool[OFFSET + i]);
            }
            new Check(algorithm, seed, 5000, f.hash(pool, OFFSET, 5000)).is("byte at a time", s.digest());
        }
    }

    @ParameterizedTest
    @MethodSource("algorithms")
    void digestMidwayIsThePrefixHashAndChangesNothing(HashAlgorithm algorithm) {
        assumeProviderAvailable();
        Random random = new Random(13 + algorithm.ordinal());
        for (long seed : streamSeeds(algorithm)) {
            Fn f = fn(algorithm, seed);
            for (int length : new int[] {0, 1, 100, 240, 241, 256, 257, 1024, 1025, 5000, 70_000}) {
                St s = f.newStream();
                for (int p = 0; p < length; ) {
                    int n = Math.min(length - p, 1 + random.nextInt(length < 2000 ? 80 : 900));
                    s.update(pool, OFFSET + p, n);
                    p += n;
                    Check prefix = new Check(algorithm, seed, p, f.hash(pool, OFFSET, p));
                    prefix.is("digest() after " + p + " bytes", s.digest());
                    prefix.is("second digest() after " + p + " bytes", s.digest());
                }
                new Check(algorithm, seed, length, f.hash(pool, OFFSET, length)).is("stream", s.digest());
            }
        }
    }

    @ParameterizedTest
    @MethodSource("algorithms")
    void resetForgetsEverythingButTheSeed(HashAlgorithm algorithm) {
        assumeProviderAvailable();
        for (long seed : streamSeeds(algorithm)) {
            Fn f = fn(algorithm, seed);
            St s = f.newStream();
            new Check(algorithm, seed, 0, f.hash(new byte[0])).is("new stream", s.digest());
            s.reset();
            s.reset();
            new Check(algorithm, seed, 0, f.hash(new byte[0])).is("stream reset twice", s.digest());
            for (int length : new int[] {0, 5, 240, 1000, 3000}) {
                s.update(pool, 100, 2500);
                s.reset();
                s.update(pool, OFFSET, length);
                new Check(algorithm, seed, length, f.hash(pool, OFFSET, length)).is("stream after reset", s.digest());
            }
        }
    }

    @ParameterizedTest(allowZeroInvocations = true)
    @MethodSource("algorithms32")
    void streamsOf32BitHashesAreChecksums(HashAlgorithm algorithm) {
        assumeProviderAvailable();
        HashStream32 s = provider.hasher32(algorithm, 0).newStream();
        java.util.zip.Checksum checksum = s;
        checksum.update(pool, OFFSET, 1000);
        checksum.update(ByteBuffer.wrap(pool, OFFSET + 1000, 24));
        checksum.update(pool[OFFSET + 1024]);
        int expected = provider.hasher32(algorithm, 0).hash(pool, OFFSET, 1025);
        assertEquals(Integer.toUnsignedLong(expected), checksum.getValue());
        assertEquals(expected, s.digest());
    }

    // ---- bad arguments ----

    @ParameterizedTest
    @MethodSource("algorithms")
    void badRangesThrowIndexOutOfBounds(HashAlgorithm algorithm) {
        assumeProviderAvailable();
        Fn f = fn(algorithm, 0);
        byte[] b = new byte[16];
        int[][] bad = {{-1, 1}, {0, 17}, {17, 0}, {8, 9}, {1, -1}, {2, Integer.MAX_VALUE}, {Integer.MIN_VALUE, 4}};
        for (int[] range : bad) {
            String what = algorithm.id() + " offset " + range[0] + " length " + range[1] + " of 16";
            assertThrows(IndexOutOfBoundsException.class, () -> f.hash(b, range[0], range[1]), what);
            St s = f.newStream();
            assertThrows(IndexOutOfBoundsException.class, () -> s.update(b, range[0], range[1]), "stream " + what);
            new Check(algorithm, 0, 0, f.hash(new byte[0])).is("stream after a rejected update", s.digest());
        }
        new Check(algorithm, 0, 0, f.hash(new byte[0])).is("byte[16] at offset 16, length 0", f.hash(b, 16, 0));
    }

    @ParameterizedTest
    @MethodSource("algorithms")
    void wrongWidthOrSeedThrowsIllegalArgument(HashAlgorithm algorithm) {
        assumeProviderAvailable();
        for (int bits : new int[] {32, 64, 128}) {
            if (bits != algorithm.bits()) {
                assertThrows(
                        IllegalArgumentException.class,
                        () -> hasher(algorithm, bits, 0),
                        algorithm.id() + " asked for as " + bits + " bits");
            }
        }
        if (!algorithm.seeded()) {
            assertThrows(
                    IllegalArgumentException.class,
                    () -> hasher(algorithm, algorithm.bits(), 1),
                    "seed for a checksum");
        }
        if (algorithm == HashAlgorithm.XXH32) {
            assertThrows(
                    IllegalArgumentException.class, () -> hasher(algorithm, 32, 1L << 32), "33-bit seed for xxh32");
        }
    }

    private Object hasher(HashAlgorithm algorithm, int bits, long seed) {
        return switch (bits) {
            case 32 -> provider.hasher32(algorithm, seed);
            case 64 -> provider.hasher64(algorithm, seed);
            default -> provider.hasher128(algorithm, seed);
        };
    }

    // ---- helpers ----

    private void assumeProviderAvailable() {
        if (!availability.isAvailable()) {
            String message = provider.id() + " is unavailable: " + availability.cause();
            if (REQUIRE_NATIVE) {
                fail(
                        message + " (arsenal.test.requireNative=true)",
                        availability.error().orElse(null));
            }
            assumeTrue(false, message);
        }
    }

    private static void assumeReference(HashAlgorithm algorithm) {
        if (!XxHashReference.isAvailable(algorithm)) {
            String message =
                    "no reference for " + algorithm.id() + ": " + XxHashReference.unavailabilityCause(algorithm);
            if (REQUIRE_NATIVE) {
                fail(message + " (arsenal.test.requireNative=true)");
            }
            assumeTrue(false, message);
        }
    }

    private static List<Long> seeds(HashAlgorithm algorithm) {
        return ReferenceHashes.seeds(algorithm);
    }

    /** Zero and one seed that changes XXH3's secret. */
    private static List<Long> streamSeeds(HashAlgorithm algorithm) {
        List<Long> seeds = seeds(algorithm);
        return seeds.size() == 1 ? seeds : List.of(seeds.get(0), seeds.get(2));
    }

    private static int randomLength(Random random) {
        int kind = random.nextInt(20);
        if (kind == 0) {
            return random.nextInt(300_000);
        }
        if (kind < 6) {
            return random.nextInt(20_000);
        }
        return random.nextInt(3000);
    }

    private static int chunkSize(Random random) {
        return switch (random.nextInt(6)) {
            case 0 -> 1;
            case 1 -> 4;
            case 2 -> 8;
            case 3 -> random.nextInt(70);
            case 4 -> random.nextInt(600);
            default -> random.nextInt(5000);
        };
    }

    private static String abbreviate(CharSequence s) {
        return s.length() <= 300 ? s.toString() : s.subSequence(0, 300) + "...";
    }

    private static String hex(HashAlgorithm algorithm, Hash128 h) {
        return ReferenceHashes.hex(algorithm, h);
    }

    /** An expected value and the facts to print when another does not match it. */
    private record Check(HashAlgorithm algorithm, long seed, int length, Hash128 expected) {
        void is(String form, Hash128 actual) {
            if (!expected.equals(actual)) {
                fail(algorithm.id() + " seed 0x" + Long.toHexString(seed) + " length " + length + " (" + form
                        + "): expected " + hex(algorithm, expected) + ", got " + hex(algorithm, actual));
            }
        }
    }

    /** A hasher of any width, its results widened to {@link Hash128} as {@link XxHashReference#hash} does. */
    private record Fn(
            Function<byte[], Hash128> whole,
            RangeHash range,
            Function<ByteBuffer, Hash128> buffer,
            Function<MemorySegment, Hash128> segment,
            LongFunction<Hash128> ofLong,
            IntFunction<Hash128> ofInt,
            Supplier<St> streams) {
        Hash128 hash(byte[] input) {
            return whole.apply(input);
        }

        Hash128 hash(byte[] input, int offset, int length) {
            return range.hash(input, offset, length);
        }

        Hash128 hash(ByteBuffer input) {
            return buffer.apply(input);
        }

        Hash128 hash(MemorySegment input) {
            return segment.apply(input);
        }

        Hash128 hashLong(long value) {
            return ofLong.apply(value);
        }

        Hash128 hashInt(int value) {
            return ofInt.apply(value);
        }

        St newStream() {
            return streams.get();
        }
    }

    /** A stream of any width. */
    private record St(
            IntConsumer oneByte,
            Consumer<byte[]> whole,
            RangeUpdate range,
            Consumer<ByteBuffer> buffer,
            Consumer<MemorySegment> segment,
            LongConsumer ofLong,
            IntConsumer ofInt,
            Supplier<Hash128> digests,
            Runnable resets) {
        void update(int b) {
            oneByte.accept(b);
        }

        void update(byte[] input) {
            whole.accept(input);
        }

        void update(byte[] input, int offset, int length) {
            range.update(input, offset, length);
        }

        void update(ByteBuffer input) {
            buffer.accept(input);
        }

        void update(MemorySegment input) {
            segment.accept(input);
        }

        void putLong(long value) {
            ofLong.accept(value);
        }

        void putInt(int value) {
            ofInt.accept(value);
        }

        Hash128 digest() {
            return digests.get();
        }

        void reset() {
            resets.run();
        }
    }

    private interface RangeHash {
        Hash128 hash(byte[] input, int offset, int length);
    }

    private interface RangeUpdate {
        void update(byte[] input, int offset, int length);
    }

    private static Hash128 of32(int h) {
        return new Hash128(0, Integer.toUnsignedLong(h));
    }

    private static Hash128 of64(long h) {
        return new Hash128(0, h);
    }

    private Fn fn(HashAlgorithm algorithm, long seed) {
        return switch (algorithm.bits()) {
            case 32 -> {
                Hasher32 h = provider.hasher32(algorithm, seed);
                yield new Fn(
                        in -> of32(h.hash(in)),
                        (in, off, len) -> of32(h.hash(in, off, len)),
                        in -> of32(h.hash(in)),
                        in -> of32(h.hash(in)),
                        v -> of32(h.hashLong(v)),
                        v -> of32(h.hashInt(v)),
                        () -> {
                            HashStream32 s = h.newStream();
                            return new St(
                                    s::update,
                                    s::update,
                                    s::update,
                                    s::update,
                                    s::update,
                                    s::putLong,
                                    s::putInt,
                                    () -> of32(s.digest()),
                                    s::reset);
                        });
            }
            case 64 -> {
                Hasher64 h = provider.hasher64(algorithm, seed);
                yield new Fn(
                        in -> of64(h.hash(in)),
                        (in, off, len) -> of64(h.hash(in, off, len)),
                        in -> of64(h.hash(in)),
                        in -> of64(h.hash(in)),
                        v -> of64(h.hashLong(v)),
                        v -> of64(h.hashInt(v)),
                        () -> {
                            HashStream64 s = h.newStream();
                            return new St(
                                    s::update,
                                    s::update,
                                    s::update,
                                    s::update,
                                    s::update,
                                    s::putLong,
                                    s::putInt,
                                    () -> of64(s.digest()),
                                    s::reset);
                        });
            }
            default -> {
                Hasher128 h = provider.hasher128(algorithm, seed);
                yield new Fn(h::hash, h::hash, h::hash, h::hash, h::hashLong, h::hashInt, () -> {
                    HashStream128 s = h.newStream();
                    return new St(
                            s::update,
                            s::update,
                            s::update,
                            s::update,
                            s::update,
                            s::putLong,
                            s::putInt,
                            s::digest,
                            s::reset);
                });
            }
        };
    }
}
