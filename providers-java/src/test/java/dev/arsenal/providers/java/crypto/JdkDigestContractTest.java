package dev.arsenal.providers.java.crypto;

import dev.arsenal.spi.crypto.AbstractDigestProviderContractTest;
import dev.arsenal.spi.crypto.DigestProvider;

/** The JDK's SHA-256 and SHA-512 meet the digest contract. */
class JdkDigestContractTest extends AbstractDigestProviderContractTest {
    @Override
    protected DigestProvider provider() {
        return new JdkCryptoProvider();
    }
}
