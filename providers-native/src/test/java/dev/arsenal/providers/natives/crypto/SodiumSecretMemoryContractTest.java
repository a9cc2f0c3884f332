package dev.arsenal.providers.natives.crypto;

import dev.arsenal.crypto.SecretBuffer;
import dev.arsenal.spi.crypto.AbstractSecretMemoryProviderContractTest;
import dev.arsenal.spi.crypto.SecretMemoryProvider;
import java.util.Set;

/**
 * libsodium's secret buffers meet the contract, between guard pages and out of core dumps (locked
 * too within this machine's RLIMIT_MEMLOCK, which the contract does not assume).
 */
class SodiumSecretMemoryContractTest extends AbstractSecretMemoryProviderContractTest {
    @Override
    protected SecretMemoryProvider provider() {
        return new SodiumCryptoProvider();
    }

    @Override
    protected Set<SecretBuffer.Protection> expectedProtections() {
        return Set.of(SecretBuffer.Protection.GUARD_PAGES, SecretBuffer.Protection.EXCLUDED_FROM_CORE_DUMPS);
    }
}
