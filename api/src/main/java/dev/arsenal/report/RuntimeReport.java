package dev.arsenal.report;

import dev.arsenal.Strategy;
import dev.arsenal.platform.PlatformInfo;
import java.util.List;
import java.util.Optional;

/**
 * Everything a runtime knows about its choices: the platform, the providers, one decision per
 * algorithm, and the configuration it used.
 *
 * @param platform the detected CPU and JVM
 * @param strategy the strategy in force
 * @param providers every provider discovered
 * @param selection one decision per algorithm
 * @param configurationSources where configuration came from, lowest precedence first
 * @param warnings configuration keys that were ignored, calibration files that were stale, with why
 * @param calibration the calibration the choices were measured by, if one was used
 */
public record RuntimeReport(
        PlatformInfo platform,
        Strategy strategy,
        List<ProviderReport> providers,
        List<Decision> selection,
        List<String> configurationSources,
        List<String> warnings,
        Optional<Calibration> calibration) {
    /** Copies the lists. */
    public RuntimeReport {
        providers = List.copyOf(providers);
        selection = List.copyOf(selection);
        configurationSources = List.copyOf(configurationSources);
        warnings = List.copyOf(warnings);
    }

    /** The decision for an algorithm id, if the algorithm is known. */
    public Optional<Decision> decision(String algorithm) {
        return selection.stream().filter(d -> d.algorithm().equals(algorithm)).findFirst();
    }
}
