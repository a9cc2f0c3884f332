package dev.arsenal.engine;

import java.util.List;

/**
 * The input sizes at which providers are ranked and measured, 16 B to 1 MiB by powers of four: a
 * native call's fixed cost dominates at the small end, memory bandwidth at the large end.
 */
final class SizeClasses {
    static final List<Long> SIZES = dev.arsenal.engine.calibration.Calibrator.SIZES;

    /** The size whose winner serves bulk input ({@link dev.arsenal.Strategy#THROUGHPUT}'s choice). */
    static final long BULK = 1L << 20;

    /** The size quoted in measured reasons. */
    static final long QUOTED = 65536L;

    private SizeClasses() {}
}
