package dev.arsenal.providers.java.crypto;

import dev.arsenal.crypto.DigestStream;
import dev.arsenal.crypto.Kdf;
import dev.arsenal.crypto.KdfAlgorithm;
import dev.arsenal.crypto.MacAlgorithm;
import dev.arsenal.spi.crypto.AbstractDigestStream;
import dev.arsenal.spi.crypto.AbstractMac;
import java.util.Objects;
import org.bouncycastle.crypto.Digest;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.digests.SHA512Digest;
import org.bouncycastle.crypto.generators.HKDFBytesGenerator;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.params.HKDFParameters;
import org.bouncycastle.crypto.params.KeyParameter;

/** Bouncy Castle's {@code HMac} and {@code HKDFBytesGenerator}, loaded only after the provider's probe. */
final class BouncyCastleMacs {
    private BouncyCastleMacs() {}

    private static Digest hash(MacAlgorithm algorithm) {
        return algorithm == MacAlgorithm.HMAC_SHA_256 ? new SHA256Digest() : new SHA512Digest();
    }

    /** HMAC under a key: each stream (and one-shot tag) has an {@code HMac} of its own. */
    static final class Mac extends AbstractMac {
        private final byte[] key;

        Mac(MacAlgorithm algorithm, byte[] key) {
            super(algorithm);
            this.key = key.clone();
        }

        @Override
        public DigestStream newStream() {
            HMac mac = new HMac(hash(algorithm()));
            mac.init(new KeyParameter(key));
            return new Stream(mac, length());
        }
    }

    private static final class Stream extends AbstractDigestStream {
        private final HMac mac;

        Stream(HMac mac, int length) {
            super(length);
            this.mac = mac;
        }

        @Override
        protected void engineUpdate(byte[] input, int offset, int length) {
            mac.update(input, offset, length);
        }

        @Override
        protected void finish(byte[] out, int offset) {
            mac.doFinal(out, offset); // resets, key kept
        }

        @Override
        public void reset() {
            mac.reset();
        }
    }

    /** HKDF through {@code HKDFBytesGenerator}. */
    static final class Hkdf implements Kdf {
        private final KdfAlgorithm algorithm;

        Hkdf(KdfAlgorithm algorithm) {
            this.algorithm = algorithm;
        }

        @Override
        public KdfAlgorithm algorithm() {
            return algorithm;
        }

        @Override
        public byte[] derive(byte[] inputKeyMaterial, byte[] salt, byte[] info, int length) {
            algorithm.checkLength(length);
            return generate(
                    new HKDFParameters(Objects.requireNonNull(inputKeyMaterial, "inputKeyMaterial"), salt, info),
                    length);
        }

        @Override
        public byte[] extract(byte[] salt, byte[] inputKeyMaterial) {
            return new HKDFBytesGenerator(hash(algorithm.mac()))
                    .extractPRK(salt, Objects.requireNonNull(inputKeyMaterial, "inputKeyMaterial"));
        }

        @Override
        public byte[] expand(byte[] pseudoRandomKey, byte[] info, int length) {
            algorithm.checkLength(length);
            algorithm.checkPseudoRandomKey(pseudoRandomKey);
            return generate(HKDFParameters.skipExtractParameters(pseudoRandomKey, info), length);
        }

        private byte[] generate(HKDFParameters parameters, int length) {
            HKDFBytesGenerator g = new HKDFBytesGenerator(hash(algorithm.mac()));
            g.init(parameters);
            byte[] out = new byte[length];
            g.generateBytes(out, 0, length);
            return out;
        }

        @Override
        public String toString() {
            return algorithm.id() + " (Bouncy Castle's HKDFBytesGenerator)";
        }
    }
}
