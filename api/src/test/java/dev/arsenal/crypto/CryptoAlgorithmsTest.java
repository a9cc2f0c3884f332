package dev.arsenal.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arsenal.UnknownAlgorithmException;
import org.junit.jupiter.api.Test;

/**
 * The crypto family's algorithms found by every name users write, and the specs, keys and lengths
 * that do not fit refused with a message naming what is wrong, before any provider is asked.
 */
class CryptoAlgorithmsTest {
    @Test
    void everyNameUsersWriteFindsTheAlgorithm() {
        assertEquals(DigestAlgorithm.SHA_256, DigestAlgorithm.byId("sha256"));
        assertEquals(DigestAlgorithm.SHA_256, DigestAlgorithm.byId("SHA-256"));
        assertEquals(DigestAlgorithm.SHA_512, DigestAlgorithm.byId("SHA_512"));
        assertEquals(DigestAlgorithm.BLAKE2B, DigestAlgorithm.byId("b2"));
        assertEquals(DigestAlgorithm.BLAKE2B, DigestAlgorithm.byId("BLAKE2b-512"));
        assertEquals(DigestAlgorithm.BLAKE3, DigestAlgorithm.byId(" blake3 "));
        assertEquals(MacAlgorithm.HMAC_SHA_256, MacAlgorithm.byId("HmacSHA256"));
        assertEquals(MacAlgorithm.HMAC_SHA_512, MacAlgorithm.byId("hmac-sha-512"));
        assertEquals(KdfAlgorithm.HKDF_SHA_256, KdfAlgorithm.byId("HKDF-SHA256"));
        assertEquals(AeadAlgorithm.AES_256_GCM, AeadAlgorithm.byId("AES_256_GCM"));
        assertEquals(AeadAlgorithm.CHACHA20_POLY1305, AeadAlgorithm.byId("chacha20-poly1305"));
        UnknownAlgorithmException e =
                assertThrows(UnknownAlgorithmException.class, () -> DigestAlgorithm.byId("sha3-256"));
        assertTrue(e.getMessage().contains("blake3"), e.getMessage());
    }

    @Test
    void specsThatDoNotFitAreRefusedNamingWhatIsWrong() {
        assertEquals(32, DigestAlgorithm.BLAKE3.check(DigestSpec.defaults()));
        assertEquals(131, DigestAlgorithm.BLAKE3.check(DigestSpec.ofLength(131)));
        assertEquals(
                1, DigestAlgorithm.BLAKE2B.check(DigestSpec.keyed(new byte[64]).withLength(1)));
        refused("blake3 takes a key of 32 bytes, got 31", DigestAlgorithm.BLAKE3, DigestSpec.keyed(new byte[31]));
        refused(
                "blake2b takes a key of 1 to 64 bytes, got 65",
                DigestAlgorithm.BLAKE2B,
                DigestSpec.keyed(new byte[65]));
        refused("blake2b takes a key of 1 to 64 bytes, got 0", DigestAlgorithm.BLAKE2B, DigestSpec.keyed(new byte[0]));
        refused("blake2b gives 1 to 64 bytes, not 65", DigestAlgorithm.BLAKE2B, DigestSpec.ofLength(65));
        refused("sha-256 gives 32 bytes, not 20", DigestAlgorithm.SHA_256, DigestSpec.ofLength(20));
        refused("sha-256 takes no key", DigestAlgorithm.SHA_256, DigestSpec.keyed(new byte[32]));
        refused("sha-512 takes no context", DigestAlgorithm.SHA_512, DigestSpec.deriving("app"));
        assertThrows(IllegalArgumentException.class, () -> DigestSpec.ofLength(0));
        assertTrue(!DigestSpec.keyed(new byte[] {1, 2}).toString().contains("1"), "toString never shows the key");
        assertEquals(DigestSpec.keyed(new byte[] {1, 2}), DigestSpec.keyed(new byte[] {1, 2}));
    }

    @Test
    void keysAndLengthsOfMacsAndKdfs() {
        assertThrows(IllegalArgumentException.class, () -> MacAlgorithm.HMAC_SHA_256.checkKey(new byte[0]));
        assertThrows(IllegalArgumentException.class, () -> MacAlgorithm.HMAC_SHA_256.checkKey(null));
        MacAlgorithm.HMAC_SHA_256.checkKey(new byte[1]);
        assertEquals(8160, KdfAlgorithm.HKDF_SHA_256.maxLength());
        assertEquals(16320, KdfAlgorithm.HKDF_SHA_512.maxLength());
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> KdfAlgorithm.HKDF_SHA_256.checkLength(8161));
        assertEquals("hkdf-sha-256 derives 1 to 8160 bytes, not 8161", e.getMessage());
        assertThrows(
                IllegalArgumentException.class, () -> KdfAlgorithm.HKDF_SHA_512.checkPseudoRandomKey(new byte[63]));
    }

    private static void refused(String message, DigestAlgorithm algorithm, DigestSpec spec) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> algorithm.check(spec));
        assertTrue(e.getMessage().startsWith(message), e.getMessage());
    }
}
