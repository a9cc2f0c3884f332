package dev.arsenal.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arsenal.ArsenalRuntime;
import dev.arsenal.Configuration;
import dev.arsenal.ProviderKind;
import dev.arsenal.ProviderUnavailableException;
import dev.arsenal.compression.Codec;
import dev.arsenal.compression.CompressionOptions;
import dev.arsenal.compression.Decompressor;
import dev.arsenal.hashing.HashAlgorithm;
import dev.arsenal.platform.CpuInfo;
import dev.arsenal.platform.JvmInfo;
import dev.arsenal.platform.PlatformInfo;
import dev.arsenal.report.Decision;
import dev.arsenal.report.Tier;
import dev.arsenal.spi.compression.CompressionProvider;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongToIntFunction;
import org.junit.jupiter.api.Test;

/**
 * The engine choosing among compression providers: by rank, by the level and options asked for,
 * and only when compression is first used.
 */
class CompressionSelectionTest {
    private static final PlatformInfo PLATFORM = new PlatformInfo(
            new CpuInfo("linux", "amd64", "test cpu", 2, List.of(), List.of(), List.of()),
            new JvmInfo("25", "test", "test", true, true, false, 0));

    private static ArsenalRuntime runtime(Configuration config, FakeZstdProvider... providers) {
        return EngineRuntimeFactory.create(
                config.with(Configuration.CALIBRATION, "off"), PLATFORM, List.of(providers), List.of());
    }

    private static final byte[] DATA = "compress me".getBytes(StandardCharsets.US_ASCII);

    @Test
    void theBestRankedProviderThatSupportsTheLevelCompresses() {
        FakeZstdProvider nativeLike = new FakeZstdProvider("native", 200, -7, 22);
        FakeZstdProvider javaLike = new FakeZstdProvider("java", 100, 3, 3);
        ArsenalRuntime runtime = runtime(Configuration.defaults(), javaLike, nativeLike);
        assertEquals('n', runtime.compressor(Codec.ZSTD, 19).compress(DATA)[0]);

        FakeZstdProvider strongJava = new FakeZstdProvider("java", 300, 3, 3);
        runtime = runtime(Configuration.defaults(), strongJava, nativeLike);
        assertEquals('j', runtime.compressor(Codec.ZSTD, 3).compress(DATA)[0], "the best one, at its level");
        assertEquals('n', runtime.compressor(Codec.ZSTD, 19).compress(DATA)[0], "the next one for a level it lacks");
        byte[] packed = runtime.compressor(Codec.ZSTD, 3).compress(DATA);
        byte[] back = new byte[DATA.length];
        Decompressor d = runtime.decompressor(Codec.ZSTD);
        assertEquals(DATA.length, d.decompress(packed, 0, packed.length, back, 0, back.length));
        assertArrayEquals(DATA, back);
    }

    @Test
    void noProviderForTheLevelSaysWhatEachSupports() {
        ArsenalRuntime runtime = runtime(Configuration.defaults(), new FakeZstdProvider("java", 100, 3, 3));
        ProviderUnavailableException e =
                assertThrows(ProviderUnavailableException.class, () -> runtime.compressor(Codec.ZSTD, 19));
        assertTrue(
                e.getMessage().contains("zstd at level 19") && e.getMessage().contains("java supports levels 3 to 3"),
                e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> runtime.compressor(Codec.ZSTD, 23), "outside the codec");
    }

    @Test
    void aForcedProviderIsTheOnlyOneAsked() {
        FakeZstdProvider nativeLike = new FakeZstdProvider("native", 200, -7, 22);
        FakeZstdProvider javaLike = new FakeZstdProvider("java", 100, 3, 3);
        ArsenalRuntime runtime =
                runtime(Configuration.defaults().withForcedProvider(Codec.ZSTD, "java"), javaLike, nativeLike);
        assertEquals('j', runtime.compressor(Codec.ZSTD, 3).compress(DATA)[0]);
        ProviderUnavailableException e =
                assertThrows(ProviderUnavailableException.class, () -> runtime.compressor(Codec.ZSTD, 19));
        assertTrue(e.getMessage().startsWith("no forced provider compresses zstd at level 19"), e.getMessage());
    }

