package dev.arsenal.crypto;

import java.nio.ByteBuffer;
import java.security.DigestException;
import java.security.MessageDigestSpi;

/** A {@link java.security.MessageDigest} over a selected {@link Digest}'s stream. */
final class ArsenalMessageDigestSpi extends MessageDigestSpi {
    private final DigestStream stream;

    ArsenalMessageDigestSpi(Digest digest) {
        this.stream = digest.newStream();
    }

    @Override
    protected int engineGetDigestLength() {
        return stream.length();
    }

    @Override
    protected void engineUpdate(byte input) {
        stream.update(new byte[] {input}, 0, 1);
    }

    @Override
    protected void engineUpdate(byte[] input, int offset, int len) {
        stream.update(input, offset, len);
    }

    @Override
    protected void engineUpdate(ByteBuffer input) {
        stream.update(input);
    }

    @Override
    protected byte[] engineDigest() {
        return stream.digest();
    }

    @Override
    protected int engineDigest(byte[] buf, int offset, int len) throws DigestException {
        if (len < stream.length()) {
            throw new DigestException("room for " + len + " bytes, the digest has " + stream.length());
        }
        return stream.digest(buf, offset);
    }

    @Override
    protected void engineReset() {
        stream.reset();
    }
}
