package dev.arsenal;

import dev.arsenal.compression.Codec;
import dev.arsenal.hashing.HashAlgorithm;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Arsenal's configuration: an immutable set of {@code arsenal.*} keys, each remembering where it
 * came from.
 *
 * <p>{@link #load()} reads, from highest to lowest precedence:
 *
 * <ol>
 *   <li>system properties {@code arsenal.*} ({@code -Darsenal.strategy=LATENCY});
 *   <li>environment variables {@code ARSENAL_*}: the key upper-cased with dots as underscores
 *       ({@code ARSENAL_STRATEGY}, {@code ARSENAL_PROVIDER_XXH3}, {@code ARSENAL_DISABLED_KINDS}),
 *       and so the {@code +} and {@code -} of an algorithm id ({@code
 *       ARSENAL_PROVIDER_ZSTD_SHUFFLE} is {@code arsenal.provider.zstd+shuffle}, {@code
 *       ARSENAL_PROVIDER_LZ4_BLOCK} {@code arsenal.provider.lz4-block});
 *   <li>a properties file: the path in {@code arsenal.config} / {@code ARSENAL_CONFIG} (which must
 *       exist), else {@code ./arsenal.properties}, else {@code
 *       $XDG_CONFIG_HOME/arsenal/arsenal.properties} (default {@code ~/.config/arsenal}), the
 *       first that exists; read as UTF-8, or as ISO-8859-1 with a warning when it is not UTF-8;
 *   <li>the defaults.
 * </ol>
 *
 * <p>The keys:
 *
 * <table>
 *   <caption>Configuration keys</caption>
 *   <tr><th>key</th><th>value</th></tr>
 *   <tr><td>{@value #STRATEGY}</td><td>BALANCED (default), THROUGHPUT, LATENCY, MINIMAL_MEMORY</td></tr>
 *   <tr><td>{@code arsenal.provider.<algorithm>}</td><td>the id of the provider to force for that algorithm</td></tr>
 *   <tr><td>{@value #DISABLED_PROVIDERS}</td><td>comma-separated provider ids never to use</td></tr>
 *   <tr><td>{@value #DISABLED_KINDS}</td><td>comma-separated kinds never to use: java, native, simd</td></tr>
 *   <tr><td>{@value #CONFIG_FILE}</td><td>the properties file to read</td></tr>
 *   <tr><td>{@value #LIFETIME}</td><td>long (default), short: how long the process lives</td></tr>
 *   <tr><td>{@value #DECISIONS}</td><td>auto (default), off: whether decisions are stored and reused</td></tr>
 *   <tr><td>{@value #DECISIONS_FILE}</td><td>the file of stored decisions</td></tr>
 * </table>
 *
 * <p>A value that cannot be parsed is a {@link ConfigurationException} naming the key, the value
 * and its source; an unknown {@code arsenal.*} key is kept as a {@linkplain #warnings() warning}.
 */
public final class Configuration {
    /** The strategy key. */
    public static final String STRATEGY = "arsenal.strategy";
    /** The prefix of the keys that force a provider for one algorithm. */
    public static final String PROVIDER_PREFIX = "arsenal.provider.";
    /** The key listing providers never to use. */
    public static final String DISABLED_PROVIDERS = "arsenal.disabled.providers";
    /** The key listing kinds never to use. */
    public static final String DISABLED_KINDS = "arsenal.disabled.kinds";
    /** The key naming the properties file. */
    public static final String CONFIG_FILE = "arsenal.config";
    /** The calibration mode: {@code auto} (default), {@code measure} or {@code off}. */
    public static final String CALIBRATION = "arsenal.calibration";
    /** The calibration file; default {@code $XDG_CACHE_HOME/arsenal/calibration.properties}. */
    public static final String CALIBRATION_FILE = "arsenal.calibration.file";
    /** The time budget for measuring at start, as an ISO-8601 duration or milliseconds. */
    public static final String CALIBRATION_BUDGET = "arsenal.calibration.budget";
    /** How long the process lives: {@code long} (default) or {@code short}; see {@link Lifetime}. */
    public static final String LIFETIME = "arsenal.lifetime";
    /**
     * Whether decisions are stored and reused by later starts on the same machine, JVM, class path
     * and configuration: {@code auto} (default) or {@code off}.
     */
    public static final String DECISIONS = "arsenal.decisions";
    /** The file of stored decisions; default {@code $XDG_CACHE_HOME/arsenal/decisions.properties}. */
    public static final String DECISIONS_FILE = "arsenal.decisions.file";

    /** How long the process lives, which decides whether a second provider for bulk inputs pays. */
    public enum Lifetime {
        /** A service or an application: its calls outnumber the cost of loading any provider. */
        LONG,
        /**
         * A process for one command or one request (a command line, a function): an algorithm
         * split by size uses the small-input winner for every size, so that the first bytes never
         * wait for a second provider's library to load or its vector kernel to leave the
         * interpreter, and the JIT warms one provider's code sooner. The {@code arsenal} command
         * runs with it.
         */
        SHORT
    }

    /** How stored measurements are used. */
    public enum CalibrationMode {
        /** Use a stored calibration for this machine if there is one; rebuild it if stale or corrupt. */
        AUTO,
        /** As AUTO, and measure at start (within the budget) when there is none. */
        MEASURE,
        /** Ignore stored measurements: ranks only. */
        OFF
    }

    private static final String PREFIX = "arsenal.";

    /**
     * Keys that belong to one provider and that it reads itself, as system properties ({@code
     * arsenal.native.xxhash.path}, {@code arsenal.simd.maxBits}), or to the test suite; not
     * warned about.
     */
    private static final List<String> PROVIDER_SWITCH_PREFIXES =
            List.of("arsenal.native.", "arsenal.simd.", "arsenal.test.");

    private static final String FILE_NAME = "arsenal.properties";

    /**
     * Where a value came from: a description for people ("environment ARSENAL_STRATEGY", "API",
     * "--provider"), and whether the program set it ({@code byProgram}: through the API or an
     * option of its own command line) rather than the deployment (system properties, the
     * environment, a file, a container's configuration). A program that forced a provider hears of
     * its failure when it uses the algorithm; a deployment's setting is also worth a warning.
     */
    public record Source(String description, boolean byProgram) {
        /** A source of the deployment's. */
        public Source(String description) {
            this(description, false);
        }

        @Override
        public String toString() {
            return description;
        }
    }

    private record Entry(String value, Source source) {}

    private static final Source DEFAULT = new Source("default");
    private static final Source API = new Source("API", true);

    private static final Configuration DEFAULTS = new Configuration(Map.of(), List.of(), List.of());

    private final Map<String, Entry> entries;
    private final List<String> sources;
    private final List<String> warnings;

    private Configuration(Map<String, Entry> entries, List<String> sources, List<String> warnings) {
        this.entries = Collections.unmodifiableMap(new TreeMap<>(entries));
        this.sources = List.copyOf(sources);
        List<String> allWarnings = new ArrayList<>(warnings);
        validate(allWarnings);
        this.warnings = List.copyOf(allWarnings);
    }

    /** The defaults: strategy BALANCED, nothing forced or disabled. */
    public static Configuration defaults() {
        return DEFAULTS;
    }

    /**
     * Reads system properties, the environment and the properties file, in that order of
     * precedence.
     *
     * @throws ConfigurationException if a value cannot be parsed or the named file cannot be read
     */
    public static Configuration load() {
        Map<String, String> props = new TreeMap<>();
        System.getProperties().forEach((k, v) -> props.put(String.valueOf(k), String.valueOf(v)));
        return load(props, System.getenv());
    }

    /**
     * Reads the given system properties and environment (and the file they name), as {@link
     * #load()} does; for tests and embedders.
     */
    public static Configuration load(Map<String, String> systemProperties, Map<String, String> environment) {
        Map<String, Entry> entries = new LinkedHashMap<>();
        List<String> sources = new ArrayList<>();
        List<String> warnings = new ArrayList<>();

        Map<String, Entry> fromProps = new LinkedHashMap<>();
        systemProperties.forEach((k, v) -> {
            if (k.startsWith(PREFIX)) {
                fromProps.put(k, new Entry(v, new Source("system property " + k)));
            }
        });
        Map<String, Entry> fromEnv = new LinkedHashMap<>();
        environment.forEach((k, v) -> {
            if (k.startsWith("ARSENAL_")) {
                fromEnv.put(environmentKey(k), new Entry(v, new Source("environment " + k)));
            }
        });

        Entry fileEntry = fromProps.getOrDefault(CONFIG_FILE, fromEnv.get(CONFIG_FILE));
        Path file = null;
        if (fileEntry != null) {
            file = Path.of(fileEntry.value());
            if (!Files.isRegularFile(file)) {
                throw new ConfigurationException("configuration file '" + fileEntry.value() + "' named by "
                        + fileEntry.source() + " does not exist or is not a file");
            }
        } else {
            for (Path candidate : defaultFiles(environment, systemProperties)) {
                if (Files.isRegularFile(candidate)) {
                    file = candidate;
                    break;
                }
            }
        }
        if (file != null) {
            Properties properties = PropertiesFile.read(file, warnings);
            Source source = new Source("file " + file);
            properties.forEach((k, v) -> {
                String key = String.valueOf(k).strip();
                if (key.startsWith(PREFIX)) {
                    entries.put(key, new Entry(String.valueOf(v).strip(), source));
                } else {
                    warnings.add("ignored key '" + key + "' in " + source + ": Arsenal keys start with 'arsenal.'");
                }
            });
            sources.add("file " + file);
        }
        if (!fromEnv.isEmpty()) {
            entries.putAll(fromEnv);
            sources.add("environment");
        }
        if (!fromProps.isEmpty()) {
            entries.putAll(fromProps);
            sources.add("system properties");
        }
        return new Configuration(entries, sources, warnings);
    }

    /**
     * The key an {@code ARSENAL_*} variable stands for: lower-cased with underscores as dots, but
     * after {@code ARSENAL_PROVIDER_} the id of the algorithm whose characters other than letters
     * and digits are underscores there, since a variable's name has no {@code +} or {@code -}. A
     * name that matches no algorithm keeps the plain mapping, and the engine's error names it.
     */
    static String environmentKey(String variable) {
        String providerPrefix = "ARSENAL_PROVIDER_";
        if (variable.startsWith(providerPrefix)) {
            String algorithm = variable.substring(providerPrefix.length());
            for (Algorithm a : knownAlgorithms()) {
                if (a.id().toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_").equals(algorithm)) {
                    return PROVIDER_PREFIX + a.id();
                }
            }
        }
        return variable.toLowerCase(Locale.ROOT).replace('_', '.');
    }

    /** The algorithms whose ids {@code arsenal.provider.*} takes: every family's (a new family goes here). */
    private static List<Algorithm> knownAlgorithms() {
        List<Algorithm> all = new ArrayList<>(List.of(HashAlgorithm.values()));
        all.addAll(List.of(Codec.values()));
        return all;
    }

    private static List<Path> defaultFiles(Map<String, String> env, Map<String, String> props) {
        List<Path> files = new ArrayList<>();
        files.add(Path.of(FILE_NAME));
        String xdg = env.get("XDG_CONFIG_HOME");
        String home = props.getOrDefault("user.home", System.getProperty("user.home"));
        if (xdg != null && !xdg.isBlank()) {
            files.add(Path.of(xdg, "arsenal", FILE_NAME));
        } else if (home != null) {
            files.add(Path.of(home, ".config", "arsenal", FILE_NAME));
        }
        return files;
    }

    /** A configuration from a map of keys, as if set through the API. */
    public static Configuration of(Map<String, String> values) {
        Map<String, Entry> entries = new LinkedHashMap<>();
        values.forEach((k, v) -> entries.put(k, new Entry(v, API)));
        return new Configuration(entries, values.isEmpty() ? List.of() : List.of("API"), List.of());
    }

    /** A copy with one key set (through the API, taking precedence over every other source). */
    public Configuration with(String key, String value) {
        return with(key, value, API);
    }

    private Configuration with(String key, String value, Source source) {
        Map<String, Entry> copy = new LinkedHashMap<>(entries);
        copy.put(key, new Entry(value, source));
        List<String> newSources = new ArrayList<>(sources);
        if (!newSources.contains(source.description())) {
            newSources.add(source.description());
        }
        return new Configuration(copy, newSources, fileWarnings());
    }

    /**
     * A copy in which {@code values} take precedence over every key already set, each recorded as
     * coming from {@code sourceName} (such as "OSGi configuration dev.arsenal"). Keys that do not
     * start with {@code arsenal.} are ignored, so a container's own properties ({@code
     * service.pid}, {@code component.name}) can be passed as they are.
     *
     * @throws ConfigurationException if a value cannot be parsed
     */
    public Configuration overriddenBy(Map<String, String> values, String sourceName) {
        Map<String, Entry> copy = new LinkedHashMap<>(entries);
        Source source = new Source(sourceName);
        boolean any = false;
        for (Map.Entry<String, String> e : values.entrySet()) {
            if (e.getKey().startsWith(PREFIX)) {
                copy.put(e.getKey(), new Entry(e.getValue(), source));
                any = true;
            }
        }
        if (!any) {
            return this;
        }
        List<String> newSources = new ArrayList<>(sources);
        newSources.remove(sourceName);
        newSources.add(sourceName);
        return new Configuration(copy, newSources, fileWarnings());
    }

    private List<String> fileWarnings() {
        return warnings.stream().filter(w -> !w.startsWith("unknown key")).toList();
    }

    /** A copy that forces {@code providerId} for {@code algorithm}. */
    public Configuration withForcedProvider(Algorithm algorithm, String providerId) {
        return with(PROVIDER_PREFIX + algorithm.id(), providerId);
    }

    /**
     * A copy that forces {@code providerId} for {@code algorithm}, as {@link
     * #withForcedProvider(Algorithm, String)}, set by the program through {@code via}: an option of
     * its command line ("--provider"), which decisions then name as the source.
     */
    public Configuration withForcedProvider(Algorithm algorithm, String providerId, String via) {
        return with(PROVIDER_PREFIX + algorithm.id(), providerId, new Source(via, true));
    }

    /** A copy with another strategy. */
    public Configuration withStrategy(Strategy strategy) {
        return with(STRATEGY, strategy.name());
    }

    /**
     * Checks every value; all bad values are reported at once, in one exception, so that fixing the
     * configuration takes one round.
     */
    private void validate(List<String> warnings) {
        List<String> errors = new ArrayList<>();
        for (Map.Entry<String, Entry> e : entries.entrySet()) {
            String key = e.getKey();
            Entry entry = e.getValue();
            try {
                switch (key) {
                    case STRATEGY -> Strategy.parse(entry.value());
                    case DISABLED_KINDS -> list(entry.value()).forEach(ProviderKind::byId);
                    case DISABLED_PROVIDERS, CONFIG_FILE, CALIBRATION_FILE, DECISIONS_FILE -> {}
                    case CALIBRATION -> parseMode(entry.value());
                    case CALIBRATION_BUDGET -> parseDuration(entry.value(), ChronoUnit.MILLIS);
                    case LIFETIME -> parseLifetime(entry.value());
                    case DECISIONS -> parseDecisions(entry.value());
                    default -> {
                        if (key.startsWith(PROVIDER_PREFIX)) {
                            if (entry.value().isBlank()) {
                                throw new IllegalArgumentException("empty provider id");
                            }
                        } else if (!PROVIDER_SWITCH_PREFIXES.stream().anyMatch(key::startsWith)) {
                            warnings.add("unknown key '" + key + "' from " + entry.source() + " ignored");
                        }
                    }
                }
            } catch (IllegalArgumentException ex) {
                errors.add("bad value '" + entry.value() + "' for " + key + " from " + entry.source() + ": "
                        + ex.getMessage());
            }
        }
        if (!errors.isEmpty()) {
            throw new ConfigurationException(errors);
        }
    }

    private static List<String> list(String value) {
        List<String> items = new ArrayList<>();
        for (String item : value.split(",")) {
            if (!item.isBlank()) {
                items.add(item.strip());
            }
        }
        return items;
    }

    /** The strategy; {@link Strategy#BALANCED} unless configured. */
    public Strategy strategy() {
        Entry entry = entries.get(STRATEGY);
        return entry == null ? Strategy.BALANCED : Strategy.parse(entry.value());
    }

    /** The provider forced for the algorithm with this id, if any. */
    public Optional<String> forcedProvider(String algorithmId) {
        Entry entry = entries.get(PROVIDER_PREFIX + algorithmId);
        return entry == null ? Optional.empty() : Optional.of(entry.value().strip());
    }

    /** The algorithm ids named in {@code arsenal.provider.*} keys. */
    public Set<String> forcedAlgorithms() {
        Set<String> ids = new LinkedHashSet<>();
        for (String key : entries.keySet()) {
            if (key.startsWith(PROVIDER_PREFIX)) {
                ids.add(key.substring(PROVIDER_PREFIX.length()));
            }
        }
        return ids;
    }

    /** Provider ids never to use. */
    public Set<String> disabledProviders() {
        Entry entry = entries.get(DISABLED_PROVIDERS);
        return entry == null ? Set.of() : Set.copyOf(list(entry.value()));
    }

    /** Provider kinds never to use. */
    public Set<ProviderKind> disabledKinds() {
        Entry entry = entries.get(DISABLED_KINDS);
        EnumSet<ProviderKind> kinds = EnumSet.noneOf(ProviderKind.class);
        if (entry != null) {
            list(entry.value()).forEach(k -> kinds.add(ProviderKind.byId(k)));
        }
        return kinds;
    }

    /** The calibration mode; {@link CalibrationMode#AUTO} unless configured. */
    public CalibrationMode calibrationMode() {
        Entry entry = entries.get(CALIBRATION);
        return entry == null ? CalibrationMode.AUTO : parseMode(entry.value());
    }

    /** How long the process lives; {@link Lifetime#LONG} unless configured. */
    public Lifetime lifetime() {
        Entry entry = entries.get(LIFETIME);
        return entry == null ? Lifetime.LONG : parseLifetime(entry.value());
    }

    /**
     * Whether decisions are stored and reused ({@value #DECISIONS}): {@code true} unless configured
     * {@code off}, or unless no file is named and this user has no cache directory (no absolute
     * {@code XDG_CACHE_HOME} nor {@code user.home}).
     */
    public boolean storesDecisions() {
        Entry entry = entries.get(DECISIONS);
        boolean wanted = entry == null || parseDecisions(entry.value());
        // Without a file named and without a home of its own (user.home "?" or relative), a default
        // would land in the working directory: nothing is stored.
        return wanted
                && (entries.containsKey(DECISIONS_FILE) || userCacheDirectory().isPresent());
    }

    private static boolean parseDecisions(String text) {
        return switch (text.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "auto" -> true;
            case "off" -> false;
            default -> throw new IllegalArgumentException("expected auto or off");
        };
    }

    /**
     * The file of stored decisions: {@value #DECISIONS_FILE} if set, else {@code decisions.properties}
     * in the directory of the default {@linkplain #calibrationFile() calibration file}.
     */
    public Path decisionsFile() {
        Entry entry = entries.get(DECISIONS_FILE);
        return entry != null ? Path.of(entry.value().strip()) : cacheDirectory().resolve("decisions.properties");
    }

    private static Lifetime parseLifetime(String text) {
        for (Lifetime l : Lifetime.values()) {
            if (l.name().equalsIgnoreCase(text.strip())) {
                return l;
            }
        }
        throw new IllegalArgumentException("expected long or short");
    }

    private static CalibrationMode parseMode(String text) {
        for (CalibrationMode mode : CalibrationMode.values()) {
            if (mode.name().equalsIgnoreCase(text.strip())) {
                return mode;
            }
        }
        throw new IllegalArgumentException("expected auto, measure or off");
    }

    /** The budget for measuring at start; 2 seconds unless configured. */
    public Duration calibrationBudget() {
        Entry entry = entries.get(CALIBRATION_BUDGET);
        return entry == null ? Duration.ofSeconds(2) : parseDuration(entry.value(), ChronoUnit.MILLIS);
    }

    /**
     * The calibration file: {@value #CALIBRATION_FILE} if set, else {@code
     * $XDG_CACHE_HOME/arsenal/calibration.properties}, else {@code
     * ~/.cache/arsenal/calibration.properties}.
     */
    public Path calibrationFile() {
        Entry entry = entries.get(CALIBRATION_FILE);
        if (entry != null) {
            return Path.of(entry.value().strip());
        }
        return cacheDirectory().resolve("calibration.properties");
    }

    /** {@link #userCacheDirectory()}, else {@code ./.cache/arsenal} under whatever {@code user.home} says. */
    private static Path cacheDirectory() {
        return userCacheDirectory().orElseGet(() -> Path.of(System.getProperty("user.home", "."), ".cache", "arsenal"));
    }

    /**
     * {@code $XDG_CACHE_HOME/arsenal} when that is an absolute path (the XDG specification ignores a
     * relative one), else {@code ~/.cache/arsenal} when {@code user.home} is absolute; empty when
     * neither is.
     */
    private static Optional<Path> userCacheDirectory() {
        String xdg = System.getenv("XDG_CACHE_HOME");
        if (xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()) {
            return Optional.of(Path.of(xdg, "arsenal"));
        }
        String home = System.getProperty("user.home");
        if (home != null && !home.isBlank() && Path.of(home).isAbsolute()) {
            return Optional.of(Path.of(home, ".cache", "arsenal"));
        }
        return Optional.empty();
    }

    /** A duration as a number, with or without a unit: {@code 2000}, {@code 2.5s}, {@code 1500ms}. */
    private static final class DurationNumber {
        /** Compiled when a duration is first parsed, not when the configuration is first loaded. */
        static final Pattern PATTERN = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ms|s)?", Pattern.CASE_INSENSITIVE);
    }

    /**
     * Parses a duration as {@value #CALIBRATION_BUDGET} and {@code arsenal calibrate --budget} both
     * take it: a number with a unit ({@code 2.5s}, {@code 1500ms}), an ISO-8601 duration ({@code
     * PT2S}, {@code PT0.5S}), or a bare number in {@code bareUnit}. The key reads a bare number as
     * milliseconds (as it always has), the command line as seconds (as {@code --budget 10} always
     * has). Zero is a duration (a measurement then takes only its fixed minimum); a negative one is
     * not.
     *
     * @param bareUnit {@link ChronoUnit#MILLIS} or {@link ChronoUnit#SECONDS}
     * @throws IllegalArgumentException if {@code text} is none of these, with the accepted forms
     */
    public static Duration parseDuration(String text, ChronoUnit bareUnit) {
        if (bareUnit != ChronoUnit.MILLIS && bareUnit != ChronoUnit.SECONDS) {
            throw new IllegalArgumentException("bare numbers are milliseconds or seconds, not " + bareUnit);
        }
        String t = text.strip();
        Duration duration;
        try {
            Matcher number = DurationNumber.PATTERN.matcher(t);
            if (number.matches()) {
                BigDecimal amount = new BigDecimal(number.group(1));
                String unit = number.group(2) == null ? "" : number.group(2).toLowerCase(Locale.ROOT);
                boolean millis = unit.equals("ms") || unit.isEmpty() && bareUnit == ChronoUnit.MILLIS;
                BigDecimal seconds = millis ? amount.movePointLeft(3) : amount;
                BigDecimal whole = seconds.setScale(0, RoundingMode.DOWN);
                duration = Duration.ofSeconds(
                        whole.longValueExact(),
                        seconds.subtract(whole)
                                .movePointRight(9)
                                .setScale(0, RoundingMode.HALF_UP)
                                .longValueExact());
            } else {
                duration = Duration.parse(t);
            }
        } catch (RuntimeException e) {
            duration = null;
        }
        if (duration == null || duration.isNegative()) {
            throw new IllegalArgumentException("expected "
                    + (bareUnit == ChronoUnit.MILLIS ? "milliseconds (2000)" : "seconds (10, 2.5)")
                    + ", a number with a unit (2.5s, 1500ms) or an ISO-8601 duration (PT2S), zero or more");
        }
        return duration;
    }

    /** The raw value of a key, if set. */
    public Optional<String> get(String key) {
        Entry entry = entries.get(key);
        return entry == null ? Optional.empty() : Optional.of(entry.value());
    }

    /** Where the value of a key came from: "system property arsenal.strategy", "default", ... */
    public Source sourceOf(String key) {
        Entry entry = entries.get(key);
        return entry == null ? DEFAULT : entry.source();
    }

    /** A human-readable "key=value (source)" for a key, used in decision reasons. */
    public String describe(String key) {
        Entry entry = entries.get(key);
        return entry == null ? key + " not set" : key + "=" + entry.value() + " (" + entry.source() + ")";
    }

    /** Every key that is set, with its value. */
    public Map<String, String> asMap() {
        Map<String, String> map = new TreeMap<>();
        entries.forEach((k, v) -> map.put(k, v.value()));
        return map;
    }

    /** The sources that contributed, lowest precedence first. */
    public List<String> sources() {
        return sources;
    }

    /** Keys that were ignored, with why. */
    public List<String> warnings() {
        return warnings;
    }

    @Override
    public String toString() {
        return "Configuration" + asMap();
    }
}
