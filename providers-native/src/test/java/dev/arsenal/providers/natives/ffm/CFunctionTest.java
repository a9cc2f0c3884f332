package dev.arsenal.providers.natives.ffm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.StructLayout;
import java.lang.foreign.ValueLayout;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What {@link CFunction} reads from prototypes, on LP64 (Linux, macOS). */
class CFunctionTest {
    private static final StructLayout PAIR = MemoryLayout.structLayout(ValueLayout.JAVA_LONG, ValueLayout.JAVA_LONG);
    private static final Map<String, MemoryLayout> TYPES =
            Map.of("XXH128_hash_t", PAIR, "XXH32_hash_t", ValueLayout.JAVA_INT);

    private static FunctionDescriptor parse(String prototype) {
        return CFunction.parse(prototype, TYPES).descriptor();
    }

    @Test
    void scalarsPointersAndParameterNames() {
        CFunction f =
                CFunction.parse("unsigned long long ZSTD_decompressBound(const void* src, size_t srcSize);", TYPES);
        assertEquals("ZSTD_decompressBound", f.name());
        assertEquals(
                FunctionDescriptor.of(ValueLayout.JAVA_LONG, ValueLayout.ADDRESS, ValueLayout.JAVA_LONG),
                f.descriptor());
        assertEquals(
                FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.JAVA_INT),
                parse("unsigned f(unsigned, unsigned int count)"));
        assertEquals(
                FunctionDescriptor.of(ValueLayout.ADDRESS, ValueLayout.ADDRESS, ValueLayout.ADDRESS),
                parse("struct ctx *make(struct ctx ** out, const char *const name)"));
    }

    @Test
    void voidEnumsAndTheTypesGiven() {
        assertEquals(FunctionDescriptor.ofVoid(), parse("void f(void)"));
        assertEquals(FunctionDescriptor.ofVoid(), parse("void f()"));
        assertEquals(
                FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT), parse("enum result f(enum mode m)"));
        assertEquals(
                FunctionDescriptor.of(PAIR, ValueLayout.ADDRESS, ValueLayout.JAVA_INT),
                parse("XXH128_hash_t f(const void* p, XXH32_hash_t seed)"));
    }

    @Test
    void whatItCannotRead() {
        assertThrows(IllegalArgumentException.class, () -> parse("f(int x)"));
        assertThrows(IllegalArgumentException.class, () -> parse("int f(int x"));
        assertThrows(IllegalArgumentException.class, () -> parse("int f(void, int)"));
        assertThrows(IllegalArgumentException.class, () -> parse("int f(int (*callback)(int))"));
        assertEquals(
                "'XXH64_hash_t f(void)': unknown C type 'XXH64_hash_t' (a pointer, a C scalar, enum E, or a type"
                        + " given to NativeBinder.withType)",
                assertThrows(IllegalArgumentException.class, () -> parse("XXH64_hash_t f(void)"))
                        .getMessage());
    }
}
