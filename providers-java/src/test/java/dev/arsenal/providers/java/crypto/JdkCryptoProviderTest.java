package dev.arsenal.providers.java.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arsenal.Arsenal;
import dev.arsenal.ArsenalRuntime;
import dev.arsenal.Configuration;
import dev.arsenal.crypto.Aead;
import dev.arsenal.crypto.AeadAlgorithm;
import dev.arsenal.crypto.CryptoView;
import dev.arsenal.spi.crypto.AbstractAeadProviderContractTest;
import dev.arsenal.spi.crypto.AeadProvider;
import org.junit.jupiter.api.Test;

/** The JDK provider meets the AEAD contract, and the engine selects it through the crypto view. */
class JdkCryptoProviderTest extends AbstractAeadProviderContractTest {
    @Override
    protected AeadProvider provider() {
        return new JdkCryptoProvider();
    }

    @Test
    void theRuntimeSelectsItAndReportsTheDecision() throws Exception {
        ArsenalRuntime runtime = Arsenal.create(Configuration.defaults().with(Configuration.CALIBRATION, "off"));
        byte[] key = new byte[32];
        Aead aead = runtime.view(CryptoView.class).aead(AeadAlgorithm.XCHACHA20_POLY1305, key);
        byte[] nonce = new byte[24];
        byte[] sealed = aead.encrypt(nonce, "sealed by the selected provider".getBytes(), null);
        assertArrayEquals("sealed by the selected provider".getBytes(), aead.decrypt(nonce, sealed, null));
        var decision = runtime.report().decision("xchacha20-poly1305").orElseThrow();
        assertEquals(JdkCryptoProvider.ID, decision.provider().orElseThrow());
        assertTrue(decision.candidates().getFirst().selfTest().passed(), decision.toString());
    }
}
