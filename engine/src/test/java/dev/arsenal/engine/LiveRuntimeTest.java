package dev.arsenal.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arsenal.Configuration;
import dev.arsenal.ProviderKind;
import dev.arsenal.ProviderUnavailableException;
import dev.arsenal.compression.Codec;
import dev.arsenal.compression.Compressor;
import dev.arsenal.compression.Decompressor;
import dev.arsenal.hashing.HashAlgorithm;
import dev.arsenal.hashing.HashStream32;
import dev.arsenal.hashing.Hasher32;
import dev.arsenal.spi.Provider;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Providers coming and going under a {@link LiveRuntime}: what OSGi bundles do, without OSGi. */
class LiveRuntimeTest {
    private static final Configuration CONFIG = Configuration.defaults().with(Configuration.CALIBRATION, "off");
    private static final byte[] DATA = "hot-swapped".getBytes(StandardCharsets.US_ASCII);

    /** The fake provider's decompressor has no allocating form (it needs a stream): the ranged one. */
    private static byte[] decompress(Decompressor decompressor, byte[] packed) {
        byte[] back = new byte[DATA.length];
        assertEquals(DATA.length, decompressor.decompress(packed, 0, packed.length, back, 0, back.length));
        return back;
    }

    private static LiveRuntime runtime(Provider... providers) {
        return new LiveRuntime(CONFIG, List.of(providers), List.of());
    }

    @Test
    void aHasherHandedOutFollowsEverySelection() {
        FakeCrcProvider nativeLike = new FakeCrcProvider("native", ProviderKind.NATIVE, 200);
        FakeCrcProvider javaLike = new FakeCrcProvider("java", ProviderKind.JAVA, 100);
        LiveRuntime runtime = runtime(javaLike, nativeLike);
        Hasher32 hasher = runtime.hasher32(HashAlgorithm.CRC32, 0);
        int before = nativeLike.hashes.get();
        assertEquals(FakeCrcProvider.crc(DATA), hasher.hash(DATA));
        assertEquals(before + 1, nativeLike.hashes.get(), "the better-ranked provider serves");

        runtime.update(CONFIG, List.of(javaLike), List.of());
        int javaBefore = javaLike.hashes.get();
        assertEquals(FakeCrcProvider.crc(DATA), hasher.hash(DATA));
        assertEquals(javaBefore + 1, javaLike.hashes.get(), "after the native provider left, java serves");
        assertEquals(before + 1, nativeLike.hashes.get());

        runtime.update(CONFIG, List.of(javaLike, nativeLike), List.of());
        assertEquals(FakeCrcProvider.crc(DATA), hasher.hash(DATA));
        assertEquals(before + 2, nativeLike.hashes.get(), "when it comes back, it serves again");
    }

    @Test
    void decidingAgainTestsOnlyNewcomersAndForgetDropsWhatWasKnown() {
        FakeCrcProvider javaLike = new FakeCrcProvider("java", ProviderKind.JAVA, 100);
        FakeCrcProvider nativeLike = new FakeCrcProvider("native", ProviderKind.NATIVE, 200);
        LiveRuntime runtime = runtime(javaLike);
        runtime.update(CONFIG, List.of(javaLike, nativeLike), List.of());
        runtime.update(CONFIG, List.of(javaLike), List.of());
        runtime.update(CONFIG, List.of(javaLike, nativeLike), List.of());
        assertEquals(1, javaLike.probes.get(), "the provider that stayed was probed once");
        assertEquals(1, nativeLike.probes.get(), "the one that came back was remembered");
        runtime.forget(nativeLike);
        runtime.update(CONFIG, List.of(javaLike, nativeLike), List.of());
        assertEquals(2, nativeLike.probes.get(), "after forget, it is probed as a newcomer");
    }

    @Test
    void withoutAnyProviderCallsFailWithTheReasonUntilOneComesBack() {
        FakeCrcProvider javaLike = new FakeCrcProvider("java", ProviderKind.JAVA, 100);
        LiveRuntime runtime = runtime(javaLike);
        Hasher32 hasher = runtime.hasher32(HashAlgorithm.CRC32, 0);
        runtime.update(CONFIG, List.of(), List.of());
        ProviderUnavailableException e = assertThrows(ProviderUnavailableException.class, () -> hasher.hash(DATA));
        assertTrue(e.getMessage().contains("no provider for crc32"), e.getMessage());
        assertEquals(HashAlgorithm.CRC32, hasher.algorithm(), "identity still answers");
        runtime.update(CONFIG, List.of(javaLike), List.of());
        assertEquals(FakeCrcProvider.crc(DATA), hasher.hash(DATA));
    }

