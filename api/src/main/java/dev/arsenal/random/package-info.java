/**
 * Pseudo-random generators: SplitMix64, PCG32, PCG64, xoshiro256++ and xoshiro256**, as JDK
 * {@link java.util.random.RandomGenerator}s whose raw outputs are their reference code's. Start at
 * {@link dev.arsenal.random.Randoms}.
 */
@Export
@Version("1.0.0")
package dev.arsenal.random;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
