package dev.arsenal.providers.natives.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arsenal.Algorithm;
import dev.arsenal.crypto.KdfAlgorithm;
import dev.arsenal.crypto.KeyAgreementAlgorithm;
import dev.arsenal.crypto.SecretMemoryAlgorithm;
import dev.arsenal.providers.java.crypto.BouncyCastleCryptoProvider;
import dev.arsenal.providers.java.crypto.JdkCryptoProvider;
import dev.arsenal.spi.FamilyDescriptor;
import dev.arsenal.spi.crypto.CryptoFamily;
import dev.arsenal.spi.crypto.CryptoProvider;
import java.util.List;
import java.util.Optional;
import java.util.function.LongUnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * What {@code arsenal bench crypto} and {@code arsenal calibrate --family crypto} run: a loop for
 * every AEAD, digest, MAC and signature of every provider here, which runs (a few calls of each
 * size from 0 to 64 KiB); none for key agreement, key derivation and secret memory, which keep
 * their ranks.
 */
class CryptoWorkloadTest {
    @Test
    void everyMeasuredAlgorithmHasALoopThatRuns() throws Exception {
        int loops = 0;
        for (CryptoProvider p : List.of(
                new JdkCryptoProvider(),
                new BouncyCastleCryptoProvider(),
                new SodiumCryptoProvider(),
                new OpenSslCryptoProvider())) {
            for (Algorithm a : p.algorithms()) {
                Optional<FamilyDescriptor.Workload> w = CryptoFamily.INSTANCE.workload(p, a);
                boolean unmeasured = a instanceof KdfAlgorithm
                        || a instanceof KeyAgreementAlgorithm
                        || a instanceof SecretMemoryAlgorithm;
                assertEquals(!unmeasured, w.isPresent(), p.id() + " " + a.id());
                if (w.isPresent()) {
                    LongUnaryOperator loop = w.get()
                            .loop()
                            .getConstructor(Object.class, byte[].class)
                            .newInstance(w.get().subject(), w.get().data());
                    for (long size : new long[] {0, 1, 64, 65_536}) {
                        loop.applyAsLong(size << 32 | 3);
                    }
                    loops++;
                }
            }
        }
        assertTrue(loops >= 30, loops + " loops");
    }
}
