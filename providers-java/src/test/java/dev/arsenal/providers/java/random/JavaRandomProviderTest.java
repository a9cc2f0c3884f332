package dev.arsenal.providers.java.random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arsenal.random.RandomAlgorithm;
import dev.arsenal.random.SeededRandom;
import dev.arsenal.spi.random.Generators;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The Java random provider: every algorithm self-tests, and gives the SPI's reference sequences. */
class JavaRandomProviderTest {
    private final JavaRandomProvider provider = new JavaRandomProvider();

    @ParameterizedTest
    @EnumSource(RandomAlgorithm.class)
    void selfTestsAndGivesTheReferenceSequence(RandomAlgorithm algorithm) {
        assertTrue(provider.algorithms().contains(algorithm));
        assertTrue(
                provider.selfTest(algorithm).passed(),
                () -> provider.selfTest(algorithm).toString());
        SeededRandom mine = provider.generator(algorithm, -3);
        SeededRandom reference = Generators.fromSeed(algorithm, -3);
        for (int i = 0; i < 1000; i++) {
            assertEquals(reference.nextLong(), mine.nextLong(), algorithm.id() + " output " + i);
        }
        assertEquals(algorithm, mine.algorithm());
    }
}
