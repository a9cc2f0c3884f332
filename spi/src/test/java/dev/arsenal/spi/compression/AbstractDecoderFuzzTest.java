package dev.arsenal.spi.compression;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.arsenal.compression.Codec;
import dev.arsenal.platform.CpuInfo;
import dev.arsenal.platform.JvmInfo;
import dev.arsenal.platform.PlatformInfo;
import dev.arsenal.spi.Availability;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Coverage-guided fuzzing (Jazzer) of one codec of one provider: its decoder on hostile input and
 * its round trip, as {@link DecoderFuzzing} describes. A fuzz test per provider and codec extends
 * this class and names the two; it is skipped when the provider is unavailable (failed instead
 * under {@code -Darsenal.test.requireNative=true}).
 *
 * <p>Two modes, as Jazzer's JUnit integration has them:
 *
 * <ul>
 *   <li>Regression (the default): {@link #fuzz} runs once on each seed ({@link
 *       DecoderFuzzing#seeds}, made at test time) and on each file kept under {@code
 *       src/test/resources/<package>/<TestClass>Inputs/fuzz/}: the inputs that once were findings.
 *   <li>Fuzzing ({@code JAZZER_FUZZ=1}): the same, then libFuzzer mutates the seeds, guided by the
 *       coverage of the instrumented classes, for the time the build gives it. A finding fails the
 *       test and leaves a {@code crash-<sha1>} file behind; to keep it as a regression input, move it
 *       into the {@code Inputs/fuzz/} directory above. Jazzer fuzzes only one fuzz test per JVM,
 *       which is why each provider and codec is its own test class (the build forks a JVM for each).
 * </ul>
 *
 * <p>The build (the parent pom's {@code fuzz} execution of Surefire, bound in the provider modules)
 * runs every {@code *FuzzTest} in fuzzing mode for {@code arsenal.fuzz.seconds} (5) each; the unit
 * test execution leaves them out. A longer campaign on one target: {@code mvn -pl providers-native
 * test -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false -Darsenal.fuzz.tests=ZstdFfmFuzzTest
 * -Darsenal.fuzz.seconds=600}; its corpus grows under {@code target/fuzz/.cifuzz-corpus}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class AbstractDecoderFuzzTest {
    private static final boolean REQUIRE_NATIVE = Boolean.getBoolean("arsenal.test.requireNative");

    private DecoderFuzzing fuzzing;

    /** The provider under test; called once per test class. */
    protected abstract CompressionProvider provider();

    /** The codec of {@link #provider()} under test. */
    protected abstract Codec codec();

    @BeforeAll
    void setUp() {
        CompressionProvider provider = provider();
        Availability availability = provider.probe(platform());
        if (!availability.isAvailable()) {
            String message = provider.id() + " is unavailable: " + availability.cause();
            if (REQUIRE_NATIVE) {
                fail(
                        message + " (arsenal.test.requireNative=true)",
                        availability.error().orElse(null));
            }
            assumeTrue(false, message);
        }
        fuzzing = new DecoderFuzzing(provider, codec());
    }

    /** The seeds, named; Jazzer records them as the start of its corpus when fuzzing. */
    Stream<Arguments> seeds() throws IOException {
        return fuzzing.seeds().stream().map(e -> Arguments.of(Named.of(e.getKey(), e.getValue())));
    }

    // @FuzzTest must come last: Jazzer records the seeds of the argument sources before it.
    // maxDuration is the fallback; the build passes its own budget (see the providers' poms).
    @MethodSource("seeds")
    @FuzzTest(maxDuration = "10s")
    void fuzz(byte[] input) {
        fuzzing.check(input);
    }

    /** A platform description for {@link CompressionProvider#probe}; no CPU features are needed. */
    private static PlatformInfo platform() {
        CpuInfo cpu = new CpuInfo(
                System.getProperty("os.name").toLowerCase(Locale.ROOT),
                System.getProperty("os.arch"),
                "",
                Runtime.getRuntime().availableProcessors(),
                List.of(),
                List.of(),
                List.of("not detected by the fuzz test"));
        JvmInfo jvm = new JvmInfo(
                System.getProperty("java.version"),
                System.getProperty("java.vendor"),
                System.getProperty("java.vm.name"),
                true,
                true,
                false,
                0);
        return new PlatformInfo(cpu, jvm);
    }
}
