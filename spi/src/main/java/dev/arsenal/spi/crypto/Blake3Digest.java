package dev.arsenal.spi.crypto;

import dev.arsenal.crypto.DigestAlgorithm;
import dev.arsenal.crypto.DigestSpec;
import dev.arsenal.crypto.DigestStream;
import dev.arsenal.spi.IdlePool;
import java.nio.ByteBuffer;

/**
 * BLAKE3 as a {@link dev.arsenal.crypto.Digest}, on {@link Blake3}: hash, keyed hash or key
 * derivation as the spec says, any output length. The Java provider gives no {@link
 * Blake3.ChunkBatch} (one chunk at a time), the SIMD provider its vector batch; the tree, and so
 * every byte of output, is {@link Blake3}'s either way. One-shot digests reuse idle hashers from a
 * small pool (a hasher holds some 2 KiB of state).
 */
public final class Blake3Digest extends AbstractDigest {
    private final DigestSpec spec;
    private final Blake3.ChunkBatch batch;
    private final IdlePool<Blake3> idle;

    /**
     * @param spec the spec, checked against BLAKE3 already
     * @param batch how full chunks are hashed in parallel, or null for one at a time
     */
    public Blake3Digest(DigestSpec spec, Blake3.ChunkBatch batch) {
        super(DigestAlgorithm.BLAKE3, DigestAlgorithm.BLAKE3.check(spec));
        this.spec = spec;
        this.batch = batch;
        this.idle = IdlePool.of(IdlePool.PER_OWNER, this::hasher);
    }

    /** A hasher in the spec's mode. */
    private Blake3 hasher() {
        if (spec.hasKey()) {
            byte[] key = spec.key();
            return batch == null ? Blake3.keyed(key) : Blake3.keyed(key, batch);
        }
        if (spec.context() != null) {
            return batch == null ? Blake3.deriveKey(spec.context()) : Blake3.deriveKey(spec.context(), batch);
        }
        return batch == null ? Blake3.hash() : Blake3.hash(batch);
    }

    @Override
    protected byte[] compute(byte[] input, int offset, int length) {
        Blake3 h = idle.take();
        boolean done = false;
        try {
            h.update(input, offset, length);
            byte[] out = finish(h);
            done = true;
            return out;
        } finally {
            idle.give(h, done);
        }
    }

    @Override
    public byte[] digest(ByteBuffer input) {
        Blake3 h = idle.take();
        boolean done = false;
        try {
            h.update(input);
            byte[] out = finish(h);
            done = true;
            return out;
        } finally {
            idle.give(h, done);
        }
    }

    /** The output of {@code h}, which is then reset for the pool. */
    private byte[] finish(Blake3 h) {
        byte[] out = new byte[length()];
        h.finish(out, 0, out.length);
        h.reset();
        return out;
    }

    @Override
    public DigestStream newStream() {
        return new Stream(hasher(), length());
    }

    /** A stream over its own hasher. */
    private static final class Stream extends AbstractDigestStream {
        private final Blake3 hasher;

        Stream(Blake3 hasher, int length) {
            super(length);
            this.hasher = hasher;
        }

        @Override
        protected void engineUpdate(byte[] input, int offset, int length) {
            hasher.update(input, offset, length);
        }

        @Override
        public void update(ByteBuffer input) {
            hasher.update(input);
        }

        @Override
        protected void finish(byte[] out, int offset) {
            hasher.finish(out, offset, length());
        }

        @Override
        public void reset() {
            hasher.reset();
        }
    }
}
