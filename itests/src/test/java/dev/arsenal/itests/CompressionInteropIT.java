package dev.arsenal.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.arsenal.compression.Codec;
import dev.arsenal.launcher.Main;
import dev.arsenal.spi.ReferenceTools;
import dev.arsenal.spi.TestData;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code arsenal compress} and {@code decompress} against the real {@code lz4}, {@code zstd} and
 * {@code gzip} (Debian packages lz4, zstd, gzip) on every file of the Canterbury and Calgary corpora
 * and a few generated ones: what arsenal compresses, the tool decompresses to the same bytes, and
 * the reverse, with the tools' options and arsenal's levels varied across the files. Once with the
 * codec's default provider and once per provider forced with {@code --provider}.
 *
 * <p>A JVM start costs about a second, so one child JVM ({@link MainBatch}) runs all the commands
 * of a codec and provider; stdin/stdout pipes and the exit status of corrupt input get a JVM of
 * their own. Which providers serve which codecs and levels is asked of the same jars in a child
 * JVM ({@link CompressionProbe}), not of this JVM's class path; what is not served skips by name.
 */
class CompressionInteropIT {
    @TempDir
    static Path dir;

    /** The corpus files, then the generated ones. */
    static final List<Path> inputs = new ArrayList<>();

    /** How many of {@link #inputs} come from the corpus. */
    static int corpusFiles;

    /** All inputs one after another. */
    static Path allInputs;

    /** Per codec, the tool's frame of each input (same order as {@link #inputs}). */
    static final Map<Codec, List<Frame>> toolFrames = new EnumMap<>(Codec.class);

    /** A frame a tool wrote, and how (for messages). */
    record Frame(Path file, String how) {}

    /** A codec with its default provider ({@code provider} null) or a forced one. */
    record Target(Codec codec, String provider) {
        @Override
        public String toString() {
            return codec.id() + (provider == null ? " (default provider)" : " --provider " + provider);
        }

        List<String> providerOption() {
            return provider == null ? List.of() : List.of("--provider", provider);
        }
    }

    /**
     * A codec's command-line tool: its Debian package, file suffix, and the option sets used in
     * turn across the inputs ({@code slow} ones only on inputs up to 1 MiB).
     */
    enum Tool {
        LZ4(
                Codec.LZ4,
                "lz4",
                ".lz4",
                List.of(
                        List.of(),
                        List.of("-9"),
                        List.of("-BD"),
                        List.of("-BX"),
                        List.of("-B4"),
                        List.of("--content-size"),
                        List.of("--no-frame-crc"),
                        List.of("--fast=3"),
                        List.of("-12")),
                List.of("-12")),
        ZSTD(
                Codec.ZSTD,
                "zstd",
                ".zst",
                List.of(
                        List.of(),
                        List.of("-1"),
                        List.of("--fast=5"),
                        List.of("--no-check"),
                        List.of("-19"),
                        List.of("--no-content-size", "-7"),
                        // An 8 MiB window: from stdin the tool would use 128 MiB at level 22, which
                        // every decoder reads, but each run would then hold 128 MiB.
                        List.of("--ultra", "-22", "--zstd=wlog=23")),
                List.of("-19", "-22")),
        GZIP(
                Codec.GZIP,
                "gzip",
                ".gz",
                List.of(List.of(), List.of("-1"), List.of("-9"), List.of("-n"), List.of("-4")),
                List.of());

        final Codec codec;
        final String command;
        final String suffix;
        final List<List<String>> variants;
        final List<String> slow;

        Tool(Codec codec, String command, String suffix, List<List<String>> variants, List<String> slow) {
            this.codec = codec;
            this.command = command;
            this.suffix = suffix;
            this.variants = variants;
            this.slow = slow;
        }

        static Tool of(Codec codec) {
            return Arrays.stream(values())
                    .filter(t -> t.codec == codec)
                    .findFirst()
                    .orElseThrow();
        }

