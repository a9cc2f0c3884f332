package dev.arsenal.spi;

import dev.arsenal.platform.PlatformInfo;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Something a provider needs from the machine or the JVM. The engine checks every requirement
 * before it calls {@link Provider#probe}, so a provider's probe can assume them; each failed check
 * becomes the provider's unavailability cause.
 */
public sealed interface Requirement {
    /**
     * Checks the requirement.
     *
     * @return empty if met, else why not
     */
    Optional<String> check(PlatformInfo platform);

    /** A CPU feature as named in {@code /proc/cpuinfo} ({@code avx2}, {@code asimd}). */
    record CpuFeature(String name) implements Requirement {
        @Override
        public Optional<String> check(PlatformInfo platform) {
            return platform.cpu().has(name) ? Optional.empty() : Optional.of("CPU feature " + name + " not detected");
        }

        @Override
        public String toString() {
            return "cpu feature " + name;
        }
    }

    /**
     * One of the operating systems and one of the architectures; an empty set accepts any.
     *
     * @param os lower-case prefixes of {@code os.name} ({@code linux}, {@code mac}, {@code windows})
     * @param arch values of {@code os.arch} ({@code amd64}, {@code aarch64})
     */
    record OsArch(Set<String> os, Set<String> arch) implements Requirement {
        @Override
        public Optional<String> check(PlatformInfo platform) {
            String osName = platform.cpu().os().toLowerCase(Locale.ROOT);
            boolean osOk = os.isEmpty() || os.stream().anyMatch(osName::startsWith);
            boolean archOk = arch.isEmpty() || arch.contains(platform.cpu().arch());
            return osOk && archOk
                    ? Optional.empty()
                    : Optional.of("needs " + this + ", running on " + osName + "/"
                            + platform.cpu().arch());
        }

        @Override
        public String toString() {
            return "os " + (os.isEmpty() ? "any" : String.join("|", os)) + " arch "
                    + (arch.isEmpty() ? "any" : String.join("|", arch));
        }
    }

    /** A JDK module that must be readable, such as {@code jdk.incubator.vector}. */
    record JdkModule(String name) implements Requirement {
        @Override
        public Optional<String> check(PlatformInfo platform) {
            return ModuleLayer.boot().findModule(name).isPresent()
                    ? Optional.empty()
                    : Optional.of("module " + name + " not in the boot layer (start the JVM with --add-modules " + name
                            + ")");
        }

        @Override
        public String toString() {
            return "module " + name;
        }
    }

    /**
     * A native library the provider loads. Informational for the engine: loading it is the
     * provider's {@link Provider#probe}, which reports the precise failure.
     *
     * @param name the library's name ({@code libxxhash.so.0})
     */
    record NativeLibrary(String name) implements Requirement {
        @Override
        public Optional<String> check(PlatformInfo platform) {
            return Optional.empty();
        }

        @Override
        public String toString() {
            return "native library " + name;
        }
    }
}
