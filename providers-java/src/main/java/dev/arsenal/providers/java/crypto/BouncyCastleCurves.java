package dev.arsenal.providers.java.crypto;

import dev.arsenal.crypto.CurvePrivateKey;
import dev.arsenal.crypto.CurvePublicKey;
import dev.arsenal.crypto.KeyAgreementAlgorithm;
import dev.arsenal.crypto.SignatureAlgorithm;
import dev.arsenal.spi.crypto.AbstractAgreement;
import dev.arsenal.spi.crypto.AbstractSigner;
import dev.arsenal.spi.crypto.AbstractVerifier;
import java.util.Arrays;
import org.bouncycastle.math.ec.rfc7748.X25519;
import org.bouncycastle.math.ec.rfc8032.Ed25519;

/**
 * Ed25519 and X25519 from Bouncy Castle's low-level {@code rfc8032.Ed25519} and {@code
 * rfc7748.X25519}, on byte arrays, with the public key derived once per signer and decoded once
 * per verifier ({@code validatePublicKeyPartialExport}).
 */
final class BouncyCastleCurves {
    private BouncyCastleCurves() {}

    /** A Bouncy Castle signer. */
    static final class Signer extends AbstractSigner {
        private final byte[] seed;
        private final byte[] publicKey;

        Signer(CurvePrivateKey key) {
            this(key.raw());
        }

        private Signer(byte[] seed) {
            super(SignatureAlgorithm.ED25519, derive(seed));
            this.seed = seed;
            this.publicKey = publicKey().raw();
        }

        private static byte[] derive(byte[] seed) {
            byte[] pk = new byte[Ed25519.PUBLIC_KEY_SIZE];
            Ed25519.generatePublicKey(seed, 0, pk, 0);
            return pk;
        }

        @Override
        protected byte[] compute(byte[] message, int offset, int length) {
            byte[] signature = new byte[Ed25519.SIGNATURE_SIZE];
            Ed25519.sign(seed, 0, publicKey, 0, message, offset, length, signature, 0);
            return signature;
        }
    }

    /**
     * A Bouncy Castle verifier; verifies nothing if the key is not a point.
     *
     * <p>Bouncy Castle's equation is cofactored ({@code [8][S]B = [8]R + [8][k]A}), the JDK's,
     * libsodium's and OpenSSL's cofactorless ({@code [S]B = R + [k]A}, RFC 8032 section 5.1.7's
     * first form). They differ only for a public key with a torsion component, which no key
     * generator makes, only an attacker ({@code CurveDifferentialTest} makes such signatures).
     * Every cofactorless acceptance is a cofactored one, so a refusal stands; an acceptance stands
     * once the key is found in the prime-order subgroup ({@code validatePublicKeyFull}, once per
     * verifier, on its first acceptance), and is asked again of the JDK's cofactorless equation if
     * it is not.
     */
    static final class Verifier extends AbstractVerifier {
        private final Ed25519.PublicPoint point;
        private final byte[] publicKey;
        private volatile AbstractVerifier cofactorless;
        private volatile boolean primeOrder;

        Verifier(CurvePublicKey key) {
            super(SignatureAlgorithm.ED25519, key);
            this.publicKey = key.raw();
            this.point = Ed25519.validatePublicKeyPartialExport(publicKey, 0);
        }

        @Override
        protected boolean check(byte[] message, int offset, int length, byte[] signature) {
            if (point == null || !Ed25519.verify(signature, 0, point, message, offset, length)) {
                return false;
            }
            if (primeOrder) {
                return true;
            }
            AbstractVerifier jdk = cofactorless;
            if (jdk == null) {
                if (Ed25519.validatePublicKeyFull(publicKey, 0)) {
                    primeOrder = true;
                    return true;
                }
                jdk = new JdkCurves.Verifier(publicKey(), JdkCurves.sunEc());
                cofactorless = jdk;
            }
            return jdk.verify(message, offset, length, signature);
        }
    }

    /** A Bouncy Castle agreement. */
    static final class Agreement extends AbstractAgreement {
        private final byte[] scalar;

        Agreement(CurvePrivateKey key) {
            this(key.raw());
        }

        private Agreement(byte[] scalar) {
            super(KeyAgreementAlgorithm.X25519, derive(scalar));
            this.scalar = scalar;
        }

        private static byte[] derive(byte[] scalar) {
            byte[] pk = new byte[X25519.POINT_SIZE];
            X25519.generatePublicKey(scalar, 0, pk, 0);
            return pk;
        }

        /** Null where {@code calculateAgreement} says the secret is all zeros. */
        @Override
        protected byte[] compute(byte[] peer) {
            byte[] shared = new byte[X25519.POINT_SIZE];
            if (!X25519.calculateAgreement(scalar, 0, peer, 0, shared, 0)) {
                Arrays.fill(shared, (byte) 0);
                return null;
            }
            return shared;
        }
    }
}
