package dev.arsenal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arsenal.compression.Codec;
import dev.arsenal.hashing.HashAlgorithm;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where values come from: environment names of every algorithm, and what the program set. */
class ConfigurationSourcesTest {
    @TempDir
    Path dir;

    @Test
    void everyAlgorithmHasAnEnvironmentName() {
        for (Algorithm a : new Algorithm[] {
            HashAlgorithm.XXH3_64,
            HashAlgorithm.XXH3_128,
            HashAlgorithm.CRC32C,
            Codec.ZSTD_SHUFFLE,
            Codec.LZ4_SHUFFLE,
            Codec.LZ4_BLOCK,
            Codec.ZSTD
        }) {
            String variable = "ARSENAL_PROVIDER_"
                    + a.id().toUpperCase(java.util.Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
            assertEquals(Configuration.PROVIDER_PREFIX + a.id(), Configuration.environmentKey(variable), variable);
        }
        assertEquals("arsenal.provider.zstd+shuffle", Configuration.environmentKey("ARSENAL_PROVIDER_ZSTD_SHUFFLE"));
        assertEquals("arsenal.provider.lz4-block", Configuration.environmentKey("ARSENAL_PROVIDER_LZ4_BLOCK"));
        assertEquals("arsenal.provider.xxh3", Configuration.environmentKey("ARSENAL_PROVIDER_XXH3"));
        assertEquals("arsenal.provider.xxh32", Configuration.environmentKey("ARSENAL_PROVIDER_XXH32"));
        // Other keys, and names of no algorithm, map plainly (the engine's error names the latter).
        assertEquals("arsenal.disabled.kinds", Configuration.environmentKey("ARSENAL_DISABLED_KINDS"));
        assertEquals("arsenal.provider.md5.x", Configuration.environmentKey("ARSENAL_PROVIDER_MD5_X"));
    }

    @Test
    void aShuffleProviderFromTheEnvironmentNamesItsVariable() {
        Configuration c = Configuration.load(
                Map.of("user.home", dir.toString()), Map.of("ARSENAL_PROVIDER_ZSTD_SHUFFLE", "java-shuffle"));
        assertEquals("java-shuffle", c.forcedProvider("zstd+shuffle").orElseThrow());
        Configuration.Source source = c.sourceOf("arsenal.provider.zstd+shuffle");
        assertEquals("environment ARSENAL_PROVIDER_ZSTD_SHUFFLE", source.description());
        assertFalse(source.byProgram(), "the deployment set it");
        assertTrue(c.warnings().isEmpty(), c.warnings().toString());
    }

    @Test
    void theProgramsOwnSettingsSaySo() {
        Configuration c = Configuration.load(Map.of("user.home", dir.toString()), Map.of())
                .withForcedProvider(HashAlgorithm.XXH3_64, "java-hashing", "--provider");
        Configuration.Source source = c.sourceOf("arsenal.provider.xxh3");
        assertEquals("--provider", source.toString());
        assertTrue(source.byProgram());
        assertTrue(c.describe("arsenal.provider.xxh3").contains("(--provider)"), c.describe("arsenal.provider.xxh3"));
        assertTrue(c.sources().contains("--provider"), c.sources().toString());

        Configuration api = Configuration.defaults().withForcedProvider(Codec.ZSTD, "zstd-jni");
        assertTrue(api.sourceOf("arsenal.provider.zstd").byProgram());
        assertEquals("API", api.sourceOf("arsenal.provider.zstd").description());
        assertFalse(Configuration.defaults().sourceOf("arsenal.provider.zstd").byProgram());
        assertFalse(api.overriddenBy(Map.of("arsenal.provider.zstd", "native-zstd"), "OSGi configuration dev.arsenal")
                .sourceOf("arsenal.provider.zstd")
                .byProgram());
    }
}
