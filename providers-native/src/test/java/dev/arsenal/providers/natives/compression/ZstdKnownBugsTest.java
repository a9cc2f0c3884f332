package dev.arsenal.providers.natives.compression;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arsenal.ArsenalRuntime;
import dev.arsenal.Configuration;
import dev.arsenal.Strategy;
import dev.arsenal.compression.Codec;
import dev.arsenal.engine.EngineRuntimeFactory;
import dev.arsenal.engine.platform.PlatformDetector;
import dev.arsenal.providers.java.compression.JavaCompressionProvider;
import dev.arsenal.report.ProviderReport;
import dev.arsenal.spi.compression.ZstdGoldenFiles;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * native-zstd recognises a libzstd whose decoder fails zstd's golden files (libzstd before 1.5.5;
 * Debian 12's 1.5.4, which this machine has), ranks itself below java-compression and says why in
 * its description, which {@code arsenal info} shows; a later libzstd passes and ranks as before.
 */
class ZstdKnownBugsTest {
    private static final ZstdFfmProvider PROVIDER = new ZstdFfmProvider();

    @Test
    void theProbesFramesAreTheGoldenFiles() {
        for (ZstdKnownBugs.Golden g : ZstdKnownBugs.GOLDEN) {
            ZstdGoldenFiles.Golden file = ZstdGoldenFiles.named(g.name());
            assertArrayEquals(file.bytes(), g.frame(), g.name());
            assertArrayEquals(file.content(), g.content(), g.name());
        }
    }

    @Test
    void aLibzstdBefore155IsRecognisedAndRankedBelowJava() {
        Tools.assumeAvailable("libzstd through FFM", PROVIDER.probe(null));
        int version = version(PROVIDER.description());
        Optional<String> bugs = PROVIDER.knownDecoderBugs();
        JavaCompressionProvider java = new JavaCompressionProvider();
        if (version >= 10505) {
            assertTrue(bugs.isEmpty(), () -> "libzstd " + version + ": " + bugs);
            assertEquals(190, PROVIDER.rank(Codec.ZSTD, Strategy.BALANCED));
            return;
        }
        assertEquals(
                Optional.of("refuses the valid zeroSeq_2B.zst; decodes the corrupt off0.bin.zst,"
                        + " truncated_huff_state.zst, zeroSeq_extraneous.zst"),
                bugs);
        for (Strategy s : Strategy.values()) {
            assertTrue(
                    PROVIDER.rank(Codec.ZSTD, s) < java.rank(Codec.ZSTD, s),
                    () -> s + ": " + PROVIDER.rank(Codec.ZSTD, s) + " against java's " + java.rank(Codec.ZSTD, s));
        }
        assertTrue(
                PROVIDER.description().contains("ranked below java-compression (90): its decoder has known bugs"),
                PROVIDER.description());

        // The engine: zstd goes to java-compression, and the report says why native-zstd did not get it.
        ArsenalRuntime runtime = EngineRuntimeFactory.create(
                Configuration.defaults(), PlatformDetector.detect(), List.of(java, PROVIDER), List.of());
        var decision = runtime.report().decision("zstd").orElseThrow();
        assertEquals(JavaCompressionProvider.ID, decision.provider().orElseThrow(), decision::toString);
        ProviderReport native_ = runtime.report().providers().stream()
                .filter(p -> p.id().equals(ZstdFfmProvider.ID))
                .findFirst()
                .orElseThrow();
        assertTrue(native_.reason().contains("known bugs"), native_::reason);
        assertTrue(native_.reason().contains("zeroSeq_2B.zst"), native_::reason);
    }

    /**
     * The frame of zeroSeq_extraneous.zst, which libzstd 1.5.4 decodes, is refused by native-zstd in
     * every form all the same ({@link ZstdFrameCheck}), at its block.
     */
    @Test
    void bytesAfterNoSequencesAreRefusedWhateverTheLibrary() {
        Tools.assumeAvailable("libzstd through FFM", PROVIDER.probe(null));
        byte[] frame = ZstdGoldenFiles.named("zeroSeq_extraneous.zst").bytes();
        var d = PROVIDER.decompressor(Codec.ZSTD);
        var e = org.junit.jupiter.api.Assertions.assertThrows(
                dev.arsenal.compression.MalformedInputException.class, () -> d.decompress(frame, 100));
        assertTrue(e.reason().contains("after a sequences section of no sequences"), e.getMessage());
        assertEquals(6, e.offset(), e.getMessage());
    }

    /** MAJOR * 10000 + MINOR * 100 + RELEASE from "libzstd 1.5.4 (...)". */
    private static int version(String description) {
        Matcher m = Pattern.compile("libzstd (\\d+)\\.(\\d+)\\.(\\d+)").matcher(description);
        assertTrue(m.find(), description);
        return Integer.parseInt(m.group(1)) * 10000 + Integer.parseInt(m.group(2)) * 100 + Integer.parseInt(m.group(3));
    }
}
