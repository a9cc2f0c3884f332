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
     * The providers of {@code loader}, found when first needed and each made when a family it may
     * serve is first needed ({@link Providers#deferred}): a start that takes a stored decision makes
     * only the providers it names ({@link Providers#make(String, String)}) and never looks for the
     * others.
     */
    static Providers discoverLazily(ClassLoader loader) {
        return Providers.deferred(loader, () -> find(loader));
    }

    /**
     * The provider classes, found without making any; classes that fail to load are problems.
     */
    static Providers find(ClassLoader loader) {
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