    @Test
    void aConfigurationChangeMovesHashersAtOnce() {
        FakeCrcProvider javaLike = new FakeCrcProvider("java", ProviderKind.JAVA, 100);
        FakeCrcProvider nativeLike = new FakeCrcProvider("native", ProviderKind.NATIVE, 200);
        LiveRuntime runtime = runtime(javaLike, nativeLike);
        Hasher32 hasher = runtime.hasher32(HashAlgorithm.CRC32, 0);
        runtime.update(CONFIG.with("arsenal.provider.crc32", "java"), List.of(javaLike, nativeLike), List.of());
        int javaBefore = javaLike.hashes.get();
        hasher.hash(DATA);
        assertEquals(javaBefore + 1, javaLike.hashes.get());
        assertEquals(
                "java",
                runtime.report().decision("crc32").orElseThrow().provider().orElseThrow());
    }

    @Test
    void aCallThatMeetsAVanishedClassIsRepeatedOnTheNewChoice() {
        FakeCrcProvider javaLike = new FakeCrcProvider("java", ProviderKind.JAVA, 100);
        FakeCrcProvider nativeLike = new FakeCrcProvider("native", ProviderKind.NATIVE, 200);
        LiveRuntime runtime = runtime(javaLike, nativeLike);
        Hasher32 hasher = runtime.hasher32(HashAlgorithm.CRC32, 0);
        // The provider's bundle is refreshed away while the call runs on it.
        nativeLike.onNextHash = () -> {
            runtime.update(CONFIG, List.of(javaLike), List.of());
            throw new NoClassDefFoundError("dev/arsenal/providers/natives/Gone");
        };
        assertEquals(FakeCrcProvider.crc(DATA), hasher.hash(DATA), "the same function, computed by the new choice");
        // Without a new choice, the error is the caller's to see.
        javaLike.onNextHash = () -> {
            throw new NoClassDefFoundError("dev/arsenal/providers/java/Gone");
        };
        assertThrows(NoClassDefFoundError.class, () -> hasher.hash(DATA));
    }

    @Test
    void aHasherTakenBeforeAnyProviderCameWorksOnceOneDoes() {
        LiveRuntime runtime = runtime();
        Hasher32 hasher = runtime.hasher32(HashAlgorithm.CRC32, 0);
        assertThrows(ProviderUnavailableException.class, () -> hasher.hash(DATA));
        assertThrows(IllegalArgumentException.class, () -> runtime.hasher64(HashAlgorithm.CRC32, 0), "wrong width");
        runtime.update(CONFIG, List.of(new FakeCrcProvider("java", ProviderKind.JAVA, 100)), List.of());
        assertEquals(FakeCrcProvider.crc(DATA), hasher.hash(DATA));
    }

    @Test
    void aProviderThatCannotMakeAHasherDoesNotStopTheUpdate() {
        FakeCrcProvider javaLike = new FakeCrcProvider("java", ProviderKind.JAVA, 100);
        FakeCrcProvider failing = new FakeCrcProvider("failing", ProviderKind.NATIVE, 200);
        LiveRuntime runtime = runtime(javaLike);
        Hasher32 first = runtime.hasher32(HashAlgorithm.CRC32, 0);
        Hasher32 second = runtime.hasher32(HashAlgorithm.CRC32, 0);
        runtime.update(CONFIG, List.of(javaLike, failing), List.of()); // self-tested while it works
        runtime.update(CONFIG, List.of(javaLike), List.of());
        failing.factoryFails = true;
        runtime.update(CONFIG, List.of(javaLike, failing), List.of()); // chosen again, factory throws
        for (Hasher32 h : List.of(first, second)) {
            ProviderUnavailableException e = assertThrows(ProviderUnavailableException.class, () -> h.hash(DATA));
            assertTrue(e.getMessage().contains("failing cannot make a hasher now"), e.getMessage());
        }
        runtime.update(CONFIG, List.of(javaLike), List.of());
        assertEquals(FakeCrcProvider.crc(DATA), first.hash(DATA));
        assertEquals(FakeCrcProvider.crc(DATA), second.hash(DATA));
    }

