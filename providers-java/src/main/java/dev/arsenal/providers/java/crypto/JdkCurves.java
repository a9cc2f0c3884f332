package dev.arsenal.providers.java.crypto;

import dev.arsenal.crypto.CurvePrivateKey;
import dev.arsenal.crypto.CurvePublicKey;
import dev.arsenal.crypto.KeyAgreementAlgorithm;
import dev.arsenal.crypto.SignatureAlgorithm;
import dev.arsenal.spi.crypto.AbstractAgreement;
import dev.arsenal.spi.crypto.AbstractSigner;
import dev.arsenal.spi.crypto.AbstractVerifier;
import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.SecureRandomSpi;
import java.security.Signature;
import java.security.SignatureException;
import java.security.spec.NamedParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import javax.crypto.KeyAgreement;

/**
 * Ed25519 and X25519 from the JDK's SunEC: {@code Signature "Ed25519"} and {@code KeyAgreement
 * "X25519"}, asked for by provider, with keys made once per signer, verifier or agreement through
 * SunEC's {@code KeyFactory}. The JDK has no call that derives a public key from a private one: an
 * Ed25519 one comes from its {@code KeyPairGenerator} fed the private key as its randomness (it
 * draws the seed with one {@code nextBytes} and derives the rest), an X25519 one from agreement
 * with the base point 9.
 */
final class JdkCurves {
    /** The JCA provider of Ed25519 and X25519: {@value}. */
    static final String PROVIDER = "SunEC";

    private JdkCurves() {}

    /**
     * SunEC, the JCA provider.
     *
     * @throws IllegalStateException if it is not installed
     */
    static Provider sunEc() {
        Provider sunEc = java.security.Security.getProvider(PROVIDER);
        if (sunEc == null) {
            throw new IllegalStateException("the JDK's " + PROVIDER + " provider is not installed");
        }
        return sunEc;
    }

    /** A JDK signer. */
    static final class Signer extends AbstractSigner {
        private final Provider sunEc;
        private final PrivateKey key;

        Signer(CurvePrivateKey key, Provider sunEc) {
            super(SignatureAlgorithm.ED25519, derivePublic(key, sunEc));
            this.sunEc = sunEc;
            this.key = privateKey(key, sunEc);
        }

        @Override
        protected byte[] compute(byte[] message, int offset, int length) {
            try {
                Signature s = Signature.getInstance("Ed25519", sunEc);
                s.initSign(key);
                s.update(message, offset, length);
                return s.sign();
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(PROVIDER + " failed to sign: " + e, e);
            }
        }

        private static byte[] derivePublic(CurvePrivateKey key, Provider sunEc) {
            byte[] seed = key.raw();
            try {
                KeyPairGenerator g = KeyPairGenerator.getInstance("Ed25519", sunEc);
                g.initialize(NamedParameterSpec.ED25519, new GivenBytes(seed));
                return CurvePublicKey.from(g.generateKeyPair().getPublic()).raw();
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(PROVIDER + " failed to derive a public key: " + e, e);
            } finally {
                Arrays.fill(seed, (byte) 0);
            }
        }
    }

    /** A JDK verifier; verifies nothing if SunEC refuses the key. */
    static final class Verifier extends AbstractVerifier {
        private final Provider sunEc;
        private final PublicKey key;

        Verifier(CurvePublicKey key, Provider sunEc) {
            super(SignatureAlgorithm.ED25519, key);
            this.sunEc = sunEc;
            PublicKey k;
            try {
                k = KeyFactory.getInstance("Ed25519", sunEc).generatePublic(new X509EncodedKeySpec(key.getEncoded()));
            } catch (GeneralSecurityException e) {
                k = null; // not a point: every signature is refused
            }
            this.key = k;
        }

        @Override
        protected boolean check(byte[] message, int offset, int length, byte[] signature) {
            if (key == null) {
                return false;
            }
            try {
                Signature s = Signature.getInstance("Ed25519", sunEc);
                s.initVerify(key);
                s.update(message, offset, length);
                return s.verify(signature);
            } catch (SignatureException | InvalidKeyException e) {
                return false; // SunEC throws for some malformed signatures and keys
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(PROVIDER + " failed to verify: " + e, e);
            }
        }
    }

    /** A JDK agreement. */
    static final class Agreement extends AbstractAgreement {
        private final Provider sunEc;
        private final PrivateKey key;

        Agreement(CurvePrivateKey key, Provider sunEc) {
            this(privateKey(key, sunEc), sunEc);
        }

        private Agreement(PrivateKey key, Provider sunEc) {
            super(KeyAgreementAlgorithm.X25519, shared(key, base(), sunEc));
            this.sunEc = sunEc;
            this.key = key;
        }

        @Override
        protected byte[] compute(byte[] peer) {
            return shared(key, peer, sunEc);
        }

        private static byte[] base() {
            byte[] u = new byte[32];
            u[0] = 9;
            return u;
        }

        /** The shared secret, or null where SunEC refuses the peer (it throws for a small-order one). */
        private static byte[] shared(PrivateKey key, byte[] peer, Provider sunEc) {
            PublicKey peerKey;
            KeyAgreement agreement;
            try {
                peerKey = KeyFactory.getInstance("X25519", sunEc)
                        .generatePublic(new X509EncodedKeySpec(CurvePublicKey.of(KeyAgreementAlgorithm.X25519, peer)
                                .getEncoded()));
                agreement = KeyAgreement.getInstance("X25519", sunEc);
                agreement.init(key);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(PROVIDER + " failed to start an X25519 agreement: " + e, e);
            }
            try {
                agreement.doPhase(peerKey, true);
                return agreement.generateSecret();
            } catch (InvalidKeyException | IllegalStateException e) {
                return null;
            }
        }
    }

    private static PrivateKey privateKey(CurvePrivateKey key, Provider sunEc) {
        byte[] der = key.getEncoded();
        try {
            return KeyFactory.getInstance(key.getAlgorithm(), sunEc).generatePrivate(new PKCS8EncodedKeySpec(der));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(PROVIDER + " refused a " + key.getAlgorithm() + " key: " + e, e);
        } finally {
            Arrays.fill(der, (byte) 0);
        }
    }

    /** A randomness that gives the bytes it was made with, once: the JDK's key generator's seed. */
    private static final class GivenBytes extends SecureRandom {
        private static final long serialVersionUID = 1L;

        GivenBytes(byte[] bytes) {
            super(new Spi(bytes), null);
        }

        private static final class Spi extends SecureRandomSpi {
            private static final long serialVersionUID = 1L;
            private final byte[] bytes;
            private boolean used;

            Spi(byte[] bytes) {
                this.bytes = bytes;
            }

            @Override
            protected void engineNextBytes(byte[] out) {
                if (used || out.length != bytes.length) {
                    throw new IllegalStateException("the key generator asked for other randomness than the seed");
                }
                used = true;
                System.arraycopy(bytes, 0, out, 0, out.length);
            }

            @Override
            protected void engineSetSeed(byte[] seed) {
                throw new UnsupportedOperationException();
            }

            @Override
            protected byte[] engineGenerateSeed(int numBytes) {
                throw new UnsupportedOperationException();
            }
        }
    }
}
