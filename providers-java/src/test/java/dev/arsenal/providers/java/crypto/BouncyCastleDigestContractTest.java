package dev.arsenal.providers.java.crypto;

import dev.arsenal.spi.crypto.AbstractDigestProviderContractTest;
import dev.arsenal.spi.crypto.DigestProvider;

/** Bouncy Castle's SHA-256, SHA-512, BLAKE2b and BLAKE3 meet the digest contract. */
class BouncyCastleDigestContractTest extends AbstractDigestProviderContractTest {
    @Override
    protected DigestProvider provider() {
        return new BouncyCastleCryptoProvider();
    }
}