    @Test
    void closingPointsEveryObjectAtNothing() {
        LiveRuntime runtime = runtime(
                new FakeCrcProvider("java", ProviderKind.JAVA, 100), new FakeZstdProvider("java-zstd", 100, 1, 3));
        Hasher32 hasher = runtime.hasher32(HashAlgorithm.CRC32, 0);
        Compressor compressor = runtime.compressor(Codec.ZSTD, 3);
        runtime.close("the engine was stopped");
        ProviderUnavailableException e = assertThrows(ProviderUnavailableException.class, () -> hasher.hash(DATA));
        assertEquals("no provider for crc32: the engine was stopped", e.getMessage());
        e = assertThrows(ProviderUnavailableException.class, () -> compressor.compress(DATA));
        assertEquals("no provider for zstd: the engine was stopped", e.getMessage());
        assertEquals(Codec.ZSTD, compressor.codec(), "identity still answers");
        assertEquals(3, compressor.level());
    }

    @Test
    void aCompressorHandedOutFollowsEverySelection() {
        FakeZstdProvider nativeLike = new FakeZstdProvider("native", 200, -7, 22);
        FakeZstdProvider javaLike = new FakeZstdProvider("java", 100, -7, 22);
        LiveRuntime runtime = runtime(javaLike, nativeLike);
        Compressor compressor = runtime.compressor(Codec.ZSTD, 3);
        Decompressor decompressor = runtime.decompressor(Codec.ZSTD);
        assertEquals('n', compressor.compress(DATA)[0], "the better-ranked provider compresses");

        runtime.update(CONFIG, List.of(javaLike), List.of());
        byte[] packed = compressor.compress(DATA);
        assertEquals('j', packed[0], "after the native provider left, java compresses");
        assertArrayEquals(DATA, decompress(decompressor, packed));

        runtime.update(CONFIG, List.of(javaLike, nativeLike), List.of());
        assertEquals('n', compressor.compress(DATA)[0], "when it comes back, it compresses again");
        assertInstanceOf(Live.class, compressor, "a generated live object, not the provider's own");
    }

    @Test
    void aCompressorWithoutAProviderFailsNamingTheCodecUntilOneComes() {
        FakeZstdProvider javaLike = new FakeZstdProvider("java", 100, 1, 3);
        LiveRuntime runtime = runtime();
        Compressor compressor = runtime.compressor(Codec.ZSTD, 3);
        Decompressor decompressor = runtime.decompressor(Codec.ZSTD);
        ProviderUnavailableException e =
                assertThrows(ProviderUnavailableException.class, () -> compressor.compress(DATA));
        assertTrue(e.getMessage().contains("no provider for zstd"), e.getMessage());
        assertThrows(ProviderUnavailableException.class, () -> decompress(decompressor, DATA));
        assertEquals(Codec.ZSTD, decompressor.codec(), "identity still answers");
        assertThrows(IllegalArgumentException.class, () -> runtime.compressor(Codec.ZSTD, 23), "a bad level");

        runtime.update(CONFIG, List.of(javaLike), List.of());
        byte[] packed = compressor.compress(DATA);
        assertEquals('j', packed[0]);
        assertArrayEquals(DATA, decompress(decompressor, packed));

        Compressor strong = runtime.compressor(Codec.ZSTD, 9);
        e = assertThrows(ProviderUnavailableException.class, () -> strong.compress(DATA));
        assertTrue(e.getMessage().contains("zstd at level 9"), "no provider has the level: " + e.getMessage());
    }

    @Test
    void aStreamStaysWithItsProviderAcrossSelectionsAndFailsNamingItOnceItHasGone() {
        FakeCrcProvider javaLike = new FakeCrcProvider("java", ProviderKind.JAVA, 100);
        FakeCrcProvider nativeLike = new FakeCrcProvider("native", ProviderKind.NATIVE, 200);
        LiveRuntime runtime = runtime(javaLike, nativeLike);
        Hasher32 hasher = runtime.hasher32(HashAlgorithm.CRC32, 0);
        HashStream32 stream = hasher.newStream();
        stream.update(DATA, 0, 3);
        FakeCrcProvider better = new FakeCrcProvider("better", ProviderKind.NATIVE, 300);
        runtime.update(CONFIG, List.of(javaLike, nativeLike, better), List.of());
        stream.update(DATA, 3, 2);
        HashStream32 onBetter = hasher.newStream();
        onBetter.update(DATA, 0, 3);

        runtime.update(CONFIG, List.of(javaLike, better), List.of());
        runtime.forget(nativeLike);
        ProviderUnavailableException e =
                assertThrows(ProviderUnavailableException.class, () -> stream.update(DATA, 5, DATA.length - 5));
        assertTrue(
                e.getMessage().contains("this HashStream32 was begun on provider native, which has gone"),
                e::getMessage);
        assertThrows(ProviderUnavailableException.class, stream::digest, "every call, not only the first");
        onBetter.update(DATA, 3, DATA.length - 3);
        assertEquals(FakeCrcProvider.crc(DATA), onBetter.digest(), "a stream begun on a provider that stays goes on");
    }

