package dev.arsenal.providers.java.crypto;

import static org.junit.jupiter.api.Assertions.assertSame;

import dev.arsenal.crypto.DigestAlgorithm;
import dev.arsenal.crypto.DigestSpec;
import dev.arsenal.spi.crypto.AbstractDigestProviderContractTest;
import dev.arsenal.spi.crypto.DigestProvider;
import org.junit.jupiter.api.Test;

/** The JDK's SHA-256 and SHA-512 meet the digest contract. */
class JdkDigestContractTest extends AbstractDigestProviderContractTest {
    @Override
    protected DigestProvider provider() {
        return new JdkCryptoProvider();
    }

    @Test
    void aDigestIsMadeOncePerAlgorithm() {
        JdkCryptoProvider p = new JdkCryptoProvider();
        assertSame(
                p.digest(DigestAlgorithm.SHA_256, DigestSpec.defaults()),
                p.digest(DigestAlgorithm.SHA_256, DigestSpec.defaults()),
                "an immutable digest is not made again, with its MessageDigest.getInstance");
    }
}