        /** The package has the same name as the command for all three. */
        boolean present() {
            try {
                Process p = new ProcessBuilder(command, "--version")
                        .redirectErrorStream(true)
                        .start();
                p.getInputStream().readAllBytes();
                return p.waitFor() == 0;
            } catch (IOException e) {
                return false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }

        void require() {
            if (!present()) {
                if (Boolean.getBoolean("arsenal.test.requireNative")) {
                    fail(command + " not found on PATH (Debian package " + command + "); ./run-tests installs it");
                }
                assumeTrue(false, command + " not found on PATH (Debian package " + command + ")");
            }
        }

        /** The options for input {@code i} of {@code size} bytes. */
        List<String> options(int i, long size) {
            List<String> options = variants.get(i % variants.size());
            boolean isSlow = options.stream().anyMatch(slow::contains);
            return isSlow && size > (1 << 20) ? List.of() : options;
        }
    }

    @BeforeAll
    static void prepare() throws Exception {
        inputs.addAll(TestData.corpus("canterbury", "calgary"));
        corpusFiles = inputs.size();
        Path generated = Files.createDirectories(dir.resolve("generated"));
        SplittableRandom random = new SplittableRandom(20261129);
        inputs.add(Files.write(generated.resolve("empty"), new byte[0]));
        inputs.add(Files.write(generated.resolve("one"), new byte[] {42}));
        inputs.add(Files.write(generated.resolve("thirteen"), mixed(13, random)));
        inputs.add(Files.write(generated.resolve("mixed-65537"), mixed(65_537, random)));
        inputs.add(Files.write(generated.resolve("zeros-3MiB"), new byte[3 << 20]));
        byte[] noise = new byte[(1 << 20) + 13];
        random.nextBytes(noise);
        inputs.add(Files.write(generated.resolve("random-1MiB+13"), noise));
        inputs.add(Files.write(generated.resolve("mixed-5MiB+7"), mixed((5 << 20) + 7, random)));

        allInputs = dir.resolve("all-inputs");
        try (OutputStream out = Files.newOutputStream(allInputs)) {
            for (Path in : inputs) {
                Files.copy(in, out);
            }
        }
        for (Tool tool : Tool.values()) {
            if (tool.present()) {
                toolFrames.put(tool.codec, compressWithTool(tool));
            }
        }
    }

    /** Text-like runs of words with stretches of random bytes between them. */
    static byte[] mixed(int size, SplittableRandom random) {
        String[] words = {"arsenal ", "frame ", "block ", "literal ", "match ", "offset ", "window ", "\n"};
        byte[] data = new byte[size];
        int i = 0;
        while (i < size) {
            if (random.nextInt(8) == 0) {
                int n = Math.min(random.nextInt(1, 512), size - i);
                byte[] noise = new byte[n];
                random.nextBytes(noise);
                System.arraycopy(noise, 0, data, i, n);
                i += n;
            } else {
                byte[] w = words[random.nextInt(words.length)].getBytes(StandardCharsets.US_ASCII);
                int n = Math.min(w.length, size - i);
                System.arraycopy(w, 0, data, i, n);
                i += n;
            }
        }
        return data;
    }

    /** The tool's frame of every input, options in turn, odd inputs through stdin (no file name, no size). */
    static List<Frame> compressWithTool(Tool tool) throws IOException, InterruptedException {
        Path frames = Files.createDirectories(dir.resolve("tool-" + tool.command));
        List<Frame> result = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            Path in = inputs.get(i);
            List<String> cmd = new ArrayList<>(List.of(tool.command, "-q", "-c"));
            cmd.addAll(tool.options(i, Files.size(in)));
            boolean viaStdin = i % 2 == 1;
            if (!viaStdin) {
                cmd.add(in.toString());
            }
            Path frame = frames.resolve(i + "-" + in.getFileName() + tool.suffix);
            exec(cmd, viaStdin ? in : null, frame);
            result.add(new Frame(frame, String.join(" ", cmd) + (viaStdin ? " < " + in.getFileName() : "")));
        }
        return result;
    }

