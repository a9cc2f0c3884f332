package dev.arsenal.providers.natives.crypto;

import dev.arsenal.spi.crypto.AbstractCurveProviderContractTest;
import dev.arsenal.spi.crypto.CryptoProvider;

/** OpenSSL's Ed25519 and X25519 meet the contract: every Wycheproof case, the JDK's bytes, the strict verdicts, misuse. */
class OpenSslCurveContractTest extends AbstractCurveProviderContractTest {
    @Override
    protected CryptoProvider provider() {
        return new OpenSslCryptoProvider();
    }
}
