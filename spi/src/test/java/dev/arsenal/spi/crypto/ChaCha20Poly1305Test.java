package dev.arsenal.spi.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import dev.arsenal.crypto.AeadAlgorithm;
import java.math.BigInteger;
import java.util.HexFormat;
import java.util.SplittableRandom;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/**
 * The parts of the Java ChaCha20-Poly1305 against RFC 8439's test vectors (sections 2.3.2, 2.4.2,
 * 2.5.2, 2.8.2 and appendix A.3's edge cases of Poly1305), and the whole against the JDK's cipher
 * for every length up to 600 bytes; the contract test of the AEAD is the SIMD provider's.
 */
class ChaCha20Poly1305Test {
    private static final HexFormat HEX = HexFormat.of();

    @Test
    void theBlockFunctionOfSection232() {
        int[] key =
                ChaCha20.words(HEX.parseHex("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f"), 0, 8);
        int[] nonce = ChaCha20.words(HEX.parseHex("000000090000004a00000000"), 0, 3);
        int[] out = new int[16];
        ChaCha20.block(key, 1, nonce, out, new int[16]);
        assertArrayEquals(
                new int[] {
                    0xe4e7f110, 0x15593bd1, 0x1fdd0f50, 0xc47120a3, 0xc7f4d1c7, 0x0368c033, 0x9aaa2204, 0x4e6cd4c3,
                    0x466482d2, 0x09aa9f07, 0x05d7c214, 0xa2028bd9, 0xd19c12b5, 0xb94e16de, 0xe883d0cb, 0x4e3c50a2
                },
                out);
    }

    @Test
    void theEncryptionOfSection242() {
        byte[] key = HEX.parseHex("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f");
        byte[] nonce = HEX.parseHex("000000000000004a00000000");
        byte[] plaintext = ("Ladies and Gentlemen of the class of '99: If I could offer you only one tip for the"
                        + " future, sunscreen would be it.")
                .getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        byte[] out = new byte[plaintext.length];
        ChaCha20.xor(
                null,
                ChaCha20.words(key, 0, 8),
                1,
                ChaCha20.words(nonce, 0, 3),
                plaintext,
                0,
                plaintext.length,
                out,
                0);
        assertArrayEquals(
                HEX.parseHex("6e2e359a2568f98041ba0728dd0d6981e97e7aec1d4360c20a27afccfd9fae0bf91b65c5524733ab8f593dab"
                        + "cd62b3571639d624e65152ab8f530c359f0861d807ca0dbf500d6a6156a38e088a22b65e52bc514d16ccf806818ce"
                        + "91ab77937365af90bbf74a35be6b40b8eedf2785e42874d"),
                out);
    }

