package dev.arsenal.providers.natives.crypto;

import dev.arsenal.spi.crypto.AbstractAeadProviderContractTest;
import dev.arsenal.spi.crypto.AeadProvider;

/** OpenSSL's AEADs meet the contract: every Wycheproof case, every form, tampering, misuse. */
class OpenSslCryptoProviderTest extends AbstractAeadProviderContractTest {
    @Override
    protected AeadProvider provider() {
        return new OpenSslCryptoProvider();
    }
}
