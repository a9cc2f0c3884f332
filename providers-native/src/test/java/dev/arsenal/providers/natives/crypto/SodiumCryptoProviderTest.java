package dev.arsenal.providers.natives.crypto;

import dev.arsenal.spi.crypto.AbstractAeadProviderContractTest;
import dev.arsenal.spi.crypto.AeadProvider;

/** libsodium's AEADs meet the contract: every Wycheproof case, every form, tampering, misuse. */
class SodiumCryptoProviderTest extends AbstractAeadProviderContractTest {
    @Override
    protected AeadProvider provider() {
        return new SodiumCryptoProvider();
    }
}
