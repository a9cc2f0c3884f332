package dev.arsenal.providers.natives.crypto;

import dev.arsenal.spi.crypto.AbstractDigestProviderContractTest;
import dev.arsenal.spi.crypto.DigestProvider;

/** Conscrypt's SHA-256 and SHA-512 meet the digest contract. */
class ConscryptDigestContractTest extends AbstractDigestProviderContractTest {
    @Override
    protected DigestProvider provider() {
        return new ConscryptCryptoProvider();
    }
}
