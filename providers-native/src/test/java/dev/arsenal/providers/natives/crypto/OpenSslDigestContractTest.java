package dev.arsenal.providers.natives.crypto;

import dev.arsenal.spi.crypto.AbstractDigestProviderContractTest;
import dev.arsenal.spi.crypto.DigestProvider;

/** OpenSSL's SHA-256, SHA-512 and BLAKE2b-512 meet the digest contract, for the specs it supports. */
class OpenSslDigestContractTest extends AbstractDigestProviderContractTest {
    @Override
    protected DigestProvider provider() {
        return new OpenSslCryptoProvider();
    }
}
