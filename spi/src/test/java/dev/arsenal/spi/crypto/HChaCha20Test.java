package dev.arsenal.spi.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** HChaCha20 against the test vector of draft-irtf-cfrg-xchacha-03, section 2.2.1. */
class HChaCha20Test {
    @Test
    void theDraftsTestVector() {
        HexFormat hex = HexFormat.of();
        byte[] key = hex.parseHex("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f");
        byte[] nonce = hex.parseHex("000000090000004a0000000031415927" + "0000000000000000");
        assertArrayEquals(
                hex.parseHex("82413b4227b27bfed30e42508a877d73a0f9e4d58a74a853c12ec41326d3ecdc"),
                HChaCha20.subkey(key, nonce));
        assertArrayEquals(hex.parseHex("000000000000000000000000"), HChaCha20.chachaNonce(nonce));
    }
}
