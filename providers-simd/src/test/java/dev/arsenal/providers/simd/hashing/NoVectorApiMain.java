package dev.arsenal.providers.simd.hashing;

import dev.arsenal.Strategy;
import dev.arsenal.engine.platform.PlatformDetector;
import dev.arsenal.hashing.HashAlgorithm;
import dev.arsenal.platform.PlatformInfo;

/**
 * Run by {@link SimdXxh3ProviderGuardTest} in a JVM without {@code jdk.incubator.vector}: prints
 * what the provider says there, one fact a line.
 */
final class NoVectorApiMain {
    private NoVectorApiMain() {}

    public static void main(String[] args) {
        SimdXxh3Provider provider = new SimdXxh3Provider();
        System.out.println("id " + provider.id() + " kind " + provider.kind() + " rank "
                + provider.rank(HashAlgorithm.XXH3_64, Strategy.THROUGHPUT) + " algorithms " + provider.algorithms());
        System.out.println("description " + provider.description());
        PlatformInfo platform = PlatformDetector.detect();
        provider.requirements()
                .forEach(r ->
                        System.out.println("requirement: " + r.check(platform).orElse("met")));
        System.out.println("probe: " + provider.probe(platform));
        try {
            provider.hasher64(HashAlgorithm.XXH3_64, 0);
            System.out.println("hasher64: made");
        } catch (IllegalStateException e) {
            System.out.println("hasher64: IllegalStateException " + e.getMessage());
        }
        // the hashers and the kernel's Vector-API-free base load too
        System.out.println("loaded " + Xxh3Simd.Bits64.class.getName() + " " + Xxh3Kernel.class.getName());
        System.out.println("module jdk.incubator.vector present: "
                + ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent());
    }
}
