package dev.arsenal.providers.natives.crypto;

import dev.arsenal.spi.crypto.AbstractDigestProviderContractTest;
import dev.arsenal.spi.crypto.DigestProvider;

/** libsodium's SHA-256, SHA-512 and BLAKE2b meet the digest contract. */
class SodiumDigestContractTest extends AbstractDigestProviderContractTest {
    @Override
    protected DigestProvider provider() {
        return new SodiumCryptoProvider();
    }
}
