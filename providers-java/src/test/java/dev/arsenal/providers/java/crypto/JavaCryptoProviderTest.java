package dev.arsenal.providers.java.crypto;

import dev.arsenal.spi.crypto.AbstractDigestProviderContractTest;
import dev.arsenal.spi.crypto.DigestProvider;

/** Arsenal's own BLAKE3 meets the digest contract: the official vectors, every form and length. */
class JavaCryptoProviderTest extends AbstractDigestProviderContractTest {
    @Override
    protected DigestProvider provider() {
        return new JavaCryptoProvider();
    }
}
