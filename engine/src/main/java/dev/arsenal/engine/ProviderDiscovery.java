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
 * constructor throwing) does not stop discovery: it becomes a problem line in the report.
 */
final class ProviderDiscovery {
    record Result(List<Provider> providers, List<String> problems) {}

    private ProviderDiscovery() {}

    static Result discover(ClassLoader loader) {
        List<Provider> providers = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        // The module's own `uses` (module path) and the class loader (class path) see the same
        // providers; both are consulted, duplicates dropped by class name.
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
                if (!seenClasses.add(handle.type().getName())) {
                    continue;
                }
                try {
                    Provider provider = handle.get();
                    if (!ids.add(provider.id())) {
                        problems.add("duplicate provider id '" + provider.id() + "' from "
                                + handle.type().getName() + " ignored");
                        continue;
                    }
                    providers.add(provider);
                } catch (ServiceConfigurationError | RuntimeException | LinkageError e) {
                    problems.add("provider " + handle.type().getName() + " could not be created: " + e);
                }
            }
        }
        return new Result(providers, problems);
    }
}
