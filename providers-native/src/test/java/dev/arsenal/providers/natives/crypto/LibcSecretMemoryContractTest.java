package dev.arsenal.providers.natives.crypto;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arsenal.crypto.SecretBuffer;
import dev.arsenal.spi.crypto.AbstractSecretMemoryProviderContractTest;
import dev.arsenal.spi.crypto.SecretMemoryProvider;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The C library's secret buffers meet the contract, out of core dumps; and past RLIMIT_MEMLOCK a
 * buffer is still given, unlocked, and says so (for a user other than root, whom CAP_IPC_LOCK
 * lets lock past the limit).
 */
class LibcSecretMemoryContractTest extends AbstractSecretMemoryProviderContractTest {
    @Override
    protected SecretMemoryProvider provider() {
        return new LibcCryptoProvider();
    }

    @Override
    protected Set<SecretBuffer.Protection> expectedProtections() {
        return Set.of(SecretBuffer.Protection.EXCLUDED_FROM_CORE_DUMPS);
    }

    @Test
    void pastTheLockLimitBuffersAreGivenUnlocked() {
        long limit = LockedMemory.lockLimit();
        org.junit.jupiter.api.Assumptions.assumeFalse(
                System.getProperty("user.name").equals("root"),
                "root may lock past RLIMIT_MEMLOCK (CAP_IPC_LOCK): the limit cannot be reached here");
        org.junit.jupiter.api.Assumptions.assumeTrue(
                limit > 0 && limit <= 64L << 20, "RLIMIT_MEMLOCK here is " + limit + ": too large to pass in a test");
        List<SecretBuffer> held = new ArrayList<>();
        try {
            boolean unlocked = false;
            for (long total = 0; total <= limit + (1 << 20); total += 1 << 20) {
                SecretBuffer b = provider().allocate(1 << 20);
                held.add(b);
                unlocked |= !b.protections().contains(SecretBuffer.Protection.LOCKED);
            }
            assertTrue(unlocked, "a buffer past the limit of " + limit + " bytes says it is unlocked");
            assertTrue(held.getFirst().protections().contains(SecretBuffer.Protection.LOCKED), "the first is locked");
            assertFalse(new LibcCryptoProvider().description().isEmpty());
        } finally {
            held.forEach(SecretBuffer::close);
        }
    }
}
