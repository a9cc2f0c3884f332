package dev.arsenal.launcher;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.arsenal.Arsenal;
import dev.arsenal.ArsenalRuntime;
import dev.arsenal.hashing.HashAlgorithm;
import dev.arsenal.spi.HangGuard;
import dev.arsenal.spi.ReferenceTools;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.foreign.ValueLayout;
import java.nio.ByteBuffer;
import java.nio.channels.ReadableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code arsenal hash} on inputs whose size the file system does not tell (or tells wrong), across
 * its reads, and with a failing stdout. The digits of files of many sizes against {@code xxhsum}
 * are the integration tests' ({@code XxhsumInteropIT}).
 */
class HashCommandTest {
    @TempDir
    Path dir;

    record Run(int status, String out, String err) {}

    static Run run(byte[] stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Main.run(
                args,
                new ByteArrayInputStream(stdin),
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    static Run run(String... args) {
        return run(new byte[0], args);
    }

    /** The digits of the one-shot hash of {@code data}, as xxhsum writes them. */
    static String oneShot(HashAlgorithm algorithm, byte[] data) {
        ArsenalRuntime runtime = Arsenal.runtime();
        return switch (algorithm.bits()) {
            case 32 -> HexFormat.of().toHexDigits(runtime.hasher32(algorithm, 0).hash(data));
            case 64 -> HexFormat.of().toHexDigits(runtime.hasher64(algorithm, 0).hash(data));
            default -> runtime.hasher128(algorithm, 0).hash(data).toHexString();
        };
    }

    static byte[] random(int size, long seed) {
        byte[] data = new byte[size];
        new SplittableRandom(seed).nextBytes(data);
        return data;
    }

    @Test
    void inputsOfSeveralReadsHashAsInOneCall() throws IOException {
        int read = HashCommand.READ_SIZE;
        for (int size : new int[] {read - 1, read, read + 1, 3 * read + 7}) {
            byte[] data = random(size, size);
            Path file = Files.write(dir.resolve("f" + size), data);
            for (HashAlgorithm a : HashAlgorithm.values()) {
                String expected = oneShot(a, data);
                Run r = run("hash", "-a", a.id(), file.toString());
                assertEquals(expected + "  " + file + "\n", r.out(), a.id() + ", " + size + " bytes: " + r.err());
                Run piped = run(data, "hash", "-a", a.id());
                assertEquals(expected + "  -\n", piped.out(), a.id() + ", " + size + " bytes from stdin");
            }
        }
    }

    @Test
    void filesThatMisstateTheirSizeAreReadToTheirEndAsXxhsumReadsThem() throws Exception {
        ReferenceTools.assumeCommand("xxhsum");
        List<String> files = new ArrayList<>();
        // procfs says 0 bytes, sysfs 4096: the content is what a read gives.
        for (String f : new String[] {"/proc/version", "/sys/devices/system/cpu/online"}) {
            if (Files.isReadable(Path.of(f))) {
                files.add(f);
            }
        }
        assumeTrue(!files.isEmpty(), "no /proc or /sys here");
        for (String f : files) {
            Path p = Path.of(f);
            byte[] content = Files.readAllBytes(p);
            assertTrue(Files.size(p) != content.length, f + " misstates its size (the premise)");
            String xxhsum = ReferenceTools.run(dir, "xxhsum", "-H1", f);
            Run r = run("hash", "-a", "xxh64", f);
            assertEquals(Main.OK, r.status(), r.err());
            assertEquals(xxhsum, r.out().strip(), f);
        }
    }

    @Test
    void procCpuinfoHashesAsXxhsumHashesIt() throws Exception {
        ReferenceTools.assumeCommand("xxhsum");
        Path cpuinfo = Path.of("/proc/cpuinfo");
        assumeTrue(Files.isReadable(cpuinfo), "no /proc/cpuinfo here");
        String before = ReferenceTools.run(dir, "xxhsum", "-H1", cpuinfo.toString());
        Run r = run("hash", "-a", "xxh64", cpuinfo.toString());
        String after = ReferenceTools.run(dir, "xxhsum", "-H1", cpuinfo.toString());
        assumeTrue(before.equals(after), "/proc/cpuinfo changed meanwhile (a clock speed line)");
        assertEquals(before, r.out().strip());
        assertTrue(!r.out().startsWith(oneShot(HashAlgorithm.XXH64, new byte[0])), "not the empty input's hash");
    }

    @Test
    void aFifoIsReadToItsEnd() throws Exception {
        ReferenceTools.assumeCommand("mkfifo");
        Path fifo = dir.resolve("fifo");
        ReferenceTools.run(dir, "mkfifo", fifo.toString());
        byte[] data = random(3 * HashCommand.READ_SIZE + 5, 7);
        ExecutorService writer = Executors.newSingleThreadExecutor();
        try {
            Future<?> written = writer.submit(() -> {
                try (OutputStream o = Files.newOutputStream(fifo)) { // blocks until the reader opens it
                    for (int i = 0; i < data.length; i += 4000) { // in pieces: reads return less than asked
                        o.write(data, i, Math.min(4000, data.length - i));
                    }
                }
                return null;
            });
            Run r = run("hash", "-a", "xxh3", fifo.toString());
            written.get(HangGuard.GENEROUS.toSeconds(), TimeUnit.SECONDS);
            assertEquals(oneShot(HashAlgorithm.XXH3_64, data) + "  " + fifo + "\n", r.out(), r.err());
        } finally {
            writer.shutdownNow();
        }
    }

    @Test
    void aFailingStdoutIsReportedOnceAndEndsTheRun() throws IOException {
        Path a = Files.writeString(dir.resolve("a"), "hello");
        OutputStream full = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw new IOException("No space left on device");
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                throw new IOException("No space left on device");
            }
        };
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Main.run(
                new String[] {
                    "hash", "-a", "xxh3", a.toString(), dir.resolve("missing").toString()
                },
                new ByteArrayInputStream(new byte[0]),
                new PrintStream(full, false, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        String message = err.toString(StandardCharsets.UTF_8);
        assertEquals(Main.PARTIAL, status, message);
        // One line: the run ended at the first failed line, before the missing file.
        assertEquals("arsenal hash: stdout: write error\n", message);
    }

    @Test
    void aLargeFileIsReadAheadAndHashesAsInOneCall() throws IOException {
        byte[] data = random((int) HashCommand.READ_AHEAD_FROM + 13, 11);
        Path file = Files.write(dir.resolve("large"), data);
        for (HashAlgorithm a :
                new HashAlgorithm[] {HashAlgorithm.XXH3_64, HashAlgorithm.XXH3_128, HashAlgorithm.CRC32}) {
            Run r = run("hash", "-a", a.id(), file.toString(), file.toString());
            String line = oneShot(a, data) + "  " + file + "\n";
            assertEquals(line + line, r.out(), a.id() + ": " + r.err());
        }
    }

    /** A channel over {@code data} whose reads give at most {@code most} bytes, then fail at {@code failAt} if set. */
    static ReadableByteChannel channel(byte[] data, int most, long failAt) {
        return new ReadableByteChannel() {
            private int position;
            private boolean open = true;

            @Override
            public int read(ByteBuffer dst) throws IOException {
                if (failAt >= 0 && position >= failAt) {
                    throw new IOException("Input/output error");
                }
                if (position == data.length) {
                    return -1;
                }
                int n = Math.min(Math.min(most, dst.remaining()), data.length - position);
                dst.put(data, position, n);
                position += n;
                return n;
            }

            @Override
            public boolean isOpen() {
                return open;
            }

            @Override
            public void close() {
                open = false;
            }
        };
    }

    static long readersAlive() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().equals("arsenal-read-ahead") && t.isAlive())
                .count();
    }

