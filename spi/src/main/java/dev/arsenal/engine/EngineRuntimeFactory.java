package dev.arsenal.engine;

import aQute.bnd.annotation.Resolution;
import aQute.bnd.annotation.spi.ServiceProvider;
import dev.arsenal.ArsenalRuntime;
import dev.arsenal.Configuration;
import dev.arsenal.RuntimeFactory;
import dev.arsenal.engine.platform.PlatformDetector;
import dev.arsenal.platform.PlatformInfo;
import dev.arsenal.spi.Provider;
import java.util.List;

/**
 * The engine's entry: discovers providers with {@link java.util.ServiceLoader}, detects the
 * platform once per process, and builds a {@link SelectingRuntime}.
 */
@ServiceProvider(value = RuntimeFactory.class, resolution = Resolution.OPTIONAL)
public final class EngineRuntimeFactory implements RuntimeFactory {
    private static final class PlatformHolder {
        static final PlatformInfo PLATFORM = PlatformDetector.detect();
    }

    /** Called by {@link java.util.ServiceLoader}. */
    public EngineRuntimeFactory() {}

    @Override
    public ArsenalRuntime create(Configuration configuration) {
        ProviderDiscovery.Result discovered = ProviderDiscovery.discover(EngineRuntimeFactory.class.getClassLoader());
        return create(configuration, PlatformHolder.PLATFORM, discovered.providers(), discovered.problems());
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
        SelectingRuntime runtime = new Selector(configuration, platform, providers, problems).select();
        SelectionLog.logOnce(runtime.report());
        return runtime;
    }
}
