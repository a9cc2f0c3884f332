package dev.arsenal.report;

import dev.arsenal.Family;
import dev.arsenal.ProviderKind;
import java.util.List;

/**
 * A provider as the engine found it.
 *
 * @param id the provider's id ({@code java-hashing})
 * @param kind java, native or simd
 * @param family the family it serves
 * @param algorithms the ids of the algorithms it implements
 * @param requirements what it needs, for people ({@code cpu feature avx2}, {@code module
 *     jdk.incubator.vector})
 * @param available whether it can run here
 * @param reason why it is unavailable, or a short description of what it uses when available
 */
public record ProviderReport(
        String id,
        ProviderKind kind,
        Family family,
        List<String> algorithms,
        List<String> requirements,
        boolean available,
        String reason) {
    /** Copies the lists. */
    public ProviderReport {
        algorithms = List.copyOf(algorithms);
        requirements = List.copyOf(requirements);
    }
}