    @Test
    void readAheadGivesEveryPieceInOrderAndEndsItsThread() throws IOException {
        byte[] data = random(200_000, 12);
        try (ReadAhead ahead = new ReadAhead(4096)) {
            for (int most : new int[] {1, 100, 4096, 1 << 20}) { // pipes give less than asked
                ByteArrayOutputStream got = new ByteArrayOutputStream();
                ahead.forEach(channel(data, most, -1), piece -> got.writeBytes(piece.toArray(ValueLayout.JAVA_BYTE)));
                assertArrayEquals(data, got.toByteArray(), "reads of at most " + most);
                assertEquals(0, readersAlive(), "the reader ended with the input");
            }
        }
    }

    @Test
    void readAheadPassesOnAReadFailureAfterThePiecesBeforeIt() {
        byte[] data = random(100_000, 13);
        try (ReadAhead ahead = new ReadAhead(4096)) {
            ByteArrayOutputStream got = new ByteArrayOutputStream();
            IOException e = assertThrows(
                    IOException.class,
                    () -> ahead.forEach(
                            channel(data, 4096, 50_000),
                            piece -> got.writeBytes(piece.toArray(ValueLayout.JAVA_BYTE))));
            assertEquals("Input/output error", e.getMessage());
            assertEquals(13 * 4096, got.size(), "the pieces read before the failure: 13 reads began before 50,000");
            assertEquals(0, readersAlive());
        }
    }

    @Test
    void readAheadStopsItsReaderWhenTheConsumerFails() throws Exception {
        CountDownLatch never = new CountDownLatch(1);
        byte[] data = random(100_000, 14);
        ReadableByteChannel slow = new ReadableByteChannel() {
            private final ReadableByteChannel first = channel(data, 4096, -1);
            private int reads;

            @Override
            public int read(ByteBuffer dst) throws IOException {
                if (++reads > 2) {
                    try {
                        never.await(); // a FIFO whose writer went quiet
                    } catch (InterruptedException e) {
                        throw new java.nio.channels.ClosedByInterruptException();
                    }
                }
                return first.read(dst);
            }

            @Override
            public boolean isOpen() {
                return true;
            }

            @Override
            public void close() {}
        };
        try (ReadAhead ahead = new ReadAhead(4096)) {
            IllegalStateException e = assertThrows(
                    IllegalStateException.class,
                    () -> ahead.forEach(slow, piece -> {
                        throw new IllegalStateException("the hasher failed");
                    }));
            assertEquals("the hasher failed", e.getMessage());
            assertEquals(0, readersAlive(), "the blocked reader was interrupted and waited for");
        } // the arena closes: no read is in a buffer
    }
}
