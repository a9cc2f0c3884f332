package dev.arsenal.providers.natives.hashing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.arsenal.hashing.HashAlgorithm;
import dev.arsenal.providers.natives.ffm.NativeBinding;
import dev.arsenal.spi.Availability;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.SymbolLookup;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How binding libxxhash fails: each broken library gives an unavailable probe with a cause that
 * says what went wrong, and nothing is thrown. The bindings are made with an explicit path or name
 * ({@link XxhashBindings#bind(Path)}, {@link XxhashBindings#bindNames}), never cached, so the
 * process-wide binding the other tests use is untouched. A library that is not libxxhash is only
 * looked into, never called.
 */
class XxhashBindingsFaultTest {
    private static final boolean REQUIRE_NATIVE = Boolean.getBoolean("arsenal.test.requireNative");

    @TempDir
    Path dir;

    @Test
    void aMissingFileIsNamed() {
        Path missing = dir.resolve("libxxhash-missing.so.0");
        Availability a = probe(XxhashBindings.bindConfigured(missing.toString()));
        assertFalse(a.isAvailable());
        assertEquals(
                "libxxhash not found: " + missing + " (from " + XxhashBindings.PATH_PROPERTY + ") does not exist",
                a.cause());
    }

    @Test
    void aFileThatIsNotALibraryGetsTheLoadersMessage() throws IOException {
        Path text =
                Files.writeString(dir.resolve("libxxhash.so.0"), "not a shared library\n", StandardCharsets.US_ASCII);
        Availability a = probe(XxhashBindings.bindConfigured(text.toString()));
        assertFalse(a.isAvailable());
        assertTrue(
                a.cause()
                        .startsWith("libxxhash at " + text + " (from " + XxhashBindings.PATH_PROPERTY + ") could"
                                + " not be loaded"),
                a.cause());
        if (isLinux()) {
            // glibc: "invalid ELF header" or "file too short"; either way its words, not the JDK's
            assertTrue(a.cause().contains(text + ": "), a.cause());
            assertFalse(a.cause().endsWith("Cannot open library: " + text), a.cause());
        }
        assertFalse(a.cause().contains("\n"), "one line");
    }

    @Test
    void aLibraryWithoutTheSymbolsIsNamedAndNeverCalled() {
        assumeTrue(isLinux() || isMac(), "zlib names for Linux and macOS");
        List<String> zlib = isMac() ? List.of("libz.dylib", "libz.1.dylib") : List.of("libz.so.1", "libz.so");
        Availability a = probe(XxhashBindings.bindNames(zlib));
        assumeLoaded(a, "zlib");
        assertFalse(a.isAvailable());
        assertTrue(
                a.cause()
                        .matches("libxxhash at libz\\S* lacks the symbol XXH_versionNumber \\(and 16 more\\): not"
                                + " libxxhash, or older than 0.8.0"),
                a.cause());
    }

    @Test
    void aLibraryWithoutTheSymbolsGivenByPath() throws IOException {
        Optional<Path> libz = mappedZlib();
        assumeTrue(libz.isPresent(), "zlib's path not found in /proc/self/maps");
        Availability a = probe(XxhashBindings.bindConfigured(libz.get().toString()));
        assertFalse(a.isAvailable());
        assertTrue(
                a.cause().startsWith("libxxhash at " + libz.get() + " lacks the symbol XXH_versionNumber"), a.cause());
    }

    @Test
    void noLibraryUnderAnyNameListsEveryNameTried() {
        Availability a = probe(XxhashBindings.bindNames(List.of("libarsenal-absent-1.so", "libarsenal-absent-2.so")));
        assertFalse(a.isAvailable());
        assertTrue(a.cause().startsWith("libxxhash not found; tried "), a.cause());
        assertTrue(a.cause().contains("libarsenal-absent-1.so"), a.cause());
        assertTrue(a.cause().contains("libarsenal-absent-2.so"), a.cause());
        assertFalse(a.cause().contains("\n"), "one line");
    }

    @Test
    void aPropertyThatIsNoPathIsReported() {
        Availability a = probe(XxhashBindings.bindConfigured("bad\0path"));
        assertFalse(a.isAvailable());
        assertTrue(a.cause().contains("is not a path"), a.cause());
    }

    @Test
    void aBlankPropertySearchesTheUsualNames() {
        NativeBinding<XxhashBindings.Handles> searched = XxhashBindings.bindConfigured("  ");
        assertEquals(
                XxhashBindings.bindNames(XxhashBindings.defaultNames())
                        .availability()
                        .isAvailable(),
                searched.availability().isAvailable());
    }

    @Test
    void theRealLibraryBindsByPathToo() throws IOException {
        assumeTrue(XxhashBindings.isAvailable(), XxhashBindings::unavailabilityCause);
        Optional<Path> path = mapped("libxxhash");
        assumeTrue(path.isPresent(), "libxxhash's path not found in /proc/self/maps");
        NativeBinding<XxhashBindings.Handles> b =
                XxhashBindings.bindConfigured(path.get().toString());
        assertTrue(b.availability().isAvailable(), b.availability().cause());
        assertTrue(b.library().contains(path.get().toString()), b.library());
    }

    @Test
    void aBrokenProviderRefusesHashers() {
        Path missing = dir.resolve("nothing.so");
        XxhashNativeProvider provider = new XxhashNativeProvider(() -> XxhashBindings.bind(missing));
        assertFalse(provider.probe(null).isAvailable());
        IllegalStateException e =
                assertThrows(IllegalStateException.class, () -> provider.hasher64(HashAlgorithm.XXH3_64, 0));
        assertTrue(e.getMessage().contains("does not exist"), e.getMessage());
        assertEquals("libxxhash through FFM (not loaded)", provider.description());
    }

    @Test
    void aThrowingBindingIsReportedNotThrown() {
        XxhashNativeProvider provider = new XxhashNativeProvider(() -> {
            throw new ExceptionInInitializerError("boom");
        });
        Availability a = provider.probe(null);
        assertFalse(a.isAvailable());
        assertTrue(a.cause().contains("boom"), a.cause());
    }

    /** What a JVM without {@code --enable-native-access} prints: this line and nothing else. */
    private static final String NOT_ENABLED = "unavailable: native access is not enabled for the class path, so"
            + " libxxhash is not loaded (start the JVM with --enable-native-access=ALL-UNNAMED; without it the JVM"
            + " would print a restricted-method warning)";

    /**
     * A JVM on default flags: nothing restricted is called, so the JVM prints no warning (the whole
     * output is the probe's line), and the probe says which flag to add.
     */
    @Test
    void withoutNativeAccessNothingIsLoadedAndNothingPrinted() throws Exception {
        assertEquals(NOT_ENABLED, ChildJvm.run(NativeAccessMain.class));
    }

    /** {@code --illegal-native-access=deny} and no {@code --enable-native-access}: the same. */
    @Test
    void deniedNativeAccessSaysWhichFlagToAdd() throws Exception {
        assertEquals(NOT_ENABLED, ChildJvm.run(NativeAccessMain.class, "--illegal-native-access=deny"));
    }

    /** {@code --illegal-native-access=allow} lets every module in silently: the library loads. */
    @Test
    void illegalNativeAccessAllowedLoadsSilently() throws Exception {
        assertEquals("available", ChildJvm.run(NativeAccessMain.class, "--illegal-native-access=allow"));
    }

    private static Availability probe(NativeBinding<XxhashBindings.Handles> binding) {
        XxhashNativeProvider provider = new XxhashNativeProvider(() -> binding);
        Availability a = provider.probe(null);
        assertEquals(binding.availability(), a);
        if (!a.isAvailable()) {
            assertNull(binding.handles());
            assertEquals("", binding.library());
        }
        return a;
    }

    private static void assumeLoaded(Availability a, String what) {
        if (a.cause().startsWith("libxxhash not found")) {
            if (REQUIRE_NATIVE) {
                fail(what + " not found: " + a.cause());
            }
            assumeTrue(false, what + " not found: " + a.cause());
        }
    }

    /** zlib's file, found where the loader mapped it (Linux); no path is written into the test. */
    @SuppressWarnings("restricted") // loads zlib, calls nothing in it
    private static Optional<Path> mappedZlib() throws IOException {
        if (!isLinux()) {
            return Optional.empty();
        }
        try {
            SymbolLookup.libraryLookup("libz.so.1", Arena.global());
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        return mapped("libz.so");
    }

    /** The first file mapped into this process whose name starts with {@code prefix}. */
    private static Optional<Path> mapped(String prefix) throws IOException {
        Path maps = Path.of("/proc/self/maps");
        if (!Files.isReadable(maps)) {
            return Optional.empty();
        }
        return Files.readAllLines(maps).stream()
                .map(line -> line.split("\\s+"))
                .filter(f -> f.length >= 6 && f[5].startsWith("/"))
                .map(f -> Path.of(f[5]))
                .filter(p -> p.getFileName().toString().startsWith(prefix))
                .findFirst();
    }

    private static boolean isLinux() {
        return System.getProperty("os.name").toLowerCase(Locale.ROOT).startsWith("linux");
    }

    private static boolean isMac() {
        return System.getProperty("os.name").toLowerCase(Locale.ROOT).startsWith("mac");
    }

    private static boolean isWindows() {
        return System.getProperty("os.name").toLowerCase(Locale.ROOT).startsWith("windows");
    }
}
