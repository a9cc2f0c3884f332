package dev.arsenal.engine.calibration;

import dev.arsenal.Family;
import dev.arsenal.ProviderKind;
import dev.arsenal.platform.CacheInfo;
import dev.arsenal.platform.CpuFeature;
import dev.arsenal.platform.CpuInfo;
import dev.arsenal.platform.FeatureSource;
import dev.arsenal.platform.JvmInfo;
import dev.arsenal.platform.PlatformInfo;
import dev.arsenal.report.Candidate;
import dev.arsenal.report.Decision;
import dev.arsenal.report.SelfTest;
import dev.arsenal.report.Tier;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Stored decisions: what a start decided, per {@link StartSignature signature}, so that a later
 * start with the same signature can take the decision after checking only the providers it names
 * (they are still probed and self-tested), without detecting the platform or finding every
 * provider. A text file of {@code key=value} lines (the value to the end of the line, as written:
 * no escapes, so that reading it costs a start almost nothing), one section per signature (at most
 * {@value #SECTIONS}, the oldest dropped), each key prefixed by a hash of the signature:
 *
 * <pre>
 * format=1
 * 5f0c2a...signature=arsenal=0.1.0; jvm=25.0.3 ...
 * 5f0c2a...created=1796655000000               (milliseconds since 1970)
 * 5f0c2a...platform.cpu.model=AMD EPYC        (and the rest of the platform)
 * 5f0c2a...provider.java-hashing=dev.arsenal.providers.java.hashing.JavaHashingProvider
 * 5f0c2a...decision.xxh3.tiers=0:java-hashing,256:simd-xxh3
 * 5f0c2a...decision.xxh3.basis=RANKED
 * 5f0c2a...decision.xxh3.reason=java-hashing below 256 B, simd-xxh3 from there: ...
 * 5f0c2a...decision.xxh3.candidates=simd-xxh3:simd:300,native-xxhash:native:200,java-hashing:java:100
 * </pre>
 *
 * <p>Reading never throws: a file that is missing, unreadable or not understood is no stored
 * decision (the start decides afresh and writes a new one). Writes go to a temporary file moved
 * into place; two processes writing at once lose one's entry at worst, which the next start
 * writes again.
 */
public final class DecisionStore {
    private static final String FORMAT = "1";
    /** Signatures kept: the command line, a test run and a few applications on one machine. */
    static final int SECTIONS = 8;

    /** Between the fields of a feature or a cache, and between features or caches. */
    private static final char FIELD = '/';

    private static final char ITEM = ' ';

    private DecisionStore() {}

    /**
     * One signature's section.
     *
     * @param signature the full signature text
     * @param created when the section was first written
     * @param platform the platform detected then
     * @param providerClasses the class of each provider a decision names, by id
     * @param decisions the decisions by algorithm id, each candidate {@link Candidate.Status#NOT_CHECKED}
     */
    public record Section(
            String signature,
            Instant created,
            PlatformInfo platform,
            Map<String, String> providerClasses,
            Map<String, Decision> decisions) {
        /** Copies the maps. */
        public Section {
            providerClasses = Map.copyOf(providerClasses);
            decisions = Collections.unmodifiableMap(new LinkedHashMap<>(decisions));
        }
    }

    /** The section of {@code file} for {@code signature}, if there is one that can be read. */
    public static Optional<Section> load(Path file, String signature) {
        Map<String, String> p = read(file);
        if (p == null || !FORMAT.equals(p.get("format"))) {
            return Optional.empty();
        }
        String prefix = prefix(signature);
        if (!signature.equals(p.get(prefix + "signature"))) {
            return Optional.empty();
        }
        try {
            return Optional.of(section(p, prefix, signature));
        } catch (RuntimeException e) {
            return Optional.empty(); // not understood: decided afresh and written again
        }
    }

    /**
     * Adds {@code decision} (made for {@code signature} on {@code platform}) to the file, with the
     * classes of the providers it names. The section is begun anew when the platform differs from
     * the stored one.
     */
    public static void save(
            Path file, String signature, PlatformInfo platform, Map<String, String> providerClasses, Decision decision)
            throws IOException {
        Map<String, String> read = read(file);
        Map<String, String> p = new TreeMap<>(read != null && FORMAT.equals(read.get("format")) ? read : Map.of());
        String prefix = prefix(signature);
        Map<String, String> platformKeys = platform(platform);
        boolean same = signature.equals(p.get(prefix + "signature"))
                && platformKeys.entrySet().stream().allMatch(e -> e.getValue().equals(p.get(prefix + e.getKey())));
        if (!same) {
            p.keySet().removeIf(k -> k.startsWith(prefix));
            p.put(prefix + "signature", signature);
            p.put(prefix + "created", Long.toString(System.currentTimeMillis()));
            platformKeys.forEach((k, v) -> p.put(prefix + k, v));
        }
        providerClasses.forEach((id, type) -> p.put(prefix + "provider." + id, type));
        String d = prefix + "decision." + decision.algorithm() + ".";
        p.put(d + "family", decision.family().id());
        p.put(d + "basis", decision.basis().name());
        p.put(d + "reason", decision.reason());
        p.put(
                d + "tiers",
                join(
                        decision.tiers().stream()
                                .map(t -> t.fromBytes() + ":" + t.provider())
                                .toList(),
                        ','));
        p.put(
                d + "candidates",
                join(
                        decision.candidates().stream()
                                .map(c -> c.providerId() + ":" + c.kind().id() + ":" + c.rank())
                                .toList(),
                        ','));
        prune(p, prefix);
        p.put("format", FORMAT);
        AtomicFiles.write(file, w -> {
            w.write("# Arsenal's stored decisions, one section per machine, JVM, class path and configuration.\n");
            w.write("# Written by the engine at a first use; safe to delete (arsenal.decisions=off stops it).\n");
            for (Map.Entry<String, String> e : p.entrySet()) {
                w.write(e.getKey() + "=" + e.getValue().replace('\n', ' ').replace('\r', ' ') + "\n");
            }
        });
    }

    /** Drops the oldest sections beyond {@value #SECTIONS}, never {@code current}'s. */
    private static void prune(Map<String, String> p, String current) {
        Map<String, Long> created = new HashMap<>();
        for (String key : p.keySet()) {
            if (key.endsWith(".created") && key.indexOf('.') == key.length() - ".created".length()) {
                String prefix = key.substring(0, key.length() - "created".length());
                try {
                    created.put(prefix, Long.parseLong(p.get(key)));
                } catch (RuntimeException e) {
                    created.put(prefix, 0L);
                }
            }
        }
        created.remove(current);
        List<String> oldestFirst = new ArrayList<>(created.keySet());
        oldestFirst.sort(Comparator.comparing((String s) -> created.get(s)).thenComparing(s -> s));
        for (int i = 0; i < oldestFirst.size() + 1 - SECTIONS; i++) {
            String prefix = oldestFirst.get(i);
            p.keySet().removeIf(k -> k.startsWith(prefix));
        }
    }

    /** The file's keys and values; {@code null} if it is missing or cannot be read. */
    private static Map<String, String> read(Path file) {
        String text;
        try (InputStream in = new FileInputStream(file.toFile())) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            return null;
        }
        Map<String, String> p = new HashMap<>();
        for (String line : text.split("\n")) {
            int eq = line.indexOf('=');
            if (!line.startsWith("#") && eq > 0) {
                p.put(line.substring(0, eq), line.substring(eq + 1));
            }
        }
        return p;
    }

    private static Section section(Map<String, String> p, String prefix, String signature) {
        Instant created = Instant.ofEpochMilli(Long.parseLong(required(p, prefix + "created")));
        PlatformInfo platform = platform(p, prefix);
        Map<String, String> classes = new HashMap<>();
        Map<String, Decision> decisions = new LinkedHashMap<>();
        String detail = "not checked at this start: the decision was stored by an earlier one";
        for (String key : new TreeMap<>(keys(p, prefix)).keySet()) {
            String name = key.substring(prefix.length());
            if (name.startsWith("provider.")) {
                classes.put(name.substring("provider.".length()), p.get(key));
            } else if (name.startsWith("decision.") && name.endsWith(".tiers")) {
                String algorithm = name.substring("decision.".length(), name.length() - ".tiers".length());
                String d = prefix + "decision." + algorithm + ".";
                List<Tier> tiers = new ArrayList<>();
                for (String tier : p.get(key).split(",")) {
                    int colon = tier.indexOf(':');
                    tiers.add(new Tier(Long.parseLong(tier.substring(0, colon)), tier.substring(colon + 1)));
                }
                List<Candidate> candidates = new ArrayList<>();
                for (String c : p.get(d + "candidates").split(",")) {
                    String[] f = c.split(":");
                    candidates.add(new Candidate(
                            f[0],
                            ProviderKind.byId(f[1]),
                            Candidate.Status.NOT_CHECKED,
                            detail,
                            SelfTest.NOT_RUN,
                            Integer.parseInt(f[2])));
                }
                if (tiers.isEmpty() || tiers.size() > 2) {
                    throw new IllegalArgumentException("one or two tiers expected for " + algorithm);
                }
                decisions.put(
                        algorithm,
                        new Decision(
                                algorithm,
                                Family.valueOf(p.get(d + "family").toUpperCase(Locale.ROOT)),
                                Optional.of(tiers.getLast().provider()),
                                Decision.Basis.valueOf(p.get(d + "basis")),
                                p.get(d + "reason"),
                                candidates,
                                tiers));
            }
        }
        return new Section(signature, created, platform, classes, decisions);
    }

    private static Map<String, String> keys(Map<String, String> p, String prefix) {
        Map<String, String> keys = new HashMap<>();
        p.forEach((key, value) -> {
            if (key.startsWith(prefix)) {
                keys.put(key, value);
            }
        });
        return keys;
    }

    /** The platform as keys and values. */
    private static Map<String, String> platform(PlatformInfo platform) {
        Map<String, String> keys = new LinkedHashMap<>();
        CpuInfo cpu = platform.cpu();
        keys.put("platform.cpu.os", cpu.os());
        keys.put("platform.cpu.arch", cpu.arch());
        keys.put("platform.cpu.model", cpu.model());
        keys.put("platform.cpu.logicalCpus", Integer.toString(cpu.logicalCpus()));
        keys.put(
                "platform.cpu.features",
                join(
                        cpu.features().stream()
                                .map(f -> f.name() + FIELD + f.source().name() + FIELD + f.value())
                                .toList(),
                        ITEM));
        keys.put(
                "platform.cpu.caches",
                join(
                        cpu.caches().stream()
                                .map(c -> c.level() + "" + FIELD + c.type() + FIELD + c.sizeBytes() + FIELD
                                        + c.lineSizeBytes())
                                .toList(),
                        ITEM));
        for (int i = 0; i < cpu.notes().size(); i++) {
            keys.put("platform.cpu.notes." + i, cpu.notes().get(i));
        }
        JvmInfo jvm = platform.jvm();
        keys.put("platform.jvm.version", jvm.version());
        keys.put("platform.jvm.vendor", jvm.vendor());
        keys.put("platform.jvm.vmName", jvm.vmName());
        keys.put("platform.jvm.hotspot", Boolean.toString(jvm.hotspot()));
        keys.put("platform.jvm.c2", Boolean.toString(jvm.c2()));
        keys.put("platform.jvm.vectorApi", Boolean.toString(jvm.vectorApi()));
        keys.put("platform.jvm.preferredVectorBits", Integer.toString(jvm.preferredVectorBits()));
        return keys;
    }

    private static PlatformInfo platform(Map<String, String> p, String prefix) {
        List<CpuFeature> features = new ArrayList<>();
        for (String f : items(p.get(prefix + "platform.cpu.features"))) {
            String[] parts = f.split(String.valueOf(FIELD), -1);
            features.add(new CpuFeature(parts[0], FeatureSource.valueOf(parts[1]), parts[2]));
        }
        List<CacheInfo> caches = new ArrayList<>();
        for (String c : items(p.get(prefix + "platform.cpu.caches"))) {
            String[] parts = c.split(String.valueOf(FIELD), -1);
            caches.add(new CacheInfo(
                    Integer.parseInt(parts[0]), parts[1], Long.parseLong(parts[2]), Integer.parseInt(parts[3])));
        }
        CpuInfo cpu = new CpuInfo(
                required(p, prefix + "platform.cpu.os"),
                required(p, prefix + "platform.cpu.arch"),
                required(p, prefix + "platform.cpu.model"),
                Integer.parseInt(required(p, prefix + "platform.cpu.logicalCpus")),
                features,
                caches,
                notes(p, prefix));
        JvmInfo jvm = new JvmInfo(
                required(p, prefix + "platform.jvm.version"),
                required(p, prefix + "platform.jvm.vendor"),
                required(p, prefix + "platform.jvm.vmName"),
                Boolean.parseBoolean(required(p, prefix + "platform.jvm.hotspot")),
                Boolean.parseBoolean(required(p, prefix + "platform.jvm.c2")),
                Boolean.parseBoolean(required(p, prefix + "platform.jvm.vectorApi")),
                Integer.parseInt(required(p, prefix + "platform.jvm.preferredVectorBits")));
        return new PlatformInfo(cpu, jvm);
    }

    private static List<String> notes(Map<String, String> p, String prefix) {
        List<String> notes = new ArrayList<>();
        for (int i = 0; p.get(prefix + "platform.cpu.notes." + i) != null; i++) {
            notes.add(p.get(prefix + "platform.cpu.notes." + i));
        }
        return notes;
    }

    private static String required(Map<String, String> p, String key) {
        String value = p.get(key);
        if (value == null) {
            throw new IllegalArgumentException("no " + key);
        }
        return value;
    }

    private static List<String> items(String joined) {
        if (joined == null || joined.isEmpty()) {
            return List.of();
        }
        return List.of(joined.split(String.valueOf(ITEM), -1));
    }

    private static String join(List<String> items, char separator) {
        return String.join(String.valueOf(separator), items);
    }

    /**
     * The key prefix of a signature's section: a 64-bit FNV-1a hash of its text in hex (the text is
     * stored and compared too; the hash only names the section). Not a {@code MessageDigest}, whose
     * first use loads the JDK's security providers: milliseconds of a start.
     */
    static String prefix(String signature) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < signature.length(); i++) {
            h = (h ^ signature.charAt(i)) * 0x100000001b3L;
        }
        String hex = Long.toHexString(h);
        return "0".repeat(16 - hex.length()) + hex + ".";
    }
}
