package dev.arsenal.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The options of {@code arsenal calibrate} and {@code bench}: {@code --budget} takes what the key
 * {@code arsenal.calibration.budget} takes, through the same parser, with bare numbers in seconds.
 */
class MeasureCommandsTest {
    private static Duration budget(String value) {
        return MeasureCommands.Options.parse(List.of("--budget", value), false, 10)
                .budget();
    }

    @Test
    void theBudgetTakesWhatTheConfigurationKeyTakes() {
        assertEquals(Duration.ofSeconds(2), budget("PT2S"));
        assertEquals(Duration.ZERO, budget("0"));
        assertEquals(Duration.ofMillis(2500), budget("2.5s"));
        assertEquals(Duration.ofMillis(1500), budget("1500ms"));
        assertEquals(Duration.ofSeconds(10), budget("10"), "a bare number is seconds on the command line");
        assertEquals(Duration.ofMillis(300), budget("0.3"));
        assertEquals(
                Duration.ofSeconds(10),
                MeasureCommands.Options.parse(List.of(), false, 10).budget(),
                "the default");
    }

    @Test
    void aBadBudgetSaysWhatIsAccepted() {
        for (String bad : List.of("-1", "PT-2S", "soon", "2 minutes")) {
            var e = assertThrows(UsageException.class, () -> budget(bad));
            assertTrue(
                    e.getMessage().startsWith("bad --budget '" + bad + "': expected seconds (10, 2.5)"),
                    e.getMessage());
            assertTrue(e.getMessage().contains("PT2S") && e.getMessage().contains("zero or more"), e.getMessage());
        }
    }

    @Test
    void theStartLineSaysWhatABudgetOfZeroMeans() {
        assertEquals(" for about 2.5 s", MeasureCommands.about(Duration.ofMillis(2500)));
        assertTrue(MeasureCommands.about(Duration.ZERO).contains("minimum"), MeasureCommands.about(Duration.ZERO));
    }

    @Test
    void benchWithABudgetOfZeroMeasuresEveryCellOnce() {
        MainTest.Run r = MainTest.run("bench", "hashing", "--budget", "0");
        assertEquals(Main.OK, r.status(), r.err());
        assertTrue(r.out().contains("xxh3") && r.out().contains("1 MiB"), r.out());
    }

    @Test
    void benchRandomFillsBytesWithEveryGenerator() {
        MainTest.Run r = MainTest.run("bench", "random", "--budget", "0");
        assertEquals(Main.OK, r.status(), r.err());
        for (String algorithm : new String[] {"splitmix64", "pcg32", "pcg64", "xoshiro256++", "xoshiro256**"}) {
            assertTrue(r.out().contains(algorithm + " "), algorithm + " in\n" + r.out());
        }
        assertTrue(r.out().contains("java-random"), r.out());
    }
}