    /** Runs a tool with stdin and stdout redirected to files; fails with its stderr unless it exits 0. */
    static void exec(List<String> cmd, Path stdin, Path stdout) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(cmd);
        if (stdin != null) {
            pb.redirectInput(stdin.toFile());
        }
        pb.redirectOutput(stdout.toFile());
        Path err = Files.createTempFile(dir, "stderr", ".txt");
        pb.redirectError(err.toFile());
        Process p = pb.start();
        if (!p.waitFor(Launcher.HANG.toSeconds(), TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail("hung for " + Launcher.HANG.toSeconds() + " s: " + cmd);
        }
        assertEquals(0, p.exitValue(), cmd + (stdin != null ? " < " + stdin : "") + ": " + Files.readString(err));
        Files.delete(err);
    }

    /** Runs processes as a shell pipeline, first reading {@code stdin}, last writing {@code stdout}. */
    static void pipeline(Path stdin, Path stdout, List<List<String>> commands)
            throws IOException, InterruptedException {
        List<ProcessBuilder> builders = new ArrayList<>();
        List<Path> errs = new ArrayList<>();
        for (List<String> cmd : commands) {
            Path err = Files.createTempFile(dir, "stderr", ".txt");
            errs.add(err);
            builders.add(new ProcessBuilder(cmd).redirectError(err.toFile()));
        }
        if (stdin != null) {
            builders.getFirst().redirectInput(stdin.toFile());
        }
        builders.getLast().redirectOutput(stdout.toFile());
        List<Process> processes = ProcessBuilder.startPipeline(builders);
        for (int i = 0; i < processes.size(); i++) {
            Process p = processes.get(i);
            if (!p.waitFor(Launcher.HANG.toSeconds(), TimeUnit.SECONDS)) {
                processes.forEach(Process::destroyForcibly);
                fail("hung for " + Launcher.HANG.toSeconds() + " s: " + commands.get(i));
            }
            List<String> cmd = commands.get(i);
            int main = cmd.indexOf(Main.class.getName());
            String name =
                    main < 0 ? String.join(" ", cmd) : "arsenal " + String.join(" ", cmd.subList(main + 1, cmd.size()));
            assertEquals(0, p.exitValue(), name + ": " + Files.readString(errs.get(i)));
        }
    }

    private static Map<String, String> served;

    /**
     * What the launcher's jars serve, as {@link CompressionProbe} in a child JVM reports it: "codec
     * TAB provider" ("-" for the default) to the levels ("1,3") or "!" and the reason. Asked once.
     */
    static synchronized Map<String, String> served() {
        if (served == null) {
            Launcher.Result r = Launcher.run(Launcher.classPathCommand(CompressionProbe.class.getName()), null);
            assertEquals(0, r.status(), r.err());
            Map<String, String> lines = new LinkedHashMap<>();
            for (String line : r.out().lines().toList()) {
                String[] f = line.split("\t", 3);
                if (f.length == 3) {
                    lines.put(f[0] + "\t" + f[1], f[2]);
                }
            }
            served = lines;
        }
        return served;
    }

    static String servedKey(Target t) {
        return t.codec.id() + "\t" + (t.provider == null ? "-" : t.provider);
    }

    /** Skips, naming what is missing, when no provider (or not the forced one) serves the codec. */
    static void requireProvider(Target t) {
        String levels = served().get(servedKey(t));
        if (levels == null || levels.startsWith("!")) {
            assumeTrue(
                    false,
                    (t.provider == null
                                    ? "no " + t.codec.id() + " provider yet"
                                    : "no provider " + t.provider + " for " + t.codec.id() + " yet")
                            + (levels == null ? "" : ": " + levels.substring(1)));
        }
    }

