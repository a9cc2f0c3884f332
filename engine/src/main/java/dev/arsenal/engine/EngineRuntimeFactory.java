package dev.arsenal.engine;

import aQute.bnd.annotation.Resolution;
import aQute.bnd.annotation.spi.ServiceProvider;
import dev.arsenal.ArsenalRuntime;
import dev.arsenal.Configuration;
import dev.arsenal.RuntimeFactory;
import dev.arsenal.engine.calibration.CalibrationStore;
import dev.arsenal.engine.calibration.DecisionStore;
import dev.arsenal.engine.calibration.MachineSignature;
import dev.arsenal.engine.calibration.StartSignature;
import dev.arsenal.engine.platform.PlatformDetector;
import dev.arsenal.platform.PlatformInfo;
import dev.arsenal.report.Calibration;
import dev.arsenal.spi.FamilyDescriptor;
import dev.arsenal.spi.Provider;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * The engine's entry: discovers providers with {@link java.util.ServiceLoader}, detects the
 * platform once per process, loads a stored calibration when the configuration allows, and builds
 * a {@link SelectingRuntime}.
 *
 * <p>Calibration modes ({@code arsenal.calibration}): {@code off} ignores stored measurements;
 * {@code auto} (the default) uses a valid stored table, and rebuilds one that is corrupt or stale
 * (another CPU, JDK or Arsenal version) with one warning; {@code measure} also measures when there
 * is no table yet. Measuring takes about {@code arsenal.calibration.budget} (2 s by default).
 */
@ServiceProvider(value = RuntimeFactory.class, resolution = Resolution.OPTIONAL)
public final class EngineRuntimeFactory implements RuntimeFactory {
    /**
     * The platform, detected once per process on a thread of its own, started when this class is
     * first used: reading HotSpot's flags through JMX and asking the Vector API for its shape take
     * some 30-45 ms of a first use, which then overlap with finding the providers.
     */
    private static final class PlatformHolder {
        private static final FutureTask<PlatformInfo> DETECTION = new FutureTask<>(PlatformDetector::detect);

        static {
            try {
                Thread detector = new Thread(DETECTION, "arsenal-platform-detection");
                detector.setDaemon(true);
                detector.start();
            } catch (RuntimeException | Error e) {
                // No thread (a restricted environment): the first get runs the detection itself.
            }
        }

        /** Starts the detection, if this is the first use. */
        static void start() {}

