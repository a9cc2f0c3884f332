package dev.arsenal.engine;

import dev.arsenal.Algorithm;
import dev.arsenal.engine.calibration.DecisionStore;
import dev.arsenal.platform.PlatformInfo;
import dev.arsenal.report.Decision;
import dev.arsenal.spi.Provider;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A runtime's link to the {@linkplain DecisionStore stored decisions}: takes the one stored for an
 * algorithm when it holds ({@link Selector#decideStored}) and stores each decision made afresh, so
 * that the next start with the same signature finds it. {@link #NONE} for runtimes that store
 * nothing (OSGi, a container's fixed providers, {@code arsenal.decisions=off}).
 */
final class StoredDecisions {
    /** Nothing stored, nothing taken. */
    static final StoredDecisions NONE = new StoredDecisions(null, "", Optional.empty());

    private final Path file;
    private final String signature;
    private final Optional<DecisionStore.Section> section;

    /**
     * @param file the store; {@code null} for none
     * @param signature this start's {@linkplain dev.arsenal.engine.calibration.StartSignature signature}
     * @param section what the store holds for it
     */
    StoredDecisions(Path file, String signature, Optional<DecisionStore.Section> section) {
        this.file = file;
        this.signature = signature;
        this.section = section;
    }

    /** The platform the stored section was made on, if there is one: this start's, by its signature. */
    Optional<PlatformInfo> platform() {
        return section.map(DecisionStore.Section::platform);
    }

    /** The stored decision of {@code algorithm}, taken by {@code selector} if it holds. */
    Optional<Selector.Decided> take(Selector selector, Algorithm algorithm) {
        return section.flatMap(s -> Optional.ofNullable(s.decisions().get(algorithm.id()))
                .flatMap(d -> selector.decideStored(algorithm, d, s.providerClasses())));
    }

    /**
     * Stores {@code decided}, made afresh on {@code platform}, when it chose providers by rank or
     * measurement (a forced choice or none has nothing to save). A store that cannot be written is
     * skipped quietly: the next start decides afresh.
     */
    void record(Selector.Decided decided, PlatformInfo platform) {
        Decision d = decided.decision();
        if (file == null
                || decided.route().isEmpty()
                || d.basis() == Decision.Basis.FORCED
                || d.basis() == Decision.Basis.NONE) {
            return;
        }
        Route route = decided.route().get();
        Map<String, String> classes = new LinkedHashMap<>();
        for (Provider p : new Provider[] {route.small(), route.large()}) {
            classes.put(p.id(), p.getClass().getName());
        }
        try {
            DecisionStore.save(file, signature, platform, classes, d);
        } catch (IOException | RuntimeException e) {
            // A read-only home, a full disk: nothing is lost but the next start's time.
        }
    }
}