    /** Arsenal's level for input {@code i}, in turn over the codec's range; the strongest only on small inputs. */
    static int level(Target t, int i, long size) {
        int[] levels = switch (t.codec) {
            case LZ4 -> new int[] {1, 9, 3, 12};
            case ZSTD -> new int[] {3, 1, -5, 9, 19, -1, 22};
            case GZIP -> new int[] {6, 1, 9, 4};
            case LZ4_BLOCK, LZ4_SHUFFLE, ZSTD_SHUFFLE -> throw new IllegalArgumentException("no tool for " + t.codec);
        };
        int level = levels[i % levels.length];
        boolean strong = t.codec == Codec.ZSTD ? level > 15 : t.codec == Codec.LZ4 && level > 9;
        List<String> supported = List.of(served().get(servedKey(t)).split(","));
        if ((strong && size > (256 << 10)) || !supported.contains(Integer.toString(level))) {
            return t.codec.defaultLevel(); // a provider may support some levels only
        }
        return level;
    }

    /**
     * The default provider of each codec and the providers named in the design, which skip until
     * they exist, and any other compression provider found.
     */
    static List<Target> targets() {
        Set<Target> targets = new LinkedHashSet<>(List.of(
                new Target(Codec.LZ4, null),
                new Target(Codec.ZSTD, null),
                new Target(Codec.GZIP, null),
                new Target(Codec.LZ4, "java-compression"),
                new Target(Codec.ZSTD, "java-compression"),
                new Target(Codec.GZIP, "java-compression"),
                new Target(Codec.ZSTD, "zstd-jni"),
                new Target(Codec.ZSTD, "native-zstd")));
        for (String key : served().keySet()) {
            String[] f = key.split("\t");
            targets.add(new Target(Codec.byId(f[0]), f[1].equals("-") ? null : f[1]));
        }
        return List.copyOf(targets);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("targets")
    void arsenalAndTheToolReadEachOthersFrames(Target t) throws Exception {
        Tool tool = Tool.of(t.codec);
        tool.require();
        requireProvider(t);
        String id = t.codec.id();
        Path work = Files.createDirectories(dir.resolve(id + "-" + (t.provider == null ? "default" : t.provider)));
        List<Frame> frames = toolFrames.get(t.codec);
        List<List<String>> commands = new ArrayList<>();
        List<Path> packed = new ArrayList<>();
        List<Path> back = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            Path in = inputs.get(i);
            String name = i + "-" + in.getFileName();
            packed.add(work.resolve(name + ".arsenal" + tool.suffix));
            back.add(work.resolve(name + ".back"));
            List<String> compress = new ArrayList<>(List.of("compress", "-c", id));
            compress.addAll(t.providerOption());
            compress.addAll(List.of("-l", Integer.toString(level(t, i, Files.size(in))), in.toString()));
            compress.add(packed.get(i).toString());
            commands.add(compress);
            List<String> decompress = new ArrayList<>(List.of("decompress", "-c", id));
            decompress.addAll(t.providerOption());
            decompress.addAll(
                    List.of(frames.get(i).file().toString(), back.get(i).toString()));
            commands.add(decompress);
        }
        Path script = Files.write(
                work.resolve("commands.tsv"),
                commands.stream().map(c -> String.join("\t", c)).toList());
        Launcher.Result r = Launcher.run(Launcher.classPathCommand(MainBatch.class.getName(), script.toString()), null);
        assertEquals(0, r.status(), r.err());
        List<String> statuses = r.out().lines().toList();
        assertEquals(commands.size(), statuses.size(), "a status per command: " + r.out() + r.err());

        List<String> failures = new ArrayList<>();
        for (int i = 0; i < commands.size(); i++) {
            if (!statuses.get(i).startsWith("0\t")) {
                failures.add("arsenal " + String.join(" ", commands.get(i)) + " -> " + statuses.get(i));
            }
        }
        for (int i = 0; i < inputs.size(); i++) {
            Path in = inputs.get(i);
            if (Files.exists(back.get(i))) {
                long at = Files.mismatch(in, back.get(i));
                if (at >= 0) {
                    failures.add("arsenal decompress of [" + frames.get(i).how() + "] differs from " + in + " at byte "
                            + at);
                }
            }
            if (Files.exists(packed.get(i))) {
                Path toolBack = work.resolve(i + "-" + in.getFileName() + ".tool-back");
                try {
                    exec(List.of(tool.command, "-q", "-d", "-c"), packed.get(i), toolBack);
                    long at = Files.mismatch(in, toolBack);
                    if (at >= 0) {
                        failures.add(tool.command + " -d of arsenal's " + packed.get(i) + " differs from " + in
                                + " at byte " + at);
                    }
                } catch (AssertionError e) {
                    failures.add(tool.command + " -d of arsenal's " + packed.get(i) + " (" + commands.get(2 * i) + "): "
                            + e.getMessage());
                }
            }
        }
        assertTrue(
                failures.isEmpty(),
                failures.size() + " of " + (4 * inputs.size()) + " checks failed:\n" + String.join("\n", failures));
    }

