package dev.arsenal.providers.natives.compression;

import dev.arsenal.spi.compression.AbstractCompressionProviderContractTest;
import dev.arsenal.spi.compression.CompressionProvider;
import java.util.Set;

/**
 * The shared compression contract for libzstd through FFM ({@link ZstdFfmProviderTest} has what is
 * particular to it: the zstd tool both ways, every truncation and bit flip).
 */
class ZstdFfmContractTest extends AbstractCompressionProviderContractTest {
    @Override
    protected CompressionProvider provider() {
        return new ZstdFfmProvider();
    }

    /**
     * With a libzstd that has the known decoder bugs of 1.5.4 ({@link ZstdKnownBugsTest} checks that
     * they are recognised): the valid frame it refuses and the two corrupt ones it decodes. The third
     * corrupt one (bytes after no sequences) is refused by the check in Java, {@link ZstdFrameCheck}.
     */
    @Override
    protected Set<String> knownGoldenFailures() {
        ZstdFfmBindings.Handles h = ZstdFfmBindings.binding().handles();
        if (h == null || ZstdKnownBugs.check(h).isEmpty()) {
            return Set.of();
        }
        return Set.of("zeroSeq_2B.zst", "off0.bin.zst", "truncated_huff_state.zst");
    }
}
