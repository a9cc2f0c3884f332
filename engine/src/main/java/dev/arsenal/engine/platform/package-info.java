/**
 * Platform detection: what the CPU offers and what the running JVM will use of it.
 *
 * <p>{@link dev.arsenal.engine.platform.PlatformDetector#detect()} combines four sources and
 * records each fact with where it came from: Linux's {@code /proc/cpuinfo} (what the CPU has),
 * HotSpot's own flags (what the JIT will really use: a CPU may have AVX-512 while {@code
 * -XX:UseAVX=2} keeps the JIT off it), the Vector API's preferred shape, and the OS's cache
 * description in sysfs. The parsing is done by pure functions in package-private classes, so
 * tests feed them recorded text instead of depending on the machine they run on.
 */
package dev.arsenal.engine.platform;
