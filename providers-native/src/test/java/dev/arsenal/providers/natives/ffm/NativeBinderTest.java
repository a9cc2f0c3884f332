package dev.arsenal.providers.natives.ffm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link NativeBinder} on records over the C library's own functions ({@code strlen}, {@code abs}),
 * which every Linux machine has, and on liblz4 for numbered versions: handles made from the
 * prototypes, critical ones taking Java arrays, missing symbols, an optional group, a version
 * refused, and records the binder cannot read.
 */
class NativeBinderTest {
    /** glibc, which says its version as a string. */
    private static final NativeBinder LIBC =
            new NativeBinder("libc", NativeBinder.Version.text("gnu_get_libc_version", "2.", "glibc 2.x"));

    private NativeLibrary.Loaded libc;

    @BeforeEach
    void openLibc() {
        assumeTrue(System.getProperty("os.name").toLowerCase(Locale.ROOT).startsWith("linux"), "glibc");
        libc = open("libc", "libc.so.6");
    }

    private static NativeLibrary.Loaded open(String what, String name) {
        return assertInstanceOf(NativeLibrary.Loaded.class, NativeLibrary.openFirst(what, List.of(name)));
    }

    record Libc(
            @Symbol("size_t strlen(const char* s)") MethodHandle strlen,
            @Symbol(sameAs = "strlen", critical = true) MethodHandle strlenHeap,
            @Symbol("int abs(int j)") MethodHandle abs,
            @Symbol("long long llabs(long long j)") MethodHandle llabs) {}

    @Test
    void theHandlesCallWhatThePrototypesDeclare() throws Throwable {
        NativeBinding<Libc> b = LIBC.bind(libc, Libc.class);
        assertTrue(b.availability().isAvailable(), b.availability().cause());
        assertTrue(b.library().matches("libc 2\\.\\d+ \\(libc\\.so\\.6\\)"), b.library());
        Libc h = b.handles();
        try (Arena arena = Arena.ofConfined()) {
            assertEquals(7L, (long) h.strlen().invokeExact(arena.allocateFrom("arsenal")));
        }
        MemorySegment heap = MemorySegment.ofArray("heap\0".getBytes(StandardCharsets.US_ASCII));
        assertEquals(4L, (long) h.strlenHeap().invokeExact(heap), "critical: a Java array in place");
        assertThrows(IllegalArgumentException.class, () -> {
            long ignored = (long) h.strlen().invokeExact(heap);
        });
        assertEquals(3, (int) h.abs().invokeExact(-3));
        assertEquals(1L << 40, (long) h.llabs().invokeExact(-(1L << 40)));
        assertTrue(libc.arena().scope().isAlive(), "a bound library stays loaded");
    }

    record Missing(
            @Symbol("size_t strlen(const char* s)") MethodHandle strlen,
            @Symbol("int arsenal_absent_one(void)") MethodHandle one,
            @Symbol("void arsenal_absent_two(int x)") MethodHandle two) {}

    @Test
    void aMissingSymbolRefusesTheLibraryNamingLibraryVersionAndSymbol() {
        NativeBinding<Missing> b = LIBC.bind(libc, Missing.class);
        assertFalse(b.availability().isAvailable());
        assertTrue(
                b.availability()
                        .cause()
                        .matches("libc 2\\.\\d+ at libc\\.so\\.6 lacks the symbol arsenal_absent_one \\(and 1 more\\)"),
                b.availability().cause());
        assertNull(b.handles());
        assertFalse(libc.arena().scope().isAlive(), "the refused library is unloaded");
    }

    record Extra(
            @Symbol("int abs(int j)") MethodHandle abs,
            @Symbol("int arsenal_absent_one(void)") MethodHandle one) {}

    record Present(@Symbol("long long llabs(long long j)") MethodHandle llabs) {}

    record WithGroups(
            @Symbol("size_t strlen(const char* s)") MethodHandle strlen,
            NativeBinding<Extra> extra,
            NativeBinding<Present> present) {}

    @Test
    void anOptionalGroupMissingASymbolIsUnavailableAndTheLibraryBindsAnyway() throws Throwable {
        NativeBinding<WithGroups> b = LIBC.bind(libc, WithGroups.class);
        assertTrue(b.availability().isAvailable(), b.availability().cause());
        NativeBinding<Extra> extra = b.handles().extra();
        assertNull(extra.handles());
        assertTrue(
                extra.availability()
                        .cause()
                        .matches("libc 2\\.\\d+ at libc\\.so\\.6 lacks the symbol arsenal_absent_one"),
                extra.availability().cause());
        NativeBinding<Present> present = b.handles().present();
        assertTrue(present.availability().isAvailable());
        assertEquals(b.library(), present.library());
        assertEquals(5L, (long) present.handles().llabs().invokeExact(-5L));
    }

    @Test
    void aVersionNotAcceptedIsRefusedWithIt() {
        NativeBinder future =
                new NativeBinder("libc", NativeBinder.Version.text("gnu_get_libc_version", "99.", "glibc 99.x"));
        NativeBinding<Libc> b = future.bind(libc, Libc.class);
        assertTrue(
                b.availability().cause().matches("libc 2\\.\\d+ at libc\\.so\\.6 is not glibc 99\\.x"),
                b.availability().cause());
        assertFalse(libc.arena().scope().isAlive(), "the refused library is unloaded");
    }

