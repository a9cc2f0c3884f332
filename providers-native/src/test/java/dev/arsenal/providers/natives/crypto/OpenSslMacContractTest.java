package dev.arsenal.providers.natives.crypto;

import dev.arsenal.spi.crypto.AbstractMacProviderContractTest;
import dev.arsenal.spi.crypto.CryptoProvider;

/** OpenSSL's HMAC (EVP_MAC) and HKDF over it meet the contract: every Wycheproof case, every form, misuse. */
class OpenSslMacContractTest extends AbstractMacProviderContractTest {
    @Override
    protected CryptoProvider provider() {
        return new OpenSslCryptoProvider();
    }
}
