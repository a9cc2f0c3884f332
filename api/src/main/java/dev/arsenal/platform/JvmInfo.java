package dev.arsenal.platform;

/**
 * What was detected about the running JVM, for providers whose code needs a particular VM.
 *
 * @param version {@code java.version}
 * @param vendor {@code java.vendor}
 * @param vmName {@code java.vm.name}
 * @param hotspot whether the VM is HotSpot (the Vector API is only fast there)
 * @param c2 whether the optimizing JIT (C2) is on: not {@code -XX:TieredStopAtLevel} below 4, not
 *     interpreted-only
 * @param vectorApi whether the module {@code jdk.incubator.vector} is readable
 * @param preferredVectorBits the Vector API's preferred species size in bits, 0 when not readable
 */
public record JvmInfo(
        String version,
        String vendor,
        String vmName,
        boolean hotspot,
        boolean c2,
        boolean vectorApi,
        int preferredVectorBits) {}
