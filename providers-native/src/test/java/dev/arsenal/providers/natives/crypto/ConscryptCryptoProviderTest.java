package dev.arsenal.providers.natives.crypto;

import dev.arsenal.spi.crypto.AbstractAeadProviderContractTest;
import dev.arsenal.spi.crypto.AeadProvider;

/** Conscrypt's AEADs meet the contract: every Wycheproof case, every form, tampering, misuse. */
class ConscryptCryptoProviderTest extends AbstractAeadProviderContractTest {
    @Override
    protected AeadProvider provider() {
        return new ConscryptCryptoProvider();
    }
}