    @Test
    void optionsReachTheBestProviderThatSupportsThem() {
        FakeZstdProvider javaLike = new FakeZstdProvider("java", 300, 3, 3);
        FakeZstdProvider nativeLike = new FakeZstdProvider("native", 200, -7, 22, true, new AtomicInteger());
        ArsenalRuntime runtime = runtime(Configuration.defaults(), javaLike, nativeLike);
        CompressionOptions dict = CompressionOptions.defaults().withDictionary(new byte[] {1, 2, 3});
        assertEquals('j', runtime.compressor(Codec.ZSTD, 3).compress(DATA)[0], "plain: the best-ranked");
        assertEquals('n', runtime.compressor(Codec.ZSTD, 3, dict).compress(DATA)[0], "a dictionary: who has them");
        byte[] packed = runtime.compressor(Codec.ZSTD, 3, dict).compress(DATA);
        byte[] back = new byte[DATA.length];
        assertEquals(
                DATA.length,
                runtime.decompressor(Codec.ZSTD, dict).decompress(packed, 0, packed.length, back, 0, back.length));
        assertArrayEquals(
                "native".getBytes(StandardCharsets.US_ASCII), runtime.trainDictionary(Codec.ZSTD, List.of(), 100));

        CompressionOptions unsupported = dict.withChecksum(false);
        ProviderUnavailableException e =
                assertThrows(ProviderUnavailableException.class, () -> runtime.compressor(Codec.ZSTD, 3, unsupported));
        assertTrue(
                e.getMessage().contains("with options[no checksum")
                        && e.getMessage().contains("java supports levels 3 to 3 with no options")
                        && e.getMessage().contains("native supports levels -7 to 22 with dictionaries"),
                e.getMessage());
        IllegalArgumentException notShuffle = assertThrows(
                IllegalArgumentException.class,
                () -> runtime.compressor(
                        Codec.ZSTD, 3, CompressionOptions.defaults().withElementSize(4)));
        assertTrue(notShuffle.getMessage().contains("zstd+shuffle"), notShuffle.getMessage());

        ArsenalRuntime plainOnly = runtime(Configuration.defaults(), javaLike);
        ProviderUnavailableException noDict =
                assertThrows(ProviderUnavailableException.class, () -> plainOnly.decompressor(Codec.ZSTD, dict));
        assertTrue(noDict.getMessage().contains("java supports no options"), noDict.getMessage());
        assertThrows(ProviderUnavailableException.class, () -> plainOnly.trainDictionary(Codec.ZSTD, List.of(), 100));
    }

    @Test
    void eachFamilyIsDecidedOnItsFirstUseOnly() throws Exception {
        AtomicInteger probes = new AtomicInteger();
        FakeZstdProvider compression = new FakeZstdProvider("java", 100, 3, 3, false, probes);
        FakeCrcProvider hashing = new FakeCrcProvider("crc", ProviderKind.JAVA, 100);
        ArsenalRuntime runtime = EngineRuntimeFactory.create(
                Configuration.defaults().with(Configuration.CALIBRATION, "off"),
                PLATFORM,
                List.of(compression, hashing),
                List.of());
        assertEquals(0, probes.get() + hashing.probes.get(), "nothing is probed before it is needed");
        runtime.hasher32(HashAlgorithm.CRC32, 0);
        assertEquals(1, hashing.probes.get());
        assertEquals(0, probes.get(), "hashing does not probe compression providers");

        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            threads.add(Thread.ofPlatform().start(() -> runtime.compressor(Codec.ZSTD, 3)));
        }
        for (Thread t : threads) {
            t.join();
        }
        assertEquals(1, probes.get(), "eight threads, one decision");
        runtime.report();
        runtime.report();
        assertEquals(1, probes.get() + hashing.probes.get() - 1, "the report reuses what was decided");
    }

    @Test
    void codecsWithoutProvidersAreReportedNotFatal() {
        ArsenalRuntime runtime = runtime(Configuration.defaults(), new FakeZstdProvider("java", 100, 3, 3));
        assertTrue(runtime.report().decision("gzip").orElseThrow().reason().contains("no provider implements gzip"));
        assertThrows(ProviderUnavailableException.class, () -> runtime.decompressor(Codec.GZIP));
    }

    @Test
    void compressionIsNotSplitBySizeEvenWhenRanksSaySo() {
        // java wins below 1 KiB, native from there: a hashing plan would have two tiers (SizeRouting).
        CompressionProvider java =
                rankedBySize(new FakeZstdProvider("java", 100, -7, 22), size -> size < 1024 ? 300 : 100);
        CompressionProvider nat = rankedBySize(new FakeZstdProvider("native", 200, -7, 22), size -> 200);
        ArsenalRuntime runtime = EngineRuntimeFactory.create(
                Configuration.defaults().with(Configuration.CALIBRATION, "off"),
                PLATFORM,
                List.of(java, nat),
                List.of());
        Decision d = runtime.report().decision("zstd").orElseThrow();
        assertEquals(List.of(new Tier(0, "native")), d.tiers(), d.reason());
        assertEquals('n', runtime.compressor(Codec.ZSTD, 3).compress(DATA)[0]);
    }

    /** {@code provider}, ranked {@code rank(size)} at every strategy. */
    private static CompressionProvider rankedBySize(CompressionProvider provider, LongToIntFunction rank) {
        return (CompressionProvider) Proxy.newProxyInstance(
                CompressionProvider.class.getClassLoader(),
                new Class<?>[] {CompressionProvider.class},
                (p, method, args) -> {
                    if (method.getName().equals("rank") && method.getParameterCount() == 3) {
                        return rank.applyAsInt((Long) args[2]);
                    }
                    try {
                        return method.invoke(provider, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
