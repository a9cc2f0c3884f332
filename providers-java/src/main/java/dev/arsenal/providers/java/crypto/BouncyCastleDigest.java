package dev.arsenal.providers.java.crypto;

import dev.arsenal.crypto.DigestAlgorithm;
import dev.arsenal.crypto.DigestSpec;
import dev.arsenal.crypto.DigestStream;
import dev.arsenal.spi.crypto.AbstractDigest;
import dev.arsenal.spi.crypto.AbstractDigestStream;
import java.nio.charset.StandardCharsets;
import org.bouncycastle.crypto.Digest;
import org.bouncycastle.crypto.Xof;
import org.bouncycastle.crypto.digests.Blake2bDigest;
import org.bouncycastle.crypto.digests.Blake3Digest;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.digests.SHA512Digest;
import org.bouncycastle.crypto.params.Blake3Parameters;

/**
 * A digest from Bouncy Castle's lightweight API: {@code SHA256Digest}, {@code SHA512Digest}, {@code
 * Blake2bDigest} (keyed and of any length from 1 to 64 bytes) and {@code Blake3Digest} (keyed, key
 * derivation, and any length through its XOF). Each stream has a digest of its own, set up by the
 * spec; a one-shot digest is a stream used once.
 */
final class BouncyCastleDigest extends AbstractDigest {
    private final DigestSpec spec;

    BouncyCastleDigest(DigestAlgorithm algorithm, DigestSpec spec) {
        super(algorithm, algorithm.check(spec));
        this.spec = spec;
    }

    @Override
    public DigestStream newStream() {
        return new Stream(make(), length());
    }

    /** A Bouncy Castle digest for the algorithm and spec, keyed or derived as the spec says. */
    private Digest make() {
        return switch (algorithm()) {
            case SHA_256 -> new SHA256Digest();
            case SHA_512 -> new SHA512Digest();
            case BLAKE2B -> new Blake2bDigest(spec.key(), length(), null, null);
            case BLAKE3 -> {
                Blake3Digest d = new Blake3Digest(256);
                if (spec.hasKey()) {
                    d.init(Blake3Parameters.key(spec.key()));
                } else if (spec.context() != null) {
                    d.init(Blake3Parameters.context(spec.context().getBytes(StandardCharsets.UTF_8)));
                } else {
                    d.init(null);
                }
                yield d;
            }
        };
    }

    /** A stream over its own Bouncy Castle digest. */
    private static final class Stream extends AbstractDigestStream {
        private final Digest digest;

        Stream(Digest digest, int length) {
            super(length);
            this.digest = digest;
        }

        @Override
        protected void engineUpdate(byte[] input, int offset, int length) {
            digest.update(input, offset, length);
        }

        @Override
        protected void finish(byte[] out, int offset) {
            if (digest instanceof Xof xof) {
                xof.doFinal(out, offset, length());
            } else {
                digest.doFinal(out, offset);
            }
        }

        @Override
        public void reset() {
            digest.reset();
        }
    }
}
