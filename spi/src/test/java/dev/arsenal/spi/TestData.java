package dev.arsenal.spi;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The project's test data ({@code testdata/} at the project root, described in its README): where
 * it is, and the corpus files, checked against {@code corpus/SHA256SUMS} before a test uses them.
 * Missing or altered data fails the test that asked, naming the file: test data is part of the
 * project, so its absence is a broken checkout, never a reason to skip.
 *
 * <p>The directory is the {@value #PROPERTY} system property (the build sets it to the project's
 * {@code testdata/}), else the first {@code testdata/} holding {@code corpus/SHA256SUMS} in the
 * working directory or one of its parents (a test run from an IDE).
 */
public final class TestData {
    /** The system property naming the test data directory, {@value}. */
    public static final String PROPERTY = "arsenal.testdata.dir";

    /** The corpus sets, in the order {@link #corpus} lists them. */
    public static final List<String> SETS = List.of("canterbury", "calgary", "artificial");

    private static volatile Map<String, List<Path>> checked;

    private TestData() {}

    /**
     * The test data directory.
     *
     * @throws IllegalStateException if it is not found, saying where it was looked for
     */
    public static Path directory() {
        String property = System.getProperty(PROPERTY);
        if (property != null && !property.isBlank()) {
            Path dir = Path.of(property).toAbsolutePath().normalize();
            if (!Files.isRegularFile(dir.resolve("corpus/SHA256SUMS"))) {
                throw new IllegalStateException("the test data is not at -D" + PROPERTY + "=" + dir
                        + " (no corpus/SHA256SUMS there): the project's testdata/ folder is missing from this"
                        + " checkout");
            }
            return dir;
        }
        List<Path> tried = new ArrayList<>();
        for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
            Path candidate = d.resolve("testdata");
            if (Files.isRegularFile(candidate.resolve("corpus/SHA256SUMS"))) {
                return candidate;
            }
            tried.add(candidate);
        }
        throw new IllegalStateException(
                "the project's testdata/ folder was not found (looked at " + tried + "); set -D" + PROPERTY + "=DIR");
    }

    /**
     * The bytes of {@code folder/file} in the test data, after checking them against the folder's
     * {@code SHA256SUMS} ({@code sha256sum}'s output).
     *
     * @throws IllegalStateException if the file is missing, not listed, or its bytes differ
     */
    public static byte[] verified(String folder, String file) {
        Path dir = directory().resolve(folder);
        try {
            byte[] bytes = Files.readAllBytes(dir.resolve(file));
            String expected = null;
            for (String line : Files.readAllLines(dir.resolve("SHA256SUMS"))) {
                String[] f = line.split("\\s+\\*?", 2);
                if (f.length == 2 && f[1].equals(file)) {
                    expected = f[0];
                }
            }
            if (expected == null) {
                throw new IllegalStateException(file + " is not listed in " + dir.resolve("SHA256SUMS"));
            }
            String actual = HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
            if (!actual.equals(expected)) {
                throw new IllegalStateException(dir.resolve(file) + " differs from SHA256SUMS: " + actual);
            }
            return bytes;
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the test data file " + dir.resolve(file) + ": " + e, e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The files of the corpus sets named (all of {@link #SETS} if none), in set order and then by
     * name, after checking every file of those sets against {@code corpus/SHA256SUMS}.
     *
     * @throws IllegalStateException if a listed file is missing or its bytes differ from the list
     */
    public static List<Path> corpus(String... sets) {
        Map<String, List<Path>> all = checkedCorpus();
        List<Path> files = new ArrayList<>();
        for (String set : sets.length == 0 ? SETS : List.of(sets)) {
            List<Path> of = all.get(set);
            if (of == null) {
                throw new IllegalArgumentException("no corpus set '" + set + "' in the test data; sets: " + SETS);
            }
            files.addAll(of);
        }
        return files;
    }

    private static Map<String, List<Path>> checkedCorpus() {
        Map<String, List<Path>> c = checked;
        if (c == null) {
            synchronized (TestData.class) {
                c = checked;
                if (c == null) {
                    c = check(directory().resolve("corpus"));
                    checked = c;
                }
            }
        }
        return c;
    }

    /** Reads SHA256SUMS ({@code <hex>  <set>/<name>} lines, names sorted) and checks every file. */
    private static Map<String, List<Path>> check(Path corpus) {
        Map<String, List<Path>> sets = new LinkedHashMap<>();
        SETS.forEach(s -> sets.put(s, new ArrayList<>()));
        List<String> problems = new ArrayList<>();
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            for (String line : Files.readAllLines(corpus.resolve("SHA256SUMS"))) {
                if (line.isBlank()) {
                    continue;
                }
                String expected = line.substring(0, 64);
                String name = line.substring(66);
                Path file = corpus.resolve(name);
                if (!Files.isRegularFile(file)) {
                    problems.add(name + " is missing");
                    continue;
                }
                sha256.reset();
                try (InputStream in = Files.newInputStream(file)) {
                    byte[] buffer = new byte[64 << 10];
                    for (int n; (n = in.read(buffer)) > 0; ) {
                        sha256.update(buffer, 0, n);
                    }
                }
                String actual = HexFormat.of().formatHex(sha256.digest());
                if (!actual.equals(expected)) {
                    problems.add(name + " has SHA-256 " + actual + ", not " + expected
                            + " (changed, or line endings converted on checkout)");
                }
                String set = name.substring(0, name.indexOf('/'));
                sets.computeIfAbsent(set, s -> new ArrayList<>()).add(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the test corpus in " + corpus, e);
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("the test corpus in " + corpus + " is broken: " + problems);
        }
        sets.values().forEach(files -> files.sort(null));
        return sets;
    }
}