    @Test
    void aLibraryWithoutTheVersionFunctionIsNeverCalledAndNotTheOneAskedFor() {
        NativeBinder other = new NativeBinder("libother", NativeBinder.Version.number("other_versionNumber", 10802));
        NativeBinding<Missing> b = other.bind(libc, Missing.class);
        assertEquals(
                "libother at libc.so.6 lacks the symbol other_versionNumber (and 2 more): not libother, or older"
                        + " than 1.8.2",
                b.availability().cause());
        assertFalse(libc.arena().scope().isAlive(), "the refused library is unloaded");
    }

    @Test
    void withoutAVersionFunctionAMissingSymbolSaysWhatTheLibraryMayBe() {
        NativeBinder unversioned = new NativeBinder("libc", NativeBinder.Version.none("1.0"));
        assertEquals(
                "libc at libc.so.6 lacks the symbol arsenal_absent_one (and 1 more): not libc, or older than 1.0",
                unversioned.bind(libc, Missing.class).availability().cause());
        NativeBinding<Libc> b = unversioned.bind(open("libc", "libc.so.6"), Libc.class);
        assertEquals("libc (libc.so.6)", b.library());
    }

    record Lz4(
            @Symbol("int LZ4_compressBound(int inputSize)") MethodHandle compressBound) {}

    @Test
    void numberedVersionsAreCheckedAndDescribed() throws Throwable {
        NativeLibrary.Result lz4 = NativeLibrary.openFirst("liblz4", NativeLibrary.names("lz4", "1"));
        assumeTrue(lz4 instanceof NativeLibrary.Loaded, "liblz4");
        NativeBinding<Lz4> b = new NativeBinder("liblz4", NativeBinder.Version.number("LZ4_versionNumber", 10802))
                .bind(lz4, Lz4.class);
        assertTrue(b.library().matches("liblz4 1\\.\\d+\\.\\d+ \\(\\S+\\)"), b.library());
        assertEquals(16 + 16 / 255 + 16, (int) b.handles().compressBound().invokeExact(16));
        NativeLibrary.Loaded again = open("liblz4", ((NativeLibrary.Loaded) lz4).library());
        NativeBinding<Lz4> old = new NativeBinder("liblz4", NativeBinder.Version.number("LZ4_versionNumber", 999999))
                .bind(again, Lz4.class);
        assertTrue(
                old.availability().cause().matches("liblz4 1\\.\\d+\\.\\d+ at \\S+ is older than 99\\.99\\.99"),
                old.availability().cause());
        assertFalse(again.arena().scope().isAlive(), "the refused library is unloaded");
    }

    record NoSymbol(MethodHandle strlen) {}

    record NotAHandle(
            @Symbol("size_t strlen(const char* s)") long strlen) {}

    record UnknownType(@Symbol("size_t strlen(string s)") MethodHandle strlen) {}

    record NoPrototype(@Symbol("strlen") MethodHandle strlen) {}

    record Variadic(
            @Symbol("int printf(const char* format, ...)") MethodHandle printf) {}

    record SameAsNothing(
            @Symbol(sameAs = "strlen", critical = true) MethodHandle strlenHeap) {}

    record Both(
            @Symbol(value = "size_t strlen(const char* s)", sameAs = "strlen")
            MethodHandle strlen) {}

    record GroupOfText(NativeBinding<String> text) {}

    @Test
    void aRecordTheBinderCannotReadIsNamedWithItsComponent() {
        assertShape(
                NoSymbol.class, "NativeBinderTest.NoSymbol.strlen: a MethodHandle needs @Symbol with its C prototype");
        assertShape(
                NotAHandle.class,
                "NativeBinderTest.NotAHandle.strlen: a long is neither a MethodHandle with @Symbol nor a"
                        + " NativeBinding of a record of them");
        assertShape(
                UnknownType.class,
                "NativeBinderTest.UnknownType.strlen: 'size_t strlen(string s)': unknown C type 'string' (a"
                        + " pointer, a C scalar, enum E, or a type given to NativeBinder.withType)");
        assertShape(
                NoPrototype.class,
                "NativeBinderTest.NoPrototype.strlen: 'strlen' is not a C prototype such as 'size_t strlen(const"
                        + " char* s)'");
        assertShape(
                Variadic.class,
                "NativeBinderTest.Variadic.printf: 'int printf(const char* format, ...)' is variadic, which is not"
                        + " supported");
        assertShape(
                SameAsNothing.class,
                "NativeBinderTest.SameAsNothing.strlenHeap: sameAs = \"strlen\" names no MethodHandle component of"
                        + " this record with a prototype");
        assertShape(
                Both.class, "NativeBinderTest.Both.strlen: @Symbol needs either a prototype or sameAs, and not both");
        assertShape(
                GroupOfText.class,
                "NativeBinderTest.GroupOfText.text: an optional group is a NativeBinding of a record of @Symbol"
                        + " handles");
        LIBC.verify(Libc.class);
        LIBC.verify(WithGroups.class);
    }

    private static void assertShape(Class<? extends Record> type, String message) {
        assertEquals(
                message,
                assertThrows(IllegalArgumentException.class, () -> LIBC.verify(type))
                        .getMessage());
    }

    @Test
    void aRecordTheBinderCannotReadMakesTheProviderUnavailableAndUnloadsTheLibrary() {
        NativeBinding<NoSymbol> b = LIBC.bind((NativeLibrary.Result) libc, NoSymbol.class);
        assertTrue(
                b.availability()
                        .cause()
                        .startsWith("binding libc at libc.so.6 failed: java.lang.IllegalArgumentException:"
                                + " NativeBinderTest.NoSymbol.strlen: "),
                b.availability().cause());
        assertFalse(libc.arena().scope().isAlive(), "the library is unloaded");
    }
}
