package dev.arsenal.spi.crypto;

import dev.arsenal.crypto.Aead;
import java.util.Arrays;
import java.util.SplittableRandom;
import javax.crypto.AEADBadTagException;

/**
 * A constant-time check in the manner of dudect (Reparaz, Balasch and Verbauwhede, "Dude, is my
 * code constant time?", DATE 2017): an operation is timed many times on inputs of two classes,
 * chosen at random for each measurement (so that drift, the JIT, the collector and a busy machine
 * fall on both alike), and Welch's t-test says whether the two timing distributions differ. As
 * dudect does, the test is also run on the measurements below several percentiles (cropping the
 * long tail that interrupts add), and the largest |t| is the answer: above 10, the operation's time
 * depends on the class; below 4.5, no dependence was seen at this number of measurements (a longer
 * run sees smaller ones).
 *
 * <p>Each measurement times {@code batch} calls, so that the clock's granularity ({@link
 * System#nanoTime}, tens of nanoseconds) is small beside it. The inputs must be made before, and
 * be of the same shapes in both classes, so that only what the operation does with them differs.
 *
 * <p>Sized by counts, never by time. The unit tests run about 20,000 measurements per operation;
 * {@code -Darsenal.dudect.measurements=2000000} runs the long check on demand.
 */
public final class Dudect {
    /** dudect's threshold for a dependence found beyond doubt. */
    public static final double LEAK = 10;

    /** The operation measured: a call on input {@code index} of the class {@code fixed} or random. */
    @FunctionalInterface
    public interface Operation {
        /** Runs the operation once on input {@code index} of its class. */
        void run(boolean fixed, int index);
    }

    private Dudect() {}

    /** The number of measurements: {@code arsenal.dudect.measurements}, else {@code defaults}. */
    public static int measurements(int defaults) {
        return Integer.getInteger("arsenal.dudect.measurements", defaults);
    }

    /** Keeps the results of {@link #aeadOpening} alive, so that the calls are not compiled away. */
    private static volatile int sink;

    /**
     * The largest |t| for opening 16 sealed 64-byte messages forged in the tag's last byte (one
     * class) or its first (the other): a tag check that stops at the first difference is seen.
     *
     * @param aead the AEAD under test
     * @param measurements how many measurements (of two openings each)
     */
    public static double aeadOpening(Aead aead, int measurements) {
        int inputs = 16;
        byte[] nonce = new byte[aead.algorithm().nonceBytes()];
        SplittableRandom r = new SplittableRandom(5);
        byte[][][] forged = new byte[inputs][][];
        for (int i = 0; i < inputs; i++) {
            byte[] message = new byte[64];
            r.nextBytes(message);
            byte[] sealed = aead.encrypt(nonce, message, null);
            byte[] last = sealed.clone();
            last[last.length - 1] ^= 1;
            byte[] first = sealed.clone();
            first[first.length - 16] ^= 1;
            forged[i] = new byte[][] {last, first};
        }
        return maxAbsT(measurements, 2, inputs, (fixed, i) -> {
            try {
                sink += aead.decrypt(nonce, forged[i][fixed ? 0 : 1], null).length;
            } catch (AEADBadTagException expected) {
                sink++;
            }
        });
    }

    /**
     * The largest |t| of Welch's test over the measurements and their crops at the 50th to 99th
     * percentiles.
     *
     * @param measurements how many measurements
     * @param batch calls per measurement
     * @param inputs how many inputs each class has (indexes 0 to {@code inputs - 1})
     * @param operation what is timed
     */
    public static double maxAbsT(int measurements, int batch, int inputs, Operation operation) {
        SplittableRandom random = new SplittableRandom(0xD0DEC7L);
        for (int i = 0; i < Math.max(2000, measurements / 10); i++) { // compiled before measured
            operation.run((i & 1) == 0, i % inputs);
        }
        // the plan first, as dudect prepares its inputs: no choice is made while the clock runs
        boolean[] classes = new boolean[measurements];
        int[] firsts = new int[measurements];
        for (int m = 0; m < measurements; m++) {
            classes[m] = random.nextBoolean();
            firsts[m] = random.nextInt(inputs);
        }
        long[] times = new long[measurements];
        for (int m = 0; m < measurements; m++) {
            boolean fixed = classes[m];
            int first = firsts[m];
            long start = System.nanoTime();
            for (int k = 0; k < batch; k++) {
                operation.run(fixed, (first + k) % inputs);
            }
            times[m] = System.nanoTime() - start;
        }
        long[] sorted = times.clone();
        Arrays.sort(sorted);
        double max = 0;
        for (double percentile : new double[] {1.0, 0.99, 0.95, 0.9, 0.75, 0.5}) {
            long cut = sorted[Math.min(sorted.length - 1, (int) (percentile * (sorted.length - 1)))];
            max = Math.max(max, Math.abs(welch(times, classes, cut)));
        }
        return max;
    }

    /** Welch's t of the measurements at most {@code cut}, class against class. */
    private static double welch(long[] times, boolean[] classes, long cut) {
        double[] n = new double[2];
        double[] mean = new double[2];
        double[] m2 = new double[2];
        for (int i = 0; i < times.length; i++) {
            if (times[i] > cut) {
                continue;
            }
            int c = classes[i] ? 0 : 1;
            n[c]++;
            double delta = times[i] - mean[c];
            mean[c] += delta / n[c];
            m2[c] += delta * (times[i] - mean[c]); // Welford's online variance
        }
        if (n[0] < 2 || n[1] < 2) {
            return 0;
        }
        double v0 = m2[0] / (n[0] - 1);
        double v1 = m2[1] / (n[1] - 1);
        double se = Math.sqrt(v0 / n[0] + v1 / n[1]);
        return se == 0 ? 0 : (mean[0] - mean[1]) / se;
    }
}