    @Test
    void aStreamThatMeetsAVanishedClassFailsNamingItsProvider() {
        FakeCrcProvider nativeLike = new FakeCrcProvider("native", ProviderKind.NATIVE, 200);
        LiveRuntime runtime = runtime(nativeLike);
        HashStream32 stream = runtime.hasher32(HashAlgorithm.CRC32, 0).newStream();
        nativeLike.streamClassesGone = true;
        ProviderUnavailableException e = assertThrows(ProviderUnavailableException.class, () -> stream.update(DATA));
        assertTrue(e.getMessage().contains("can no longer run on provider native"), e::getMessage);
        assertInstanceOf(NoClassDefFoundError.class, e.getCause());
    }

    @Test
    void aCompressingStreamWhoseProviderLeftSaysSoEvenAtCloseButAClosedOneStaysQuiet() throws IOException {
        FakeZstdProvider nativeLike = new FakeZstdProvider("native", 200, -7, 22);
        FakeZstdProvider javaLike = new FakeZstdProvider("java", 100, -7, 22);
        LiveRuntime runtime = runtime(javaLike, nativeLike);
        Compressor compressor = runtime.compressor(Codec.ZSTD, 3);
        ByteArrayOutputStream finished = new ByteArrayOutputStream();
        OutputStream done = compressor.compressing(finished);
        done.write(DATA);
        done.close();
        assertEquals('n', finished.toByteArray()[0]);
        OutputStream open = compressor.compressing(new ByteArrayOutputStream());
        open.write(DATA, 0, 3);

        runtime.update(CONFIG, List.of(javaLike), List.of());
        runtime.forget(nativeLike);
        ProviderUnavailableException e = assertThrows(ProviderUnavailableException.class, () -> open.write(DATA, 3, 2));
        assertTrue(e.getMessage().contains("this OutputStream was begun on provider native"), e::getMessage);
        assertThrows(ProviderUnavailableException.class, open::close, "the frame was never finished: close says so");
        done.close(); // closed before its provider left: nothing more to say
        ByteArrayOutputStream after = new ByteArrayOutputStream();
        try (OutputStream next = compressor.compressing(after)) {
            next.write(DATA);
        }
        assertEquals('j', after.toByteArray()[0], "a new stream begins on the provider that stayed");
    }

    @Test
    void theSeedZeroHasherOfAnAlgorithmIsMadeOnceAndKeptAndStillFollowsTheSelection() {
        FakeCrcProvider javaLike = new FakeCrcProvider("java", ProviderKind.JAVA, 100);
        FakeCrcProvider nativeLike = new FakeCrcProvider("native", ProviderKind.NATIVE, 200);
        LiveRuntime runtime = runtime(javaLike, nativeLike);
        Hasher32 first = runtime.hasher32(HashAlgorithm.CRC32, 0);
        assertSame(first, runtime.hasher32(HashAlgorithm.CRC32, 0), "Hashing.crc32() on every call costs a lookup");
        runtime.update(CONFIG, List.of(javaLike), List.of());
        int before = javaLike.hashes.get();
        assertEquals(
                FakeCrcProvider.crc(DATA),
                runtime.hasher32(HashAlgorithm.CRC32, 0).hash(DATA));
        assertEquals(before + 1, javaLike.hashes.get(), "the kept hasher is live");
    }

    @Test
    void closingTheRuntimeEndsTheStreamsItBegan() {
        LiveRuntime runtime = runtime(new FakeCrcProvider("java", ProviderKind.JAVA, 100));
        HashStream32 stream = runtime.hasher32(HashAlgorithm.CRC32, 0).newStream();
        runtime.close("the engine was stopped");
        ProviderUnavailableException e = assertThrows(ProviderUnavailableException.class, () -> stream.update(DATA));
        assertTrue(e.getMessage().contains("provider java, which has gone (the engine was stopped)"), e::getMessage);
    }
}
