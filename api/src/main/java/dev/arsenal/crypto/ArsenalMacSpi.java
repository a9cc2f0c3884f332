package dev.arsenal.crypto;

import java.nio.ByteBuffer;
import java.security.InvalidAlgorithmParameterException;
import java.security.InvalidKeyException;
import java.security.Key;
import java.security.spec.AlgorithmParameterSpec;
import java.util.Arrays;
import java.util.function.Function;
import javax.crypto.MacSpi;

/** A {@link javax.crypto.Mac} over a selected {@link Mac}'s stream. */
final class ArsenalMacSpi extends MacSpi {
    private final MacAlgorithm algorithm;
    private final Function<byte[], Mac> macs;
    private DigestStream stream;

    ArsenalMacSpi(MacAlgorithm algorithm, Function<byte[], Mac> macs) {
        this.algorithm = algorithm;
        this.macs = macs;
    }

    @Override
    protected int engineGetMacLength() {
        return algorithm.length();
    }

    @Override
    protected void engineInit(Key key, AlgorithmParameterSpec params)
            throws InvalidKeyException, InvalidAlgorithmParameterException {
        if (params != null) {
            throw new InvalidAlgorithmParameterException(algorithm.id() + " takes no parameters");
        }
        byte[] raw = ArsenalCipherSpi.rawKey(key, algorithm.id());
        try {
            algorithm.checkKey(raw);
            stream = macs.apply(raw).newStream();
        } catch (IllegalArgumentException e) {
            throw new InvalidKeyException(e.getMessage(), e);
        } finally {
            Arrays.fill(raw, (byte) 0);
        }
    }

    @Override
    protected void engineUpdate(byte input) {
        live().update(new byte[] {input}, 0, 1);
    }

    @Override
    protected void engineUpdate(byte[] input, int offset, int len) {
        live().update(input, offset, len);
    }

    @Override
    protected void engineUpdate(ByteBuffer input) {
        live().update(input);
    }

    @Override
    protected byte[] engineDoFinal() {
        return live().digest();
    }

    @Override
    protected void engineReset() {
        if (stream != null) {
            stream.reset();
        }
    }

    private DigestStream live() {
        if (stream == null) {
            throw new IllegalStateException(algorithm.id() + ": not initialized with a key");
        }
        return stream;
    }
}
