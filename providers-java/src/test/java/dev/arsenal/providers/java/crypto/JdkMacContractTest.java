package dev.arsenal.providers.java.crypto;

import dev.arsenal.spi.crypto.AbstractMacProviderContractTest;
import dev.arsenal.spi.crypto.CryptoProvider;

/** JdkCryptoProvider's HMAC and HKDF meet the contract: every Wycheproof case, every form, misuse. */
class JdkMacContractTest extends AbstractMacProviderContractTest {
    @Override
    protected CryptoProvider provider() {
        return new JdkCryptoProvider();
    }
}
