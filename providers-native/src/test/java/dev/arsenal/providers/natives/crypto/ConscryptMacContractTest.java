package dev.arsenal.providers.natives.crypto;

import dev.arsenal.spi.crypto.AbstractMacProviderContractTest;
import dev.arsenal.spi.crypto.CryptoProvider;

/** ConscryptCryptoProvider's HMAC and HKDF meet the contract: every Wycheproof case, every form, misuse. */
class ConscryptMacContractTest extends AbstractMacProviderContractTest {
    @Override
    protected CryptoProvider provider() {
        return new ConscryptCryptoProvider();
    }
}
