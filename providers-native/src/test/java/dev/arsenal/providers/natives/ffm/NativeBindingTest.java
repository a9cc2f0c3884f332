package dev.arsenal.providers.natives.ffm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link NativeBinding#versioned}: what it says of a library that is not the one asked for or too
 * old, and that it unloads such a library. Uses liblz4 and zlib, which the tests' machines have.
 */
class NativeBindingTest {
    private static NativeLibrary.Loaded open(String base) {
        return assertInstanceOf(
                NativeLibrary.Loaded.class, NativeLibrary.openFirst(base, NativeLibrary.names(base, "1")));
    }

    @Test
    void aLibraryWithoutTheSymbolsIsNotTheOneAskedFor() {
        NativeLibrary.Loaded zlib = open("z");
        NativeBinding<String> b = NativeBinding.versioned(
                zlib, "liblz4", 10802, List.of("LZ4_versionNumber", "LZ4_decompress_safe"), s -> {
                    throw new AssertionError("no handles without the symbols");
                });
        assertFalse(b.availability().isAvailable());
        assertEquals(
                "liblz4 at " + zlib.library() + " lacks the symbol LZ4_versionNumber: not liblz4, or older than 1.8.2",
                b.availability().cause());
        assertFalse(zlib.arena().scope().isAlive(), "the refused library is unloaded");
    }

    @Test
    void aLibraryOlderThanAskedIsRefusedWithBothVersions() {
        NativeLibrary.Loaded lz4 = open("lz4");
        NativeBinding<String> b = NativeBinding.versioned(lz4, "liblz4", 999999, List.of("LZ4_versionNumber"), s -> {
            throw new AssertionError("no handles for a library too old");
        });
        assertTrue(
                b.availability().cause().matches("liblz4 1\\.\\d+\\.\\d+ at \\S+ is older than 99\\.99\\.99"),
                b.availability().cause());
        assertFalse(lz4.arena().scope().isAlive(), "the refused library is unloaded");
    }

    @Test
    void aLibraryRecentEnoughGetsItsSymbolsInOrderAndStaysLoaded() {
        NativeLibrary.Loaded lz4 = open("lz4");
        NativeBinding<Integer> b = NativeBinding.versioned(
                lz4, "liblz4", 10802, List.of("LZ4_versionNumber", "LZ4_compressBound"), s -> s.length);
        assertTrue(b.availability().isAvailable(), b.availability().cause());
        assertEquals(2, b.handles());
        assertTrue(b.library().matches("liblz4 1\\.\\d+\\.\\d+ \\(\\S+\\)"), b.library());
        assertTrue(lz4.arena().scope().isAlive(), "the bound library stays loaded");
    }
}
