package dev.arsenal.hashing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arsenal.UnknownAlgorithmException;
import org.junit.jupiter.api.Test;

class HashAlgorithmTest {
    @Test
    void namesAndAliasesResolve() {
        assertEquals(HashAlgorithm.XXH3_64, HashAlgorithm.byId("xxh3"));
        assertEquals(HashAlgorithm.XXH3_64, HashAlgorithm.byId("XXH3_64"));
        assertEquals(HashAlgorithm.XXH3_128, HashAlgorithm.byId("xxh3-128"));
        assertEquals(HashAlgorithm.XXH3_128, HashAlgorithm.byId("xxh128"));
        assertEquals(HashAlgorithm.CRC32C, HashAlgorithm.byId(" CRC32C "));
    }

    @Test
    void anUnknownNameListsTheKnownOnes() {
        var e = assertThrows(UnknownAlgorithmException.class, () -> HashAlgorithm.byId("md5"));
        assertEquals("md5", e.name());
        for (String id : HashAlgorithm.ids()) {
            assertTrue(e.getMessage().contains(id), e.getMessage());
        }
    }

    @Test
    void seedsAreCheckedPerAlgorithm() {
        HashAlgorithm.XXH32.checkSeed(0xFFFFFFFFL);
        HashAlgorithm.XXH32.checkSeed(-1);
        assertThrows(IllegalArgumentException.class, () -> HashAlgorithm.XXH32.checkSeed(1L << 32));
        assertThrows(IllegalArgumentException.class, () -> HashAlgorithm.CRC32.checkSeed(1));
        HashAlgorithm.XXH64.checkSeed(Long.MIN_VALUE);
    }

    @Test
    void hash128PrintsHighThenLow() {
        Hash128 h = new Hash128(0x0123456789abcdefL, 0xfedcba9876543210L);
        assertEquals("0123456789abcdeffedcba9876543210", h.toHexString());
        assertEquals((byte) 0x01, h.toByteArray()[0]);
        assertEquals((byte) 0x10, h.toByteArray()[15]);
    }
}
