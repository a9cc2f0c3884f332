package dev.arsenal.platform;

/**
 * The machine and VM Arsenal is running on: what providers are probed against.
 *
 * @param cpu the CPU
 * @param jvm the JVM
 */
public record PlatformInfo(CpuInfo cpu, JvmInfo jvm) {}
