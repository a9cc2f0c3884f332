package dev.arsenal.engine.osgi;

import dev.arsenal.ArsenalRuntime;
import dev.arsenal.Configuration;
import dev.arsenal.ConfigurationException;
import dev.arsenal.RuntimeFactory;
import dev.arsenal.engine.LiveRuntime;
import dev.arsenal.report.Decision;
import dev.arsenal.report.RuntimeReport;
import dev.arsenal.spi.Provider;
import java.lang.System.Logger.Level;
import java.lang.ref.WeakReference;
import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Hashtable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * The engine in an OSGi framework: a Declarative Services component that follows every {@link
 * Provider} service (dynamic, greedy, any number), reads its configuration from Configuration
 * Admin under the PID {@value #PID} (the same {@code arsenal.*} keys as the properties file, taking
 * precedence over system properties, the environment and the file), and registers:
 *
 * <ul>
 *   <li>the {@link ArsenalRuntime} service, a {@link LiveRuntime} that {@link
 *       dev.arsenal.Arsenal#runtime()} returns in OSGi;
 *   <li>the {@link RuntimeFactory} service behind {@link dev.arsenal.Arsenal#create};
 *   <li>the Gogo commands {@code arsenal:providers}, {@code selection}, {@code use} and {@code
 *       reset} ({@link ArsenalCommands}).
 * </ul>
 *
 * <p>When a provider service comes, goes (DS calls the unbind method while the service is
 * unregistering, before it is gone) or the configuration changes, every runtime decides again and
 * moves its hashers, compressors and decompressors at once; see {@link LiveRuntime} for what calls in flight and streams do.
 *
 * <p>A configuration that cannot be used (a value that does not parse, a provider forced for an
 * unknown algorithm) never stops the engine from following providers: the selection falls back to
 * the configuration without the shell's and Configuration Admin's values, then to the defaults,
 * each refusal a warning in the log and in the report ({@code arsenal:providers}).
 *
 * <p>Concurrency: DS calls bind, unbind, activate, modified and deactivate from whatever thread
 * starts or stops a bundle, and Gogo calls the commands from its session thread. Every method that
 * reads or writes the engine's state is {@code synchronized} on the engine, and selection runs
 * inside that lock, so that changes apply one at a time, in order. The only lock taken inside is
 * the {@link LiveRuntime}'s (then its {@code ProviderChecks}'), and neither calls back here; hash
 * calls take no lock at all.
 */
@Component(
        service = {},
        immediate = true,
        configurationPid = OsgiEngine.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
public final class OsgiEngine {
    /** The Configuration Admin PID. */
    public static final String PID = "dev.arsenal";

    private static final System.Logger LOG = System.getLogger("dev.arsenal");
    private static final String ADMIN_SOURCE = "OSGi configuration " + PID;
    private static final String SHELL_SOURCE = "shell command arsenal:use";

    /** A provider service and the bundle it came from. */
    record Registered(Provider provider, String bundle, long serviceId, int ranking) {}

    private final List<Registered> registered = new ArrayList<>();
    private final Map<String, String> shellOverrides = new TreeMap<>();
    private final List<WeakReference<LiveRuntime>> created = new ArrayList<>();
    private Map<String, String> adminValues = Map.of();
    private Configuration base;
    private String baseProblem;
    private LiveRuntime runtime;
    private BundleContext context;
    private final List<ServiceRegistration<?>> registrations = new ArrayList<>();

    /** Called by Declarative Services. */
    public OsgiEngine() {}

    @Reference(
            service = Provider.class,
            cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY,
            unbind = "removeProvider")
    synchronized void addProvider(Provider provider, ServiceReference<Provider> reference) {
        Object ranking = reference.getProperty(Constants.SERVICE_RANKING);
        registered.add(new Registered(
                provider,
                reference.getBundle().getSymbolicName() + " "
                        + reference.getBundle().getVersion(),
                (Long) reference.getProperty(Constants.SERVICE_ID),
                ranking instanceof Integer i ? i : 0));
        reselect("provider " + id(provider) + " arrived");
    }

    synchronized void removeProvider(Provider provider) {
        registered.removeIf(r -> r.provider() == provider);
        reselect("provider " + id(provider) + " left");
        if (runtime != null) {
            runtime.forget(provider);
            forEachCreated(r -> r.forget(provider));
        }
    }

    @Activate
    synchronized void activate(BundleContext context, Map<String, Object> properties) {
        this.context = context;
        try {
            this.base = Configuration.load();
        } catch (ConfigurationException e) {
            baseProblem = "system properties, environment and file ignored: " + e.getMessage();
            LOG.log(Level.WARNING, "Arsenal: " + baseProblem);
            this.base = Configuration.defaults();
        }
        this.adminValues = arsenalKeys(properties);
        runtime = select(e -> new LiveRuntime(e.configuration(), e.providers(), e.problems()));
        registrations.add(context.registerService(ArsenalRuntime.class, runtime, null));
        registrations.add(context.registerService(RuntimeFactory.class, this::createRuntime, null));
        Hashtable<String, Object> commandProperties = new Hashtable<>();
        commandProperties.put("osgi.command.scope", "arsenal");
        commandProperties.put("osgi.command.function", new String[] {"providers", "selection", "use", "reset"});
        registrations.add(context.registerService(Object.class, new ArsenalCommands(this), commandProperties));
    }

    @Modified
    synchronized void modified(Map<String, Object> properties) {
        adminValues = arsenalKeys(properties);
        reselect("configuration " + PID + " changed");
    }

    @Deactivate
    synchronized void deactivate() {
        for (ServiceRegistration<?> r : registrations) {
            try {
                r.unregister();
            } catch (IllegalStateException alreadyGone) {
                // the framework is stopping the bundle and unregistered it first
            }
        }
        registrations.clear();
        String reason =
                "the Arsenal engine (bundle dev.arsenal.engine) was stopped; take new hashers and compressors once it runs again";
        if (runtime != null) {
            runtime.close(reason);
        }
        forEachCreated(r -> r.close(reason));
        runtime = null;
        created.clear();
        context = null;
    }

    private synchronized ArsenalRuntime createRuntime(Configuration configuration) {
        Effective e = effective().get(0);
        LiveRuntime r = new LiveRuntime(configuration, e.providers(), e.problems());
        created.add(new WeakReference<>(r));
        return r;
    }

    /** The providers, problems and a configuration the next selection can use. */
    private record Effective(Configuration configuration, List<Provider> providers, List<String> problems) {}

    /**
     * The configurations to try, best first: with the shell's and Configuration Admin's values,
     * without them, the defaults. The provider list is the same in each.
     */
    private List<Effective> effective() {
        List<String> problems = new ArrayList<>();
        if (baseProblem != null) {
            problems.add(baseProblem);
        }
        List<Provider> providers = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        List<Registered> byRank = new ArrayList<>(registered);
        // The best-ranked service of an id wins, then the oldest: a second bundle offering the same
        // id does not displace the one in use.
        byRank.sort(Comparator.comparingInt(Registered::ranking).reversed().thenComparingLong(Registered::serviceId));
        for (Registered r : byRank) {
            if (ids.add(id(r.provider()))) {
                providers.add(r.provider());
            } else {
                problems.add("duplicate provider id '" + id(r.provider()) + "' from bundle " + r.bundle() + " ignored");
            }
        }
        List<Effective> candidates = new ArrayList<>();
        try {
            Configuration full =
                    base.overriddenBy(adminValues, ADMIN_SOURCE).overriddenBy(shellOverrides, SHELL_SOURCE);
            candidates.add(new Effective(full, providers, problems));
        } catch (ConfigurationException e) {
            problems.add(ADMIN_SOURCE + " and shell choices ignored: " + e.getMessage());
        }
        candidates.add(new Effective(base, providers, problems));
        candidates.add(new Effective(Configuration.defaults(), providers, problems));
        return candidates;
    }

    /**
     * Runs {@code selection} with the best configuration it accepts; each refused one becomes a
     * warning (logged, and in the report).
     */
    private <T> T select(Function<Effective, T> selection) {
        List<Effective> candidates = effective();
        ConfigurationException last = null;
        for (Effective e : candidates) {
            if (last != null) {
                String warning = "configuration refused (" + last.getMessage() + "); deciding with "
                        + (e.configuration() == base ? "system properties, environment and file only" : "the defaults");
                LOG.log(Level.WARNING, "Arsenal: " + warning);
                e.problems().add(warning);
            }
            try {
                return selection.apply(e);
            } catch (ConfigurationException ex) {
                last = ex;
            }
        }
        throw last;
    }

    private void reselect(String why) {
        if (runtime == null) {
            return; // before activation: the first selection sees every provider bound so far
        }
        RuntimeReport before = runtime.report();
        LiveRuntime live = runtime;
        List<Provider> providers = select(e -> {
            live.update(e.configuration(), e.providers(), e.problems());
            return e.providers();
        });
        forEachCreated(r -> r.update(r.configuration(), providers, List.of()));
        String changes = changes(before, runtime.report());
        // A re-selection is routine in a container (a bundle came or went): DEBUG, as the first one.
        LOG.log(Level.DEBUG, "Arsenal: " + why + "; " + (changes.isEmpty() ? "selection unchanged" : changes));
    }

    private void forEachCreated(Consumer<LiveRuntime> action) {
        created.removeIf(ref -> ref.get() == null);
        for (WeakReference<LiveRuntime> ref : created) {
            LiveRuntime r = ref.get();
            if (r != null) {
                try {
                    action.accept(r);
                } catch (ConfigurationException ex) {
                    LOG.log(
                            Level.WARNING,
                            "Arsenal: a runtime made with Arsenal.create kept its selection: " + ex.getMessage());
                }
            }
        }
    }

    private static String changes(RuntimeReport before, RuntimeReport after) {
        Map<String, String> old = new LinkedHashMap<>();
        before.selection().forEach(d -> old.put(d.algorithm(), route(d)));
        return after.selection().stream()
                .filter(d -> !route(d).equals(old.get(d.algorithm())))
                .map(d -> d.algorithm() + " " + old.get(d.algorithm()) + " -> " + route(d))
                .collect(Collectors.joining(", "));
    }

    /** A decision's providers in tier order, "java-hashing<1024,simd-xxh3", or "none". */
    static String route(Decision d) {
        if (d.tiers().isEmpty()) {
            return "none";
        }
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < d.tiers().size(); i++) {
            if (i > 0) {
                s.append(',');
            }
            s.append(d.tiers().get(i).provider());
            if (i + 1 < d.tiers().size()) {
                s.append('<').append(d.tiers().get(i + 1).fromBytes());
            }
        }
        return s.toString();
    }

    private static String id(Provider provider) {
        try {
            return provider.id();
        } catch (RuntimeException e) {
            return provider.getClass().getName();
        }
    }

    /** The {@code arsenal.*} keys of a component's properties, arrays joined with commas. */
    static Map<String, String> arsenalKeys(Map<String, Object> properties) {
        Map<String, String> values = new TreeMap<>();
        properties.forEach((k, v) -> {
            if (k.startsWith("arsenal.")) {
                values.put(k, text(v));
            }
        });
        return values;
    }

    private static String text(Object value) {
        if (value != null && value.getClass().isArray()) {
            List<String> items = new ArrayList<>();
            for (int i = 0; i < Array.getLength(value); i++) {
                items.add(String.valueOf(Array.get(value, i)));
            }
            return String.join(",", items);
        }
        if (value instanceof Iterable<?> it) {
            List<String> items = new ArrayList<>();
            it.forEach(o -> items.add(String.valueOf(o)));
            return String.join(",", items);
        }
        return String.valueOf(value);
    }

    // ---- for ArsenalCommands ----

    synchronized RuntimeReport report() {
        return requireActive().report();
    }

    synchronized List<Registered> registered() {
        return List.copyOf(registered);
    }

    synchronized Optional<BundleContext> context() {
        return Optional.ofNullable(context);
    }

    /** Forces {@code providerId} for {@code algorithm} from the shell and decides again. */
    synchronized void force(String algorithm, String providerId) {
        requireActive();
        shellOverrides.put(Configuration.PROVIDER_PREFIX + algorithm, providerId);
        reselect("arsenal:use " + algorithm + " " + providerId);
    }

    /** Drops the shell's forced choice for {@code algorithm}; false if there was none. */
    synchronized boolean reset(String algorithm) {
        requireActive();
        if (shellOverrides.remove(Configuration.PROVIDER_PREFIX + algorithm) == null) {
            return false;
        }
        reselect("arsenal:reset " + algorithm);
        return true;
    }

    synchronized Configuration configuration() {
        return requireActive().configuration();
    }

    private LiveRuntime requireActive() {
        if (runtime == null) {
            throw new IllegalStateException("the Arsenal engine component is not active");
        }
        return runtime;
    }
}
