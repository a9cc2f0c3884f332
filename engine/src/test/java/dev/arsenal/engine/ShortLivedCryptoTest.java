package dev.arsenal.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arsenal.Algorithm;
import dev.arsenal.ArsenalRuntime;
import dev.arsenal.Configuration;
import dev.arsenal.ProviderKind;
import dev.arsenal.Strategy;
import dev.arsenal.crypto.CryptoView;
import dev.arsenal.crypto.Digest;
import dev.arsenal.crypto.DigestAlgorithm;
import dev.arsenal.crypto.DigestSpec;
import dev.arsenal.platform.CpuInfo;
import dev.arsenal.platform.JvmInfo;
import dev.arsenal.platform.PlatformInfo;
import dev.arsenal.report.Decision;
import dev.arsenal.spi.Availability;
import dev.arsenal.spi.crypto.AbstractCryptoProvider;
import dev.arsenal.spi.crypto.Blake3Digest;
import dev.arsenal.spi.crypto.DigestProvider;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The crypto family does not split by size, yet a short-lived process ({@code
 * arsenal.lifetime=short}, the one-job commands) takes its small-input winner for every size, as
 * hashing does: a "vector" BLAKE3 provider that ranks first only from 16 KiB serves a long-lived
 * process and not a short one.
 */
class ShortLivedCryptoTest {
    private static final PlatformInfo PLATFORM = new PlatformInfo(
            new CpuInfo("linux", "amd64", "test cpu", 2, List.of(), List.of(), List.of()),
            new JvmInfo("25", "test", "test", true, true, false, 0));
    private static final Configuration CONFIG = Configuration.defaults().with(Configuration.CALIBRATION, "off");

    /** A BLAKE3 provider on spi's {@link Blake3Digest}, ranked as the test says. */
    private static final class Blake3Provider extends AbstractCryptoProvider implements DigestProvider {
        private final int small;
        private final int bulk;

        Blake3Provider(String id, int small, int bulk) {
            super(id, ProviderKind.JAVA, bulk, Set.of(DigestAlgorithm.BLAKE3));
            this.small = small;
            this.bulk = bulk;
        }

        @Override
        public Availability probe(PlatformInfo platform) {
            return Availability.available();
        }

        @Override
        public int rank(Algorithm algorithm, Strategy strategy, long inputSize) {
            return inputSize < 16 * 1024 ? small : bulk;
        }

        @Override
        public Digest digest(DigestAlgorithm algorithm, DigestSpec spec) {
            return new Blake3Digest(spec, null);
        }
    }

    private static String chosen(Configuration config) {
        ArsenalRuntime rt = EngineRuntimeFactory.create(
                config,
                PLATFORM,
                List.of(new Blake3Provider("scalar", 100, 100), new Blake3Provider("vector", 90, 150)),
                List.of());
        byte[] in = new byte[5000];
        Digest d = rt.view(CryptoView.class).digest(DigestAlgorithm.BLAKE3, DigestSpec.defaults());
        assertArrayEquals(new Blake3Digest(DigestSpec.defaults(), null).digest(in), d.digest(in));
        Decision decision = rt.report().decision("blake3").orElseThrow();
        if (config.lifetime() == Configuration.Lifetime.SHORT) {
            assertTrue(decision.reason().contains("arsenal.lifetime=short"), decision.reason());
        }
        return decision.provider().orElseThrow();
    }

    @Test
    void aLongLivedProcessTakesTheBulkWinnerAndAShortLivedOneTheSmallInputWinner() {
        assertEquals("vector", chosen(CONFIG));
        assertEquals("scalar", chosen(CONFIG.with(Configuration.LIFETIME, "short")));
    }
}