    @ParameterizedTest
    @ValueSource(strings = {"lz4", "zstd", "gzip"})
    void pipesToAndFromTheTool(String id) throws Exception {
        Codec codec = Codec.byId(id);
        Tool tool = Tool.of(codec);
        tool.require();
        requireProvider(new Target(codec, null));
        String main = Main.class.getName();

        // arsenal compress writing into a pipe, the tool decompressing from it.
        Path back = dir.resolve("pipe-" + id + ".back");
        pipeline(
                allInputs,
                back,
                List.of(
                        Launcher.classPathCommand(main, "compress", "-c", id),
                        List.of(tool.command, "-q", "-d", "-c")));
        assertEquals(-1L, Files.mismatch(allInputs, back), "arsenal compress | " + tool.command + " -d");

        // The tool's frames of every input one after another (an empty one among them), read by
        // arsenal decompress from a pipe: one stream of all the inputs.
        Path concatenated = dir.resolve("frames-" + id);
        try (OutputStream out = Files.newOutputStream(concatenated)) {
            for (Frame f : toolFrames.get(codec)) {
                Files.copy(f.file(), out);
            }
        }
        Path multi = dir.resolve("multi-" + id + ".back");
        pipeline(
                null,
                multi,
                List.of(
                        List.of("cat", concatenated.toString()),
                        Launcher.classPathCommand(main, "decompress", "-c", id)));
        assertEquals(-1L, Files.mismatch(allInputs, multi), "cat frames | arsenal decompress");
    }

    @Test
    void corruptInputExitsWithOneLineAndLeavesNoOutput() throws IOException {
        Target t = Stream.of(Codec.ZSTD, Codec.GZIP, Codec.LZ4)
                .map(c -> new Target(c, null))
                .filter(c -> toolFrames.containsKey(c.codec))
                .filter(c -> !served().getOrDefault(servedKey(c), "!").startsWith("!"))
                .findFirst()
                .orElse(null);
        assumeTrue(t != null, "no codec with both a provider and its tool yet");
        String id = t.codec.id();
        // The frame of the largest corpus file, with bytes changed in the middle.
        int largest = 0;
        for (int i = 1; i < corpusFiles; i++) {
            if (Files.size(inputs.get(i)) > Files.size(inputs.get(largest))) {
                largest = i;
            }
        }
        byte[] frame = Files.readAllBytes(toolFrames.get(t.codec).get(largest).file());
        for (int i = frame.length / 2; i < frame.length / 2 + 64; i++) {
            frame[i] ^= 0x5A;
        }
        Path corrupt = Files.write(dir.resolve("corrupt" + Tool.of(t.codec).suffix), frame);
        Path outDir = Files.createDirectories(dir.resolve("corrupt-out"));
        Path out = outDir.resolve("out");
        Launcher.Result r = Launcher.classPath(null, "decompress", "-c", id, corrupt.toString(), out.toString());
        assertEquals(4, r.status(), r.err());
        List<String> lines =
                r.err().lines().filter(l -> l.startsWith("arsenal")).toList();
        assertEquals(1, lines.size(), r.err());
        String line = lines.getFirst();
        assertTrue(line.startsWith("arsenal decompress: " + corrupt + ": " + id + ": "), line);
        assertTrue(
                line.matches(".*( at offset \\d+|\\(offset unknown\\)); nothing written to "
                        + Pattern.quote(out.toString())),
                line);
        try (Stream<Path> left = Files.list(outDir)) {
            assertEquals(List.of(), left.toList(), "no output and no temporary file");
        }
    }