    @Test
    void poly1305OfSection252AndTheEdgeCasesOfAppendixA3() {
        assertArrayEquals(
                HEX.parseHex("a8061dc1305136c6c22b8baf0c0127a9"),
                Poly1305.mac(
                        HEX.parseHex("85d6be7857556d337f4452fe42d506a80103808afb0db2fd4abff6af4149f51b"),
                        "Cryptographic Forum Research Group".getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
        // A.3 #1: all zero
        assertArrayEquals(new byte[16], Poly1305.mac(new byte[32], new byte[64]));
        String[][] cases = {
            // key, message, tag: A.3 test vectors 5 to 11 (the reduction's edge cases)
            {
                "0200000000000000000000000000000000000000000000000000000000000000",
                "ffffffffffffffffffffffffffffffff",
                "03000000000000000000000000000000"
            },
            {
                "02000000000000000000000000000000ffffffffffffffffffffffffffffffff",
                "02000000000000000000000000000000",
                "03000000000000000000000000000000"
            },
            {
                "0100000000000000000000000000000000000000000000000000000000000000",
                "fffffffffffffffffffffffffffffffff0ffffffffffffffffffffffffffffff11000000000000000000000000000000",
                "05000000000000000000000000000000"
            },
            {
                "0100000000000000000000000000000000000000000000000000000000000000",
                "fffffffffffffffffffffffffffffffffbfefefefefefefefefefefefefefefe01010101010101010101010101010101",
                "00000000000000000000000000000000"
            },
            {
                "0200000000000000000000000000000000000000000000000000000000000000",
                "fdffffffffffffffffffffffffffffff",
                "faffffffffffffffffffffffffffffff"
            },
            {
                "0100000000000000040000000000000000000000000000000000000000000000",
                "e33594d7505e43b900000000000000003394d7505e4379cd01000000000000000000000000000000000000000000000001000000000000000000000000000000",
                "14000000000000005500000000000000"
            },
            {
                "0100000000000000040000000000000000000000000000000000000000000000",
                "e33594d7505e43b900000000000000003394d7505e4379cd010000000000000000000000000000000000000000000000",
                "13000000000000000000000000000000"
            },
        };
        for (String[] c : cases) {
            assertArrayEquals(HEX.parseHex(c[2]), Poly1305.mac(HEX.parseHex(c[0]), HEX.parseHex(c[1])), c[1]);
        }
    }

    @Test
    void theAeadOfSection282() throws Exception {
        byte[] key = HEX.parseHex("808182838485868788898a8b8c8d8e8f909192939495969798999a9b9c9d9e9f");
        byte[] nonce = HEX.parseHex("070000004041424344454647");
        byte[] ad = HEX.parseHex("50515253c0c1c2c3c4c5c6c7");
        byte[] plaintext = ("Ladies and Gentlemen of the class of '99: If I could offer you only one tip for the"
                        + " future, sunscreen would be it.")
                .getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        byte[] sealed =
                new ChaCha20Poly1305(AeadAlgorithm.CHACHA20_POLY1305, key, null, null).encrypt(nonce, plaintext, ad);
        assertArrayEquals(
                HEX.parseHex("d31a8d34648e60db7b86afbc53ef7ec2a4aded51296e08fea9e2b5a736ee62d63dbea45e8ca9671282fafb69"
                        + "da92728b1a71de0a9e060b2905d6a5b67ecd3b3692ddbd7f2d778b8c9803aee328091b58fab324e4fad675945585"
                        + "808b4831d7bc3ff4def08e4b7a9de576d26586cec64b6116"
                        + "1ae10b594f09e26a7e902ecbd0600691"),
                sealed);
    }

    /**
     * {@link Poly1305.BlockBatch}'s contract computed with {@link BigInteger}s: four lanes, each
     * group multiplied by r<sup>4</sup>, the last by r<sup>4 - j</sup>, the lanes summed. The
     * powers are the ones {@link Poly1305} computed, so a wrong power fails the comparison with the JDK.
     */
    private static final class LanesInBigIntegers implements Poly1305.BlockBatch {
        private static final BigInteger P = BigInteger.ONE.shiftLeft(130).subtract(BigInteger.valueOf(5));

        @Override
        public int degree() {
            return 4;
        }

        private static BigInteger element(long[] limbs, int from) {
            BigInteger x = BigInteger.ZERO;
            for (int i = 4; i >= 0; i--) {
                x = x.shiftLeft(26).add(BigInteger.valueOf(limbs[from + i]));
            }
            return x;
        }

        @Override
        public void absorb(long[] h, long[] powers, byte[] in, int off, int groups) {
            BigInteger[] lanes = new BigInteger[4];
            java.util.Arrays.fill(lanes, BigInteger.ZERO);
            lanes[0] = element(h, 0);
            for (int g = 0; g < groups; g++) {
                for (int j = 0; j < 4; j++) {
                    byte[] block = new byte[17];
                    for (int b = 0; b < 16; b++) {
                        block[16 - b] = in[off + 16 * (4 * g + j) + b];
                    }
                    block[0] = 1;
                    BigInteger r = element(powers, 5 * (g == groups - 1 ? 3 - j : 3));
                    lanes[j] =
                            lanes[j].add(new BigInteger(1, block)).multiply(r).mod(P);
                }
            }
            BigInteger sum = lanes[0].add(lanes[1]).add(lanes[2]).add(lanes[3]).mod(P);
            for (int i = 0; i < 5; i++) {
                h[i] = sum.shiftRight(26 * i).longValue() & 0x3ffffff;
            }
        }
    }

    /** Every length 0 to 600 (past two batches of 16 blocks, with a batch of 4 as the kernel). */
    @Test
    void sealsAsTheJdkForEveryLength() throws Exception {
        SplittableRandom random = new SplittableRandom(8439);
        byte[] key = new byte[32];
        random.nextBytes(key);
        ChaCha20.BlockBatch scalarBatch = new ChaCha20.BlockBatch() {
            @Override
            public int degree() {
                return 4;
            }

            @Override
            public void xorBatches(
                    int[] k, int counter, int[] nonce, byte[] in, int off, int batches, byte[] out, int outOff) {
                ChaCha20.xor(null, k, counter, nonce, in, off, batches * 4 * 64, out, outOff);
            }
        };
        for (int kernels = 0; kernels < 2; kernels++) {
            ChaCha20Poly1305 aead = kernels == 0
                    ? new ChaCha20Poly1305(AeadAlgorithm.CHACHA20_POLY1305, key, null, null)
                    : new ChaCha20Poly1305(AeadAlgorithm.CHACHA20_POLY1305, key, scalarBatch, new LanesInBigIntegers());
            for (int n = 0; n <= 600; n++) {
                byte[] nonce = new byte[12];
                random.nextBytes(nonce);
                byte[] message = new byte[n];
                random.nextBytes(message);
                byte[] ad = new byte[random.nextInt(40)];
                random.nextBytes(ad);
                Cipher jdk = Cipher.getInstance("ChaCha20-Poly1305");
                jdk.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "ChaCha20"), new IvParameterSpec(nonce));
                jdk.updateAAD(ad);
                byte[] expected = jdk.doFinal(message);
                assertArrayEquals(expected, aead.encrypt(nonce, message, ad), "length " + n);
                assertArrayEquals(message, aead.decrypt(nonce, expected, ad), "length " + n);
            }
        }
    }
}