        /** The platform: waits for the detection, or runs it here if its thread never started. */
        static PlatformInfo get() {
            DETECTION.run(); // does nothing once the task has started, on this thread or another
            boolean interrupted = false;
            try {
                while (true) {
                    try {
                        return DETECTION.get();
                    } catch (InterruptedException e) {
                        interrupted = true;
                    }
                }
            } catch (ExecutionException e) {
                throw new IllegalStateException("platform detection failed", e.getCause()); // it never throws
            } finally {
                if (interrupted) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }

    /** Called by {@link java.util.ServiceLoader}. */
    public EngineRuntimeFactory() {}

    /**
     * A runtime over the providers {@link java.util.ServiceLoader} finds. With a {@linkplain
     * DecisionStore stored} section for this start's {@linkplain StartSignature signature}, the
     * platform is the stored one and each algorithm's stored decision is taken after checking the
     * providers it names; without, the platform is detected (on its own thread, while the providers
     * are found) and each decision made afresh is stored.
     */
    @Override
    public ArsenalRuntime create(Configuration configuration) {
        Providers providers = ProviderDiscovery.discoverLazily(EngineRuntimeFactory.class.getClassLoader());
        StoredDecisions stored = StoredDecisions.NONE;
        if (configuration.storesDecisions()) {
            String signature = StartSignature.of(configuration);
            stored = new StoredDecisions(
                    configuration.decisionsFile(),
                    signature,
                    DecisionStore.load(configuration.decisionsFile(), signature));
        }
        PlatformInfo platform;
        if (stored.platform().isPresent()) {
            platform = stored.platform().get();
        } else {
            PlatformHolder.start();
            providers.problems(); // finds the providers while the platform is detected
            platform = PlatformHolder.get();
        }
        return select(configuration, platform, providers, new ProviderChecks(), true, stored)
                .logging();
    }

    /**
     * Builds a runtime from explicit providers and platform, for tests and for containers that
     * find providers themselves.
     */
    public static ArsenalRuntime create(
            Configuration configuration,
            PlatformInfo platform,
            List<? extends Provider> providers,
            List<String> problems) {
        return select(configuration, platform, providers, problems, new ProviderChecks(), true)
                .logging();
    }

    /** The platform this process runs on, detected once. */
    static PlatformInfo platform() {
        return PlatformHolder.get();
    }

    /**
     * A runtime that decides each family on first use with the stored calibration the configuration allows. With {@code
     * mayMeasure}, a missing ({@code measure} mode), corrupt or stale table is measured again and
     * stored; without, it is only reported (a container does not wait seconds for a measurement
     * while a bundle starts).
     */
    static SelectingRuntime select(
            Configuration configuration,
            PlatformInfo platform,
            List<? extends Provider> providers,
            List<String> problems,
            ProviderChecks checks,
            boolean mayMeasure) {
        return select(
                configuration,
                platform,
                Providers.fixed(providers, problems),
                checks,
                mayMeasure,
                StoredDecisions.NONE);
    }

    /**
     * As {@link #select(Configuration, PlatformInfo, List, List, ProviderChecks, boolean)}, over
     * providers made as needed, taking and storing decisions through {@code stored}.
     */
    static SelectingRuntime select(
            Configuration configuration,
            PlatformInfo platform,
            Providers providers,
            ProviderChecks checks,
            boolean mayMeasure,
            StoredDecisions stored) {
        Selector selector = new Selector(configuration, platform, providers, checks);
        List<String> warnings = new ArrayList<>();
        Optional<Calibration> calibration = Optional.empty();
        boolean measure = false;
        String then = mayMeasure ? "ignored and rebuilt" : "ignored; run 'arsenal calibrate' to rebuild it";
        if (configuration.calibrationMode() != Configuration.CalibrationMode.OFF) {
            var file = configuration.calibrationFile();
            // instanceof, not a pattern switch: its bootstrap costs a first use milliseconds
            CalibrationStore.Loaded loaded = CalibrationStore.load(file, () -> MachineSignature.of(platform));
            if (loaded instanceof CalibrationStore.Loaded.Valid v) {
                calibration = Optional.of(v.calibration());
            } else if (loaded instanceof CalibrationStore.Loaded.Missing) {
                measure = configuration.calibrationMode() == Configuration.CalibrationMode.MEASURE;
            } else if (loaded instanceof CalibrationStore.Loaded.Corrupt c) {
                warnings.add("calibration file " + file + " is corrupt (" + c.reason() + "); " + then);
                measure = true;
            } else if (loaded instanceof CalibrationStore.Loaded.Stale s) {
                warnings.add("calibration file " + file + " is for another machine, JDK or Arsenal version ("
                        + s.storedSignature() + "); " + then);
                measure = true;
            }
        }
        SelectingRuntime runtime = selector.select(calibration, warnings, stored);
        if (measure && mayMeasure) {
            try {
                // Each family measured at start-up (FamilyDescriptor.measuredAtStartup),
                // each within the budget; the last table stored holds them all.
                Optional<Calibration> fresh = Optional.empty();
                for (FamilyDescriptor family : Families.all()) {
                    if (family.measuredAtStartup()) {
                        fresh = Optional.of(
                                runtime.calibrate(family.family(), configuration.calibrationBudget(), line -> {}));
                    }
                }
                runtime = selector.select(fresh, warnings, stored);
            } catch (RuntimeException e) {
                warnings.add("calibration could not be stored: " + e.getMessage() + "; ranks decided");
                runtime = selector.select(Optional.empty(), warnings, stored);
            }
        }
        return runtime;
    }
}
