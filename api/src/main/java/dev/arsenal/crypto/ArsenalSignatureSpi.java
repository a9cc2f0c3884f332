package dev.arsenal.crypto;

import java.io.ByteArrayOutputStream;
import java.security.InvalidAlgorithmParameterException;
import java.security.InvalidKeyException;
import java.security.InvalidParameterException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SignatureException;
import java.security.SignatureSpi;
import java.security.spec.AlgorithmParameterSpec;
import java.security.spec.EdDSAParameterSpec;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.NamedParameterSpec;

/**
 * A {@link java.security.Signature} over the selected {@link Signer} and {@link Verifier}. Pure
 * Ed25519 signs a message held whole, so the message is gathered until {@code sign()} or {@code
 * verify()}, as SunEC gathers it.
 */
final class ArsenalSignatureSpi extends SignatureSpi {
    private final SignatureAlgorithm algorithm;
    private final CryptoView crypto;
    private final ByteArrayOutputStream message = new ByteArrayOutputStream();
    private Signer signer;
    private Verifier verifier;

    ArsenalSignatureSpi(SignatureAlgorithm algorithm, CryptoView crypto) {
        this.algorithm = algorithm;
        this.crypto = crypto;
    }

    @Override
    protected void engineInitSign(PrivateKey key) throws InvalidKeyException {
        CurvePrivateKey k = curveKey(key);
        verifier = null;
        signer = crypto.signer(k);
        message.reset();
    }

    @Override
    protected void engineInitVerify(PublicKey key) throws InvalidKeyException {
        CurvePublicKey k;
        try {
            k = CurvePublicKey.from(key);
        } catch (InvalidKeySpecException e) {
            throw new InvalidKeyException(algorithm.standardName() + ": " + e.getMessage(), e);
        }
        check(k);
        signer = null;
        verifier = crypto.verifier(k);
        message.reset();
    }

    private CurvePrivateKey curveKey(PrivateKey key) throws InvalidKeyException {
        try {
            CurvePrivateKey k = CurvePrivateKey.from(key);
            check(k);
            if (k.isDestroyed()) {
                throw new InvalidKeyException("the " + k.getAlgorithm() + " key was destroyed");
            }
            return k;
        } catch (InvalidKeySpecException e) {
            throw new InvalidKeyException(algorithm.standardName() + ": " + e.getMessage(), e);
        }
    }

    private void check(CurveKey k) throws InvalidKeyException {
        if (k.algorithm() != algorithm) {
            throw new InvalidKeyException("a " + k.getAlgorithm() + " key, not " + algorithm.standardName());
        }
    }

    @Override
    protected void engineUpdate(byte b) throws SignatureException {
        live();
        message.write(b);
    }

    @Override
    protected void engineUpdate(byte[] b, int off, int len) throws SignatureException {
        live();
        message.write(b, off, len);
    }

    @Override
    protected byte[] engineSign() throws SignatureException {
        if (signer == null) {
            throw new SignatureException(algorithm.standardName() + ": not initialized for signing");
        }
        byte[] m = message.toByteArray();
        message.reset();
        return signer.sign(m);
    }

    @Override
    protected boolean engineVerify(byte[] signature) throws SignatureException {
        if (verifier == null) {
            throw new SignatureException(algorithm.standardName() + ": not initialized for verification");
        }
        byte[] m = message.toByteArray();
        message.reset();
        return verifier.verify(m, signature);
    }

    /** Pure Ed25519 only: an {@link EdDSAParameterSpec} asking for a pre-hash or a context is refused. */
    @Override
    protected void engineSetParameter(AlgorithmParameterSpec params) throws InvalidAlgorithmParameterException {
        if (params instanceof EdDSAParameterSpec e
                && !e.isPrehash()
                && e.getContext().isEmpty()) {
            return;
        }
        if (params instanceof NamedParameterSpec n && n.getName().equalsIgnoreCase(algorithm.standardName())) {
            return;
        }
        throw new InvalidAlgorithmParameterException(
                algorithm.standardName() + ": pure Ed25519 only (no Ed25519ph, no Ed25519ctx): " + params);
    }

    @Override
    @Deprecated
    protected void engineSetParameter(String param, Object value) {
        throw new InvalidParameterException(algorithm.standardName() + " has no parameter " + param);
    }

    @Override
    @Deprecated
    protected Object engineGetParameter(String param) {
        throw new InvalidParameterException(algorithm.standardName() + " has no parameter " + param);
    }

    private void live() throws SignatureException {
        if (signer == null && verifier == null) {
            throw new SignatureException(algorithm.standardName() + ": not initialized");
        }
    }
}