    /** A command line for {@code sh -c}: every word single-quoted. */
    static String shellLine(List<String> words) {
        return words.stream().map(w -> "'" + w.replace("'", "'\\''") + "'").collect(Collectors.joining(" "));
    }

    /**
     * Runs the launcher in a pseudo-terminal ({@code script} from util-linux): stdin, stdout and
     * stderr are the terminal. Returns the status and everything the terminal showed.
     */
    static Launcher.Result inATerminal(String... args) throws IOException, InterruptedException {
        String line = shellLine(Launcher.classPathCommand(Main.class.getName(), args));
        Path shown = Files.createTempFile(dir, "terminal", ".txt");
        Process p = new ProcessBuilder("script", "-qec", line, "/dev/null")
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectErrorStream(true)
                .redirectOutput(shown.toFile())
                .start();
        assertTrue(p.waitFor(Launcher.HANG.toSeconds(), TimeUnit.SECONDS), "hung: " + line);
        // Compressed bytes may have reached the terminal (with -f): read as bytes, one char each.
        return new Launcher.Result(p.exitValue(), Files.readString(shown, StandardCharsets.ISO_8859_1), "");
    }

    @Test
    void aTerminalGetsNoCompressedDataButDecompressedData() throws Exception {
        ReferenceTools.assumeCommand("script");
        Target t = new Target(Codec.ZSTD, null);
        requireProvider(t);
        Path text = Files.writeString(dir.resolve("terminal.txt"), "a line of text for the terminal\n");
        Launcher.Result refused = inATerminal("compress", "-c", "zstd", text.toString());
        assertEquals(2, refused.status(), refused.out() + refused.err());
        assertTrue(
                refused.out().contains("arsenal compress: compressed data not written to a terminal"), refused.out());
        Launcher.Result forced = inATerminal("compress", "-c", "zstd", "-f", text.toString());
        assertEquals(0, forced.status(), forced.out() + forced.err());

        Path packed = dir.resolve("terminal.txt.zst");
        Launcher.Result toFile = Launcher.classPath(null, "compress", "-c", "zstd", text.toString(), packed.toString());
        assertEquals(0, toFile.status(), toFile.err());
        Launcher.Result shown = inATerminal("decompress", "-c", "zstd", packed.toString());
        assertEquals(0, shown.status(), shown.out() + shown.err());
        assertTrue(shown.out().contains("a line of text for the terminal"), shown.out());
    }

    @Test
    void devNullIsWrittenInPlace() throws Exception {
        Path devNull = Path.of("/dev/null");
        assumeTrue(Files.exists(devNull), "no /dev/null here");
        Target t = new Target(Codec.GZIP, null);
        requireProvider(t);
        Path frame = toolFrames.containsKey(Codec.GZIP)
                ? toolFrames.get(Codec.GZIP).get(0).file()
                : null;
        assumeTrue(frame != null, "no gzip tool");
        Launcher.Result test = Launcher.classPath(null, "decompress", "-c", "gzip", frame.toString(), "/dev/null");
        assertEquals(0, test.status(), test.err());
        assertEquals(0020000, (Integer) Files.getAttribute(devNull, "unix:mode") & 0170000, "a character device still");
    }

