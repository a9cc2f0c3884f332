package dev.arsenal.engine;

import dev.arsenal.spi.Provider;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;

/**
 * Finds providers with {@link ServiceLoader}. A provider that fails to load (a class missing, a
 * constructor throwing) does not stop discovery: it becomes a problem line in the report. The
 * classes are found at once and the providers made as their families are needed ({@link
 * Providers}).
 */
final class ProviderDiscovery {
    private ProviderDiscovery() {}

    /**
     * The provider classes, found without making any: each is made when a family it may serve is
     * first needed ({@link Providers#found}). Classes that fail to load are problems at once.
     */
    static Providers discoverLazily(ClassLoader loader) {
        List<Providers.Found> found = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        Set<String> seenClasses = new HashSet<>();
        for (ServiceLoader<Provider> loaderKind :
                List.of(ServiceLoader.load(Provider.class, loader), ServiceLoader.load(Provider.class))) {
            Iterator<ServiceLoader.Provider<Provider>> it = loaderKind.stream().iterator();
            while (true) {
                ServiceLoader.Provider<Provider> handle;
                try {
                    if (!it.hasNext()) {
                        break;
                    }
                    handle = it.next();
                } catch (ServiceConfigurationError e) {
                    problems.add("a provider could not be loaded: " + e.getMessage());
                    continue;
                }
                if (seenClasses.add(handle.type().getName())) {
                    found.add(new Providers.Found(handle.type(), handle::get));
                }
            }
        }
        return Providers.found(found, problems);
    }
}
