package dev.arsenal.providers.simd.compression;

import dev.arsenal.Strategy;
import dev.arsenal.compression.Codec;
import dev.arsenal.engine.platform.PlatformDetector;

/**
 * Run by {@link SimdShuffleProviderTest} in a JVM without {@code jdk.incubator.vector}: prints
 * what the provider says there, one fact a line.
 */
final class NoVectorApiShuffleMain {
    private NoVectorApiShuffleMain() {}

    public static void main(String[] args) {
        SimdShuffleProvider provider = new SimdShuffleProvider();
        System.out.println("id " + provider.id() + " kind " + provider.kind() + " rank "
                + provider.rank(Codec.LZ4_SHUFFLE, Strategy.THROUGHPUT) + " algorithms " + provider.algorithms());
        System.out.println("description " + provider.description());
        System.out.println("probe: " + provider.probe(PlatformDetector.detect()));
        try {
            provider.shuffle();
            System.out.println("shuffle: made");
        } catch (IllegalStateException e) {
            System.out.println("shuffle: IllegalStateException " + e.getMessage());
        }
    }
}