    /**
     * {@code kill -9} leaves a run's temporary file; a run over the same output while the first is
     * alive leaves it be (the first holds its lock), the next run after its death removes it and
     * says so; SIGTERM (as Ctrl-C) lets a run delete its own.
     */
    @Test
    void aKilledRunsTemporaryFileIsRemovedByTheNextRunOnly() throws Exception {
        ReferenceTools.assumeCommand("mkfifo");
        requireProvider(new Target(Codec.ZSTD, null));
        Path work = Files.createDirectories(dir.resolve("killed"));
        Path input = inputs.get(0);
        Path out = work.resolve("out.zst");

        Path fifo = work.resolve("fifo");
        ReferenceTools.run(work, "mkfifo", fifo.toString());
        Process first = new ProcessBuilder(Launcher.classPathCommand(
                        Main.class.getName(), "compress", "-c", "zstd", fifo.toString(), out.toString()))
                .redirectErrorStream(true)
                .redirectOutput(work.resolve("first.log").toFile())
                .start();
        Path temp = null;
        try (OutputStream feed = Files.newOutputStream(fifo)) { // returns once the run opened its input
            feed.write(new byte[1000]);
            feed.flush();
            temp = awaitTemporaryFile(work, first);
            Launcher.Result meanwhile =
                    Launcher.classPath(null, "compress", "-c", "zstd", "-f", input.toString(), out.toString());
            assertEquals(0, meanwhile.status(), meanwhile.err());
            assertFalse(meanwhile.err().contains("removed"), "a live run's file: " + meanwhile.err());
            assertTrue(Files.exists(temp), "a live run's file is kept");
            first.destroyForcibly(); // SIGKILL: no shutdown hook runs
            assertTrue(first.waitFor(Launcher.HANG.toSeconds(), TimeUnit.SECONDS));
        } catch (IOException closedByTheKill) {
            // the reader died: the feed's close may find the pipe broken
        }
        assertTrue(temp != null && Files.exists(temp), "kill -9 leaves " + temp);
        Launcher.Result next =
                Launcher.classPath(null, "compress", "-c", "zstd", "-f", input.toString(), out.toString());
        assertEquals(0, next.status(), next.err());
        assertTrue(
                next.err().contains("arsenal compress: removed " + temp + ", left by a run that was killed"),
                next.err());
        assertFalse(Files.exists(temp));

        // SIGTERM, as Ctrl-C: the run deletes its own temporary file on the way out.
        Process second = new ProcessBuilder(Launcher.classPathCommand(
                        Main.class.getName(), "compress", "-c", "zstd", "-f", fifo.toString(), out.toString()))
                .redirectErrorStream(true)
                .redirectOutput(work.resolve("second.log").toFile())
                .start();
        Path own = null;
        try (OutputStream feed = Files.newOutputStream(fifo)) {
            feed.write(new byte[1000]);
            feed.flush();
            own = awaitTemporaryFile(work, second);
            second.destroy();
            assertTrue(second.waitFor(Launcher.HANG.toSeconds(), TimeUnit.SECONDS));
        } catch (IOException closedByTheSignal) {
            // the reader ended: the feed's close may find the pipe broken
        }
        assertTrue(own != null, "the run made a temporary file");
        try (Stream<Path> left = Files.list(work)) {
            assertEquals(
                    List.of(),
                    left.filter(p -> p.getFileName().toString().endsWith(".tmp"))
                            .toList(),
                    "SIGTERM: the run deleted its own " + own);
        }
    }

    /**
     * The temporary file a running {@code compress} made in {@code work}, waited for a bounded
     * number of times (a run makes it once its input is open, just after).
     */
    static Path awaitTemporaryFile(Path work, Process run) throws IOException, InterruptedException {
        for (int tries = 0; tries < 6000 && run.isAlive(); tries++) {
            try (Stream<Path> files = Files.list(work)) {
                Optional<Path> temp = files.filter(
                                p -> p.getFileName().toString().matches("\\.out\\.zst\\.[0-9a-f]{12}\\.tmp"))
                        .findFirst();
                if (temp.isPresent()) {
                    return temp.get();
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no temporary file appeared; the run " + (run.isAlive() ? "is alive" : "ended"));
    }
}
