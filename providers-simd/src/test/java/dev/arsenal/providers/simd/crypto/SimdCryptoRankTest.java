package dev.arsenal.providers.simd.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arsenal.platform.CpuFeature;
import dev.arsenal.platform.CpuInfo;
import dev.arsenal.platform.FeatureSource;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Where the SIMD AEAD ranks above the JDK: on x86-64 CPUs on which HotSpot has no Poly1305
 * intrinsic, as JDK 25 decides it (AVX-512 IFMA with VL and BW at {@code UseAVX=3}, or AVX-IFMA).
 */
class SimdCryptoRankTest {
    private static CpuInfo cpu(String arch, String useAvx, String... flags) {
        List<CpuFeature> features = new ArrayList<>();
        for (String f : flags) {
            features.add(CpuFeature.flag(f, FeatureSource.PROC_CPUINFO));
        }
        if (useAvx != null) {
            features.add(new CpuFeature("UseAVX", FeatureSource.HOTSPOT, useAvx));
        }
        return new CpuInfo("Linux", arch, "test", 2, features, List.of(), List.of());
    }

    @Test
    void theJdksIntrinsicNeedsAvx512IfmaInUseOrAvxIfma() {
        String[] zen4 = {"avx2", "avx512f", "avx512ifma", "avx512vl", "avx512bw"};
        assertTrue(SimdCryptoProvider.jdkHasPoly1305Intrinsic(cpu("amd64", "3", zen4)));
        assertFalse(SimdCryptoProvider.jdkHasPoly1305Intrinsic(cpu("amd64", "2", zen4)), "-XX:UseAVX=2");
        assertFalse(SimdCryptoProvider.jdkHasPoly1305Intrinsic(cpu("amd64", "2", "avx2")), "an AVX2 CPU");
        assertFalse(SimdCryptoProvider.jdkHasPoly1305Intrinsic(cpu("amd64", "3", "avx512f", "avx512vl", "avx512bw")));
        assertTrue(SimdCryptoProvider.jdkHasPoly1305Intrinsic(cpu("amd64", "2", "avx2", "avx_ifma")), "AVX-IFMA");
        assertTrue(SimdCryptoProvider.jdkHasPoly1305Intrinsic(cpu("aarch64", null, "asimd")));
        assertTrue(SimdCryptoProvider.jdkHasPoly1305Intrinsic(cpu("amd64", "x", zen4)), "an unreadable flag");
    }

    @Test
    void aheadOfTheJdkOnlyWhereTheJdkHasNoIntrinsic() {
        assertEquals(
                150,
                new SimdCryptoProvider()
                        .rank(dev.arsenal.crypto.DigestAlgorithm.BLAKE3, dev.arsenal.Strategy.BALANCED));
        assertEquals(
                95,
                new SimdCryptoProvider()
                        .rank(dev.arsenal.crypto.AeadAlgorithm.CHACHA20_POLY1305, dev.arsenal.Strategy.BALANCED),
                "unprobed: below the JDK");
    }
}
