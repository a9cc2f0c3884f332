package dev.arsenal.providers.natives.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arsenal.Arsenal;
import dev.arsenal.Configuration;
import dev.arsenal.crypto.ArsenalProvider;
import dev.arsenal.crypto.CurvePublicKey;
import dev.arsenal.crypto.SignatureAlgorithm;
import java.security.InvalidAlgorithmParameterException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.Security;
import java.security.Signature;
import java.util.SplittableRandom;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.KeyAgreement;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.junit.jupiter.api.Test;

/**
 * {@link ArsenalProvider} through the JCA, against the JDK's providers (and Bouncy Castle's for
 * BLAKE2b and BLAKE3): what one encrypts, signs or agrees the other reads, verifies and agrees on;
 * digests and MACs equal; the JDK's rules for AEAD ciphers kept (no nonce twice, nothing before the
 * tag); installed first, it is what {@code getInstance} finds; an algorithm no provider serves is
 * not registered, and says why.
 */
class ArsenalProviderTest {
    private static final ArsenalProvider ARSENAL = new ArsenalProvider();

    @Test
    void everyServiceIsRegisteredHere() {
        assertEquals(java.util.Map.of(), ARSENAL.refused());
        for (String[] s : new String[][] {
            {"Cipher", "ChaCha20-Poly1305"}, {"Cipher", "XChaCha20-Poly1305"}, {"Cipher", "AES/GCM/NoPadding"},
            {"MessageDigest", "SHA-256"}, {"MessageDigest", "BLAKE2b-512"}, {"MessageDigest", "BLAKE3-256"},
            {"Mac", "HmacSHA256"}, {"Signature", "Ed25519"}, {"KeyAgreement", "X25519"},
            {"KeyPairGenerator", "Ed25519"}, {"KeyPairGenerator", "X25519"}
        }) {
            assertTrue(ARSENAL.getService(s[0], s[1]) != null, s[0] + " " + s[1]);
        }
    }

    @Test
    void ciphersReadWhatTheJdkWritesAndTheReverse() throws Exception {
        SplittableRandom r = new SplittableRandom(1);
        for (String[] c : new String[][] {
            {"ChaCha20-Poly1305", "32", "12"}, {"AES/GCM/NoPadding", "16", "12"}, {"AES/GCM/NoPadding", "32", "12"}
        }) {
            for (int size : new int[] {0, 1, 100, 70_000}) {
                SecretKeySpec key = new SecretKeySpec(
                        bytes(r, Integer.parseInt(c[1])), c[0].startsWith("AES") ? "AES" : "ChaCha20");
                byte[] iv = bytes(r, Integer.parseInt(c[2]));
                byte[] aad = bytes(r, 13);
                byte[] plain = bytes(r, size);
                var spec = c[0].startsWith("AES") ? new GCMParameterSpec(128, iv) : new IvParameterSpec(iv);
                Cipher ours = Cipher.getInstance(c[0], ARSENAL);
                Cipher jdk = Cipher.getInstance(c[0], "SunJCE");
                ours.init(Cipher.ENCRYPT_MODE, key, spec);
                ours.updateAAD(aad);
                byte[] head = ours.update(plain, 0, size / 2);
                byte[] sealed = concat(head, ours.doFinal(plain, size / 2, size - size / 2));
                jdk.init(Cipher.ENCRYPT_MODE, key, spec);
                jdk.updateAAD(aad);
                assertArrayEquals(jdk.doFinal(plain), sealed, c[0] + " " + size);
                jdk.init(Cipher.DECRYPT_MODE, key, spec);
                jdk.updateAAD(aad);
                assertArrayEquals(plain, jdk.doFinal(sealed));
                ours.init(Cipher.DECRYPT_MODE, key, spec);
                ours.updateAAD(aad);
                assertArrayEquals(plain, ours.doFinal(sealed));
                sealed[sealed.length - 1] ^= 1;
                ours.init(Cipher.DECRYPT_MODE, key, spec);
                ours.updateAAD(aad);
                byte[] tampered = sealed;
                assertThrows(AEADBadTagException.class, () -> ours.doFinal(tampered));
            }
        }
    }

