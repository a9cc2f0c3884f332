package dev.arsenal.launcher;

import java.io.Console;
import java.io.IOException;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.IntPredicate;

/**
 * Which of the standard streams are terminals, asked once at start. Compressed data is neither
 * written to a terminal nor read from one without {@code -f} (as gzip, zstd and lz4 refuse it), and
 * the progress line is drawn only when stderr is one.
 *
 * <p>The answer is, on Linux, what {@code /proc/self/fd/N} links to (a terminal device, {@link
 * #isTerminalDevice}); elsewhere POSIX {@code isatty} through FFM when this module may call native
 * code (the {@code arsenal} script allows it); else the JDK's {@link Console}, which answers for
 * stdin and stdout together.
 *
 * @param stdin whether file descriptor 0 is a terminal
 * @param stdout whether file descriptor 1 is
 * @param stderr whether file descriptor 2 is
 */
record Terminals(boolean stdin, boolean stdout, boolean stderr) {
    /** {@code S_IFMT} and {@code S_IFCHR}, in the {@code unix:mode} attribute. */
    private static final int S_IFMT = 0170000;

    private static final int S_IFCHR = 0020000;

    /** No terminal at all: what a program calling {@link Main#run} in-process gets. */
    static final Terminals NONE = new Terminals(false, false, false);

    /** The process's own standard streams. */
    static Terminals detect() {
        // /proc first: it costs a few file attributes, where binding isatty initialises the FFM
        // linker (some 70 ms of a command's start on the reference machine).
        IntPredicate isatty = procSelfFd().or(Terminals::isatty).orElse(null);
        if (isatty != null) {
            return new Terminals(isatty.test(0), isatty.test(1), isatty.test(2));
        }
        Console console = System.console();
        boolean both = console != null && console.isTerminal();
        return new Terminals(both, both, both);
    }

    /**
     * Whether {@code path} (with links followed) is a terminal device, told by its device number as
     * the kernel gives it, whatever the path's text ({@code /dev/./tty}, a relative {@code tty} run
     * from {@code /dev}, a link): major 4 ({@code /dev/tty0..63}, serial lines), 5 ({@code /dev/tty},
     * {@code /dev/console}, {@code /dev/ptmx}) or 136 to 143 (pseudo-terminals, {@code /dev/pts/N}).
     * Where the {@code unix} attribute view is missing, by the name of the real path. For outputs
     * named on the command line, and for {@code /proc/self/fd/N}.
     */
    static boolean isTerminalDevice(Path path) {
        try {
            int mode = (Integer) Files.getAttribute(path, "unix:mode");
            if ((mode & S_IFMT) != S_IFCHR) {
                return false;
            }
            long rdev = (Long) Files.getAttribute(path, "unix:rdev");
            long major = ((rdev >>> 8) & 0xfff) | ((rdev >>> 32) & ~0xfffL); // glibc's gnu_dev_major
            return major == 4 || major == 5 || (major >= 136 && major <= 143);
        } catch (UnsupportedOperationException | IllegalArgumentException | ClassCastException e) {
            try {
                String p = path.toRealPath().toString();
                return p.startsWith("/dev/pts/") || p.startsWith("/dev/tty") || p.equals("/dev/console");
            } catch (IOException notThere) {
                return false;
            }
        } catch (IOException e) {
            return false;
        }
    }

    /** {@code isatty(fd) == 1}, if this module may call native code and libc has it. */
    @SuppressWarnings("restricted") // only when native access is enabled for this module
    private static Optional<IntPredicate> isatty() {
        if (!Terminals.class.getModule().isNativeAccessEnabled()) {
            return Optional.empty(); // calling it would print the JDK's warning about native access
        }
        try {
            Linker linker = Linker.nativeLinker();
            MethodHandle h = linker.defaultLookup()
                    .find("isatty")
                    .map(s ->
                            linker.downcallHandle(s, FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT)))
                    .orElse(null);
            if (h == null) {
                return Optional.empty();
            }
            return Optional.of(fd -> {
                try {
                    return (int) h.invokeExact(fd) == 1;
                } catch (Throwable t) {
                    return false;
                }
            });
        } catch (RuntimeException | LinkageError e) {
            return Optional.empty();
        }
    }

    /** What {@code /proc/self/fd/N} links to, on Linux; empty elsewhere. */
    private static Optional<IntPredicate> procSelfFd() {
        if (!Files.isDirectory(Path.of("/proc/self/fd"))) {
            return Optional.empty();
        }
        return Optional.of(fd -> {
            try {
                return isTerminalDevice(Path.of("/proc/self/fd/" + fd)); // followed to the descriptor's file
            } catch (Exception e) {
                return false;
            }
        });
    }
}
