package dev.arsenal.providers.java.crypto;

import dev.arsenal.spi.crypto.AbstractAeadProviderContractTest;
import dev.arsenal.spi.crypto.AeadProvider;

/** Bouncy Castle's AEADs meet the contract: every Wycheproof case, every form, tampering, misuse. */
class BouncyCastleCryptoProviderTest extends AbstractAeadProviderContractTest {
    @Override
    protected AeadProvider provider() {
        return new BouncyCastleCryptoProvider();
    }
}
