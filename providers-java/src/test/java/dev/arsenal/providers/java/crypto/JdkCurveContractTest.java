package dev.arsenal.providers.java.crypto;

import dev.arsenal.spi.crypto.AbstractCurveProviderContractTest;
import dev.arsenal.spi.crypto.CryptoProvider;

/** SunEC's Ed25519 and X25519 meet the contract: every Wycheproof case, the JDK's bytes, the strict verdicts, misuse. */
class JdkCurveContractTest extends AbstractCurveProviderContractTest {
    @Override
    protected CryptoProvider provider() {
        return new JdkCryptoProvider();
    }
}