    @Test
    void aNonceIsNeverUsedTwice() throws Exception {
        SecretKeySpec key = new SecretKeySpec(new byte[32], "ChaCha20");
        IvParameterSpec iv = new IvParameterSpec(new byte[12]);
        Cipher c = Cipher.getInstance("ChaCha20-Poly1305", ARSENAL);
        c.init(Cipher.ENCRYPT_MODE, key, iv);
        c.doFinal(new byte[5]);
        assertThrows(IllegalStateException.class, () -> c.doFinal(new byte[5]));
        assertThrows(InvalidAlgorithmParameterException.class, () -> c.init(Cipher.ENCRYPT_MODE, key, iv));
        c.init(Cipher.ENCRYPT_MODE, key); // a random nonce
        assertEquals(12, c.getIV().length);
        assertFalse(java.util.Arrays.equals(new byte[12], c.getIV()));
        Cipher x = Cipher.getInstance("XChaCha20-Poly1305", ARSENAL);
        x.init(Cipher.ENCRYPT_MODE, key);
        byte[] sealed = x.doFinal(new byte[] {1, 2, 3});
        x.init(Cipher.DECRYPT_MODE, key, new IvParameterSpec(x.getIV()));
        assertArrayEquals(new byte[] {1, 2, 3}, x.doFinal(sealed));
        Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding", ARSENAL);
        assertThrows(
                InvalidAlgorithmParameterException.class,
                () -> gcm.init(
                        Cipher.ENCRYPT_MODE,
                        new SecretKeySpec(new byte[16], "AES"),
                        new GCMParameterSpec(96, new byte[12])));
        assertThrows(
                java.security.InvalidKeyException.class,
                () -> gcm.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(new byte[24], "AES")));
    }

    @Test
    void digestsAndMacsAreTheJdksAndBouncyCastles() throws Exception {
        byte[] data = bytes(new SplittableRandom(2), 100_003);
        BouncyCastleProvider bc = new BouncyCastleProvider();
        assertArrayEquals(
                MessageDigest.getInstance("SHA-256", "SUN").digest(data),
                MessageDigest.getInstance("SHA-256", ARSENAL).digest(data));
        assertArrayEquals(
                MessageDigest.getInstance("SHA-512", "SUN").digest(data),
                MessageDigest.getInstance("2.16.840.1.101.3.4.2.3", ARSENAL).digest(data));
        for (String name : new String[] {"BLAKE2b-160", "BLAKE2b-256", "BLAKE2b-384", "BLAKE2b-512", "BLAKE3-256"}) {
            MessageDigest ours = MessageDigest.getInstance(name, ARSENAL);
            ours.update(data, 0, 7);
            ours.update(data, 7, data.length - 7);
            assertArrayEquals(
                    MessageDigest.getInstance(name.toUpperCase(java.util.Locale.ROOT), bc)
                            .digest(data),
                    ours.digest(),
                    name);
        }
        SecretKeySpec key = new SecretKeySpec(bytes(new SplittableRandom(3), 40), "HmacSHA256");
        Mac jdk = Mac.getInstance("HmacSHA256", "SunJCE");
        jdk.init(key);
        Mac ours = Mac.getInstance("HmacSHA256", ARSENAL);
        ours.init(key);
        assertArrayEquals(jdk.doFinal(data), ours.doFinal(data));
        assertArrayEquals(jdk.doFinal(data), ours.doFinal(data), "doFinal resets");
    }

    @Test
    void signaturesAndAgreementsCrossWithSunEc() throws Exception {
        byte[] message = bytes(new SplittableRandom(4), 1000);
        for (String generator : new String[] {"SunEC", ArsenalProvider.NAME}) {
            KeyPairGenerator g = generator.equals("SunEC")
                    ? KeyPairGenerator.getInstance("Ed25519", "SunEC")
                    : KeyPairGenerator.getInstance("Ed25519", ARSENAL);
            KeyPair pair = g.generateKeyPair();
            Signature ours = Signature.getInstance("Ed25519", ARSENAL);
            Signature jdk = Signature.getInstance("Ed25519", "SunEC");
            ours.initSign(pair.getPrivate());
            ours.update(message);
            byte[] signature = ours.sign();
            jdk.initSign(pair.getPrivate());
            jdk.update(message);
            assertArrayEquals(jdk.sign(), signature, "keys from " + generator);
            jdk.initVerify(pair.getPublic());
            jdk.update(message);
            assertTrue(jdk.verify(signature));
            ours.initVerify(pair.getPublic());
            ours.update(message);
            assertTrue(ours.verify(signature));
            ours.initVerify(pair.getPublic());
            ours.update(message, 1, 10);
            assertFalse(ours.verify(signature));

            KeyPairGenerator xg = generator.equals("SunEC")
                    ? KeyPairGenerator.getInstance("X25519", "SunEC")
                    : KeyPairGenerator.getInstance("X25519", ARSENAL);
            KeyPair a = xg.generateKeyPair();
            KeyPair b = xg.generateKeyPair();
            KeyAgreement mine = KeyAgreement.getInstance("X25519", ARSENAL);
            mine.init(a.getPrivate());
            mine.doPhase(b.getPublic(), true);
            KeyAgreement theirs = KeyAgreement.getInstance("X25519", "SunEC");
            theirs.init(b.getPrivate());
            theirs.doPhase(a.getPublic(), true);
            assertArrayEquals(theirs.generateSecret(), mine.generateSecret(), "keys from " + generator);
        }
    }

    @Test
    void installedFirstItIsWhatGetInstanceFinds() throws Exception {
        int position = Security.insertProviderAt(ARSENAL, 1);
        try {
            assertEquals(1, position);
            assertEquals(
                    ArsenalProvider.NAME,
                    Signature.getInstance("Ed25519").getProvider().getName());
            assertEquals(
                    ArsenalProvider.NAME,
                    Cipher.getInstance("AES/GCM/NoPadding").getProvider().getName());
            assertEquals(
                    ArsenalProvider.NAME,
                    MessageDigest.getInstance("SHA-256").getProvider().getName());
            // what Arsenal does not serve falls through to the JDK
            assertEquals(
                    "SUN", MessageDigest.getInstance("SHA-384").getProvider().getName());
        } finally {
            Security.removeProvider(ArsenalProvider.NAME);
        }
    }

    @Test
    void anAlgorithmNoProviderServesIsNotRegistered() {
        ArsenalProvider forced = new ArsenalProvider(Arsenal.create(
                Configuration.defaults().withForcedProvider(SignatureAlgorithm.ED25519, "no-such-provider")));
        assertTrue(forced.refused().containsKey("Ed25519"), forced.refused().toString());
        assertTrue(
                forced.refused().get("Ed25519").contains("no-such-provider"),
                forced.refused().toString());
        assertThrows(NoSuchAlgorithmException.class, () -> Signature.getInstance("Ed25519", forced));
        assertTrue(forced.getService("MessageDigest", "SHA-256") != null);
        CurvePublicKey.of(SignatureAlgorithm.ED25519, new byte[32]); // the key types need no provider
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] c = java.util.Arrays.copyOf(a == null ? new byte[0] : a, (a == null ? 0 : a.length) + b.length);
        System.arraycopy(b, 0, c, c.length - b.length, b.length);
        return c;
    }

    private static byte[] bytes(SplittableRandom r, int n) {
        byte[] b = new byte[n];
        r.nextBytes(b);
        return b;
    }
}
