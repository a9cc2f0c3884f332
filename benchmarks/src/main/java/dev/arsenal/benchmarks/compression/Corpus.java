package dev.arsenal.benchmarks.compression;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * The input of the compression benchmarks: the Canterbury and Calgary corpora, read from the
 * project's {@code testdata/corpus} (see {@code testdata/README.md}), as whole files or cut into
 * equal blocks.
 *
 * <p>The corpus directory (the one holding {@code canterbury/} and {@code calgary/}) is the system
 * property {@value #PROPERTY} when set, else the first {@code testdata/corpus} found from the
 * working directory or one of its parents. JMH forks run in the working directory of the {@code
 * java -jar} that started them, so running from anywhere in the project finds it; elsewhere pass
 * {@code -jvmArgsAppend -Darsenal.corpus=DIR}.
 */
public final class Corpus {
    static final String PROPERTY = "arsenal.corpus";

    /** The file sets, in the order their bytes are concatenated before cutting blocks. */
    static final List<String> SETS = List.of("calgary", "canterbury");

    private Corpus() {}

    /**
     * What {@code data} names, as groups of inputs: one op of a benchmark compresses one group. A
     * block size ({@code 4k}, {@code 64k}, {@code 1m}) gives one group per block of the
     * concatenated corpora (Calgary then Canterbury, files in name order; the incomplete tail is
     * dropped), so that consecutive ops see different bytes; a set name ({@code canterbury}, {@code
     * calgary}) gives one group holding each of its files whole.
     *
     * @throws IllegalArgumentException for an unknown name
     * @throws IllegalStateException when the corpus is not found, with where it was looked for
     */
    public static byte[][][] groups(String data) {
        return switch (data) {
            case "4k" -> blocks(4 << 10);
            case "64k" -> blocks(64 << 10);
            case "1m" -> blocks(1 << 20);
            case "canterbury", "calgary" -> new byte[][][] {files(data).toArray(byte[][]::new)};
            default ->
                throw new IllegalArgumentException("data '" + data + "': expected 4k, 64k, 1m or one of " + SETS);
        };
    }

    private static byte[][][] blocks(int size) {
        List<byte[]> files = new ArrayList<>();
        SETS.forEach(set -> files.addAll(files(set)));
        int total = files.stream().mapToInt(f -> f.length).sum();
        byte[] all = new byte[total];
        int at = 0;
        for (byte[] f : files) {
            System.arraycopy(f, 0, all, at, f.length);
            at += f.length;
        }
        byte[][][] groups = new byte[total / size][][];
        for (int i = 0; i < groups.length; i++) {
            groups[i] = new byte[][] {Arrays.copyOfRange(all, i * size, (i + 1) * size)};
        }
        return groups;
    }

    /** The files of one set, in name order. */
    static List<byte[]> files(String set) {
        Path dir = directory().resolve(set);
        try (Stream<Path> paths = Files.list(dir)) {
            List<byte[]> files = new ArrayList<>();
            for (Path p : paths.filter(Files::isRegularFile).sorted().toList()) {
                files.add(Files.readAllBytes(p));
            }
            if (files.isEmpty()) {
                throw new IllegalStateException("not measured: no files in " + dir.toAbsolutePath());
            }
            return files;
        } catch (IOException e) {
            throw new UncheckedIOException("not measured: cannot read the corpus in " + dir.toAbsolutePath(), e);
        }
    }

    /** The corpus directory; see the class comment. */
    static Path directory() {
        String property = System.getProperty(PROPERTY);
        if (property != null) {
            Path dir = Path.of(property);
            if (!isCorpus(dir)) {
                throw new IllegalStateException(
                        "not measured: -D" + PROPERTY + "=" + property + " does not hold the directories " + SETS);
            }
            return dir;
        }
        List<Path> tried = new ArrayList<>();
        for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
            Path candidate = d.resolve("testdata/corpus");
            if (isCorpus(candidate)) {
                return candidate;
            }
            tried.add(candidate);
        }
        throw new IllegalStateException("not measured: the Canterbury/Calgary corpus was not found; looked in "
                + tried + "; set -D" + PROPERTY + "=DIR (the directory holding " + SETS
                + "), for JMH forks with -jvmArgsAppend");
    }

    private static boolean isCorpus(Path dir) {
        return SETS.stream().allMatch(set -> Files.isDirectory(dir.resolve(set)));
    }
}
