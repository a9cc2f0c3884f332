package dev.arsenal.spi;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.time.Duration;
import org.junit.jupiter.api.function.Executable;

/**
 * A guard against hangs for tests whose work is bounded by counts (every truncation of a frame,
 * every byte changed): the body runs under a generous time-out that only a hang can reach on a
 * slow, busy machine, and a hang fails with a dump of every thread, so it says where it hung. Never
 * a measure of speed: timings belong in the benchmarks.
 */
public final class HangGuard {
    /** Far beyond what any guarded body takes on a loaded 2-core machine (seconds there). */
    public static final Duration GENEROUS = Duration.ofMinutes(3);

    private HangGuard() {}

    /** Runs {@code body}, failing with a thread dump if it has not finished after {@link #GENEROUS}. */
    public static void finishes(Executable body) {
        assertTimeoutPreemptively(GENEROUS, body, HangGuard::threadDump);
    }

    /** "hung: " and the stack of every live thread, as jstack would show them. */
    public static String threadDump() {
        StringBuilder dump = new StringBuilder("hung for " + GENEROUS.toSeconds() + " s; threads:\n");
        for (ThreadInfo t : ManagementFactory.getThreadMXBean().dumpAllThreads(true, true)) {
            dump.append('"').append(t.getThreadName()).append("\" ").append(t.getThreadState());
            if (t.getLockName() != null) {
                dump.append(" on ").append(t.getLockName());
            }
            dump.append('\n');
            for (StackTraceElement e : t.getStackTrace()) {
                dump.append("    at ").append(e).append('\n');
            }
        }
        return dump.toString();
    }
}
