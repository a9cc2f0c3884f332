package dev.arsenal.providers.java.crypto;

import dev.arsenal.crypto.SecretBuffer;
import dev.arsenal.spi.crypto.AbstractSecretMemoryProviderContractTest;
import dev.arsenal.spi.crypto.SecretMemoryProvider;
import java.util.Set;

/** The JDK's secret buffers meet the contract: zeroed, closed out of reach; no other protection. */
class JdkSecretMemoryContractTest extends AbstractSecretMemoryProviderContractTest {
    @Override
    protected SecretMemoryProvider provider() {
        return new JdkCryptoProvider();
    }

    @Override
    protected Set<SecretBuffer.Protection> expectedProtections() {
        return Set.of();
    }
}
