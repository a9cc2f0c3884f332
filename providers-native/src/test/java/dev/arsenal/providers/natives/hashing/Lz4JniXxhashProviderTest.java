package dev.arsenal.providers.natives.hashing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.arsenal.Algorithm;
import dev.arsenal.ProviderKind;
import dev.arsenal.Strategy;
import dev.arsenal.hashing.HashAlgorithm;
import dev.arsenal.hashing.HashStream64;
import dev.arsenal.platform.PlatformInfo;
import dev.arsenal.spi.Provider;
import dev.arsenal.spi.hashing.AbstractHashingProviderContractTest;
import dev.arsenal.spi.hashing.HashingProvider;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.ServiceLoader;
import net.jpountz.xxhash.StreamingXXHash64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The hashing contract for lz4-java's JNI xxHash (skipped when its native library does not load,
 * failed instead under {@code -Darsenal.test.requireNative=true}), plus what is particular to it.
 */
class Lz4JniXxhashProviderTest extends AbstractHashingProviderContractTest {
    @TempDir
    Path dir;

    @Override
    protected HashingProvider createProvider() {
        return new Lz4JniXxhashProvider();
    }

    @Test
    void describesItself() {
        Lz4JniXxhashProvider p = new Lz4JniXxhashProvider();
        assertEquals("lz4java-xxhash", p.id());
        assertEquals(ProviderKind.NATIVE, p.kind());
        assertEquals(EnumSet.of(HashAlgorithm.XXH32, HashAlgorithm.XXH64), p.algorithms());
        assertTrue(p.requirements().isEmpty());
    }

    @Test
    void ranksTenBelowLibxxhash() {
        Lz4JniXxhashProvider p = new Lz4JniXxhashProvider();
        XxhashNativeProvider ffm = new XxhashNativeProvider();
        for (HashAlgorithm a : p.algorithms()) {
            for (Strategy s : Strategy.values()) {
                assertEquals(ffm.rank(a, s) - 10, p.rank(a, s), s.toString());
                for (long size : new long[] {0, 16, 255, 256, 1023, 1024, 65_535, 65_536, 1 << 20}) {
                    assertEquals(ffm.rank(a, s, size) - 10, p.rank(a, s, size), s + " at " + size);
                }
            }
        }
        assertEquals(190, p.rank(HashAlgorithm.XXH64, Strategy.BALANCED, 4096));
        assertEquals(80, p.rank(HashAlgorithm.XXH64, Strategy.BALANCED, 16));
    }

    @Test
    void refusesWhatLz4JavaLacks() {
        Lz4JniXxhashProvider p = new Lz4JniXxhashProvider();
        assertThrows(UnsupportedOperationException.class, () -> p.hasher64(HashAlgorithm.XXH3_64, 0));
        assertThrows(UnsupportedOperationException.class, () -> p.hasher128(HashAlgorithm.XXH3_128, 0));
        assertThrows(UnsupportedOperationException.class, () -> p.hasher32(HashAlgorithm.CRC32C, 0));
    }

    /** lz4-java's stream holds a C state; the cleaner closes it once the Arsenal stream is garbage. */
    @Test
    void anUnreachableStreamClosesLz4JavasStream() throws InterruptedException {
        assumeTrue(new Lz4JniXxhashProvider().probe(null).isAvailable());
        StreamingXXHash64 inner = Lz4JniBindings.factory().newStreamingHash64(42);
        HashStream64 outer = new Xxh64Lz4Jni.Stream(inner);
        outer.update(new byte[10]);
        assertEquals(inner.getValue(), outer.digest());
        outer = null;
        // Bounded by a count of collections, generous for a busy machine; it ends at the first close.
        for (int collections = 0; collections < 3000; collections++) {
            System.gc();
            Thread.sleep(10);
            try {
                inner.getValue();
            } catch (AssertionError closed) {
                return; // lz4-java: "Already finalized", its state freed by close()
            }
        }
        throw new AssertionError(
                "the lz4-java stream was not closed after 3000 collections since its wrapper became garbage");
    }

    @Test
    void isFoundByTheServiceLoader() {
        assertTrue(
                ServiceLoader.load(Provider.class).stream().anyMatch(p -> p.type() == Lz4JniXxhashProvider.class),
                "META-INF/services/dev.arsenal.spi.Provider lists Lz4JniXxhashProvider");
    }

    /**
     * Loads the provider in a class loader that sees Arsenal's classes but not lz4-java: the class
     * loads, the probe says why it is unavailable, nothing throws.
     */
    @Test
    void withoutLz4JavaTheProviderLoadsAndSaysWhy() throws Exception {
        URL[] urls = {location(Algorithm.class), location(Provider.class), location(Lz4JniXxhashProvider.class)};
        try (URLClassLoader loader = new URLClassLoader("no-lz4", urls, ClassLoader.getPlatformClassLoader())) {
            assertThrows(ClassNotFoundException.class, () -> loader.loadClass(Lz4JniBindings.FACTORY_CLASS));
            Class<?> type = loader.loadClass(Lz4JniXxhashProvider.class.getName());
            assertEquals(loader, type.getClassLoader(), "loaded in isolation, not from the test's loader");
            Object provider = type.getConstructor().newInstance();
            Method probe = type.getMethod("probe", loader.loadClass(PlatformInfo.class.getName()));
            Object availability = probe.invoke(provider, (Object) null);
            assertFalse(
                    (boolean) availability.getClass().getMethod("isAvailable").invoke(availability));
            String cause = (String) availability.getClass().getMethod("cause").invoke(availability);
            assertTrue(cause.startsWith("lz4-java not on the class path"), cause);
            Method hasher64 = type.getMethod("hasher64", loader.loadClass(HashAlgorithm.class.getName()), long.class);
            Object xxh64 = loader.loadClass(HashAlgorithm.class.getName())
                    .getField("XXH64")
                    .get(null);
            var thrown = assertThrows(
                    java.lang.reflect.InvocationTargetException.class, () -> hasher64.invoke(provider, xxh64, 0L));
            assertEquals(
                    IllegalStateException.class,
                    thrown.getCause().getClass(),
                    thrown.getCause().toString());
        }
    }

    /** lz4-java unpacks its library into {@code java.io.tmpdir}; where that cannot be done, the probe says so. */
    @Test
    void anUnloadableNativeLibraryIsReported() throws Exception {
        String out = ChildJvm.run(
                Lz4JniProbeMain.class,
                "--enable-native-access=ALL-UNNAMED",
                "-Djava.io.tmpdir=" + dir.resolve("no-such-directory"));
        String last = out.lines().reduce((a, b) -> b).orElse("");
        assertTrue(last.startsWith("unavailable: lz4-java native library failed to load: "), out);
    }

    private static URL location(Class<?> type) {
        return type.getProtectionDomain().getCodeSource().getLocation();
    }
}
