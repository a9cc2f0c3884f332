package dev.arsenal.launcher;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;

/**
 * {@code arsenal shell [--storage DIR]}: boots Felix with every bundle ({@link OsgiContainer}) and
 * runs Gogo commands read from stdin, one per line, until {@code exit [STATUS]}, the end of input,
 * or the framework stopping ({@code stop 0}). The exit status is the one {@code exit} gives;
 * otherwise 1 ({@link Main#PARTIAL}) if any command failed, as a script needs ({@code echo
 * 'arsenal:use nope x' | arsenal shell} fails), else 0. A failing command does not end the shell:
 * its error goes to stderr and the next line runs, as in Gogo's console.
 * Storage is a temporary directory deleted on exit (also on Ctrl-C), or {@code --storage DIR},
 * which is kept for inspection; the bundles are installed afresh at every start, which empties it.
 *
 * <p>Why not Gogo's own console: the gogo.shell 1.1.4 bundle reads {@code FileDescriptor.in}
 * directly, has no {@code exit} (the profile maps {@code exit} to {@code System.exit(int)}, so a
 * bare {@code exit} fails with "Cannot coerce exit() to any of [(int)]"), prints its prompt and
 * banner also when stdin is a pipe, and on end of input stops the framework from its own thread.
 * So the bundle is started with {@code gosh.args=--nointeractive --quiet} (its activator then only
 * runs the profile, and never touches stdin), and this class reads the lines and executes them in a
 * Gogo session of its own, after running the same profile in it. All standard commands ({@code
 * lb}, {@code start}, {@code stop}, {@code update}, {@code help}, pipes, closures) behave as in
 * Gogo's console; the prompt is printed only on a terminal, and command errors go to stderr.
 */
final class ShellCommand {
    private static final String FRAMEWORK_MODULE = "org.apache.felix.framework";
    private static final String USAGE_LINE = "usage: arsenal shell [--storage DIR]";
    /** Read by the gogo.shell activator: run the profile only, no console, no banner. */
    private static final Map<String, String> GOGO_PROPERTIES = Map.of("gosh.args", "--nointeractive --quiet");

    private static final Pattern EXIT = Pattern.compile("exit(?:\\s+(\\d{1,3}))?");
    private static final String PROMPT = "g! ";

    private final InputStream in;
    private final PrintStream out;
    private final PrintStream err;
    private final AtomicBoolean shutDown = new AtomicBoolean();
    /** Commands read from the input and run, and how many of them failed. */
    private int commands;

    private int failures;

    ShellCommand(InputStream in, PrintStream out, PrintStream err) {
        this.in = in;
        this.out = out;
        this.err = err;
    }

    /**
     * Runs the shell. This class names no OSGi type outside its nested {@code GogoSession}, so that
     * it links, and says what is missing, when the framework module is not in the boot layer.
     */
    int run(List<String> args) {
        Path storage = null;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.equals("--storage") && i + 1 < args.size()) {
                storage = Path.of(args.get(++i));
            } else {
                throw new UsageException(
                        (arg.equals("--storage") ? "--storage needs a directory" : "unknown option '" + arg + "'")
                                + "; " + USAGE_LINE);
            }
        }
        if (ShellCommand.class.getModule().isNamed()
                && ModuleLayer.boot().findModule(FRAMEWORK_MODULE).isEmpty()) {
            err.println("arsenal shell: on the module path, add --add-modules " + FRAMEWORK_MODULE);
            return Main.USAGE;
        }
        boolean temporary = storage == null;
        try {
            if (temporary) {
                storage = Files.createTempDirectory("arsenal-shell");
            } else {
                checkStorage(storage);
            }
        } catch (IOException e) {
            err.println("arsenal shell: cannot use the storage directory " + storage + ": " + e);
            return Main.USAGE;
        }
        OsgiContainer container;
        try {
            container = OsgiContainer.start(storage, GOGO_PROPERTIES, err);
        } catch (RuntimeException e) {
            err.println("arsenal shell: cannot start the OSGi framework: " + e.getMessage());
            if (temporary) {
                deleteTree(storage);
            }
            return Main.USAGE;
        }
        Path toDelete = temporary ? storage : null;
        Thread hook = new Thread(() -> shutDown(container, toDelete), "arsenal-shell-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            return session(container);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Main.OK;
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException alreadyShuttingDown) {
                // The hook is running or about to; it does the same.
            }
            shutDown(container, toDelete);
        }
    }

    private int session(OsgiContainer container) throws InterruptedException {
        GogoSession gogo;
        try {
            gogo = GogoSession.open(container.context(), out, err);
        } catch (ReflectiveOperationException | IllegalStateException e) {
            err.println("arsenal shell: no Gogo session: " + e.getMessage());
            return Main.USAGE;
        }
        try {
            // The default profile, as Gogo's console runs it: SCOPE gogo:*, the context and system
            // commands, the 'e' alias; --nointeractive so that it returns instead of reading stdin.
            execute(gogo, "gosh --login --nointeractive --quiet");
            boolean terminal = System.console() != null && System.console().isTerminal();
            LineSource lines = new LineSource(in, container);
            while (container.isActive()) {
                if (terminal) {
                    out.print(PROMPT);
                    out.flush();
                }
                String line = lines.next();
                if (line == null || !container.isActive()) {
                    break;
                }
                String command = line.strip();
                Matcher exit = EXIT.matcher(command);
                if (exit.matches()) {
                    return exit.group(1) == null ? status() : Integer.parseInt(exit.group(1));
                }
                if (!command.isEmpty()) {
                    commands++;
                    if (!execute(gogo, command)) {
                        failures++;
                    }
                }
            }
            return status();
        } finally {
            gogo.close();
        }
    }

    /** The status without an explicit {@code exit N}: 1 if a command failed, said on stderr once. */
    private int status() {
        if (failures == 0) {
            return Main.OK;
        }
        err.println("arsenal shell: " + failures + " of " + commands + (commands == 1 ? " command" : " commands")
                + " failed; exit status " + Main.PARTIAL);
        return Main.PARTIAL;
    }

    /**
     * Runs one command line and prints its result as Gogo's console does; errors go to stderr.
     * Returns whether the command succeeded: it failed if it threw (Gogo's "Command not found", a
     * bad argument, an Arsenal command refusing). A command that only prints a complaint and
     * returns (as some of Gogo's own do) cannot be told from one that succeeded.
     */
    private boolean execute(GogoSession gogo, String command) {
        boolean ok = true;
        try {
            Object result = gogo.execute(command);
            gogo.put("_", result);
            if (result != null && !Boolean.FALSE.equals(gogo.get(".Gogo.format"))) {
                CharSequence text = gogo.format(result);
                if (!text.isEmpty()) { // stop and start return "": no blank line for them
                    out.println(text);
                }
            }
        } catch (Exception e) {
            ok = false;
            gogo.put("exception", e);
            // A bad argument's message is the whole story (an Arsenal command's usage, Gogo's
            // "Cannot coerce"); for anything else the exception's name says what kind of failure.
            err.println("gogo: "
                    + (e.getClass() == IllegalArgumentException.class
                            ? ""
                            : e.getClass().getSimpleName() + ": ")
                    + e.getMessage());
        }
        out.flush();
        err.flush();
        return ok;
    }

    /**
     * Felix empties its storage directory at start, so a directory given with {@code --storage}
     * must be new, empty, or a framework cache already (it has {@code bundle0}, the system bundle's).
     */
    private static void checkStorage(Path storage) throws IOException {
        if (!Files.exists(storage) || Files.isDirectory(storage.resolve("bundle0"))) {
            return;
        }
        if (!Files.isDirectory(storage)) {
            throw new UsageException("--storage " + storage + " is not a directory");
        }
        try (Stream<Path> entries = Files.list(storage)) {
            if (entries.findAny().isPresent()) {
                throw new UsageException("--storage " + storage + " is neither empty nor a previous shell's storage,"
                        + " and the framework empties it at start");
            }
        }
    }

    private void shutDown(OsgiContainer container, Path toDelete) {
        if (!shutDown.compareAndSet(false, true)) {
            return; // the shutdown hook and the finally block both get here
        }
        try {
            container.close();
        } catch (IllegalStateException e) {
            err.println("arsenal shell: " + e.getMessage());
        }
        if (toDelete != null) {
            deleteTree(toDelete);
        }
    }

    private void deleteTree(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException | UncheckedIOException e) {
            err.println("arsenal shell: cannot delete the storage directory " + dir + ": " + e.getMessage());
        }
    }

    /**
     * Lines from stdin, read on a daemon thread one at a time when asked for: the prompt comes after
     * the previous command's output, and a framework stopped from a command ({@code stop 0}) ends the
     * shell even while the reader waits for a line that may never come.
     */
    private static final class LineSource {
        private final Semaphore wanted = new Semaphore(0);
        /** A line, or empty for the end of input or a stopped framework. */
        private final BlockingQueue<Optional<String>> lines = new LinkedBlockingQueue<>();

        LineSource(InputStream in, OsgiContainer container) {
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, Charset.defaultCharset()));
            Thread.ofPlatform().daemon().name("arsenal-shell-stdin").start(() -> {
                try {
                    String line;
                    do {
                        wanted.acquire();
                        line = reader.readLine();
                        lines.add(Optional.ofNullable(line));
                    } while (line != null);
                } catch (IOException e) {
                    lines.add(Optional.empty());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            Thread.ofPlatform().daemon().name("arsenal-shell-stop-watch").start(() -> {
                try {
                    container.awaitStop();
                    lines.add(Optional.empty());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
        }

        /** The next line; null at the end of input or once the framework has stopped. */
        String next() throws InterruptedException {
            wanted.release();
            return lines.take().orElse(null);
        }
    }

    /**
     * A Gogo {@code CommandSession}, called by reflection: the Gogo API classes are those of the
     * gogo.runtime bundle's class loader, not the copies the launcher could see on its class path.
     */
    private static final class GogoSession {
        private static final String PROCESSOR = "org.apache.felix.service.command.CommandProcessor";
        private static final String SESSION = "org.apache.felix.service.command.CommandSession";
        /** {@code Converter.INSPECT}, the level Gogo's console formats results with. */
        private static final int INSPECT = 0;

        private final BundleContext context;
        private final ServiceReference<?> reference;
        private final Object session;
        private final Method execute;
        private final Method format;
        private final Method get;
        private final Method put;
        private final Method close;

        private GogoSession(BundleContext context, ServiceReference<?> reference, Object session, Class<?> type)
                throws NoSuchMethodException {
            this.context = context;
            this.reference = reference;
            this.session = session;
            this.execute = type.getMethod("execute", CharSequence.class);
            this.format = type.getMethod("format", Object.class, int.class);
            this.get = type.getMethod("get", String.class);
            this.put = type.getMethod("put", String.class, Object.class);
            this.close = type.getMethod("close");
        }

        static GogoSession open(BundleContext context, PrintStream out, PrintStream err)
                throws ReflectiveOperationException {
            // getAllServiceReferences, not getServiceReference: the latter hides services whose
            // class the caller would load differently, and the system bundle would load the Gogo
            // API from the class path.
            ServiceReference<?>[] references;
            try {
                references = context.getAllServiceReferences(PROCESSOR, null);
            } catch (InvalidSyntaxException e) {
                throw new AssertionError("no filter, no syntax", e);
            }
            ServiceReference<?> reference = references == null ? null : references[0];
            Object processor = reference == null ? null : context.getService(reference);
            if (processor == null) {
                throw new IllegalStateException("the Gogo runtime (org.apache.felix.gogo.runtime) is not running");
            }
            Class<?> processorType = reference.getBundle().loadClass(PROCESSOR);
            Class<?> sessionType = reference.getBundle().loadClass(SESSION);
            // The session's own stdin is empty: the shell reads the real one, a line at a time.
            Object session = processorType
                    .getMethod("createSession", InputStream.class, OutputStream.class, OutputStream.class)
                    .invoke(processor, InputStream.nullInputStream(), out, err);
            return new GogoSession(context, reference, session, sessionType);
        }

        Object execute(String command) throws Exception {
            return call(execute, command);
        }

        CharSequence format(Object result) throws Exception {
            return (CharSequence) call(format, result, INSPECT);
        }

        Object get(String name) {
            try {
                return call(get, name);
            } catch (Exception e) {
                return null;
            }
        }

        void put(String name, Object value) {
            try {
                call(put, name, value);
            } catch (Exception e) {
                // A closed session: nothing left to remember the value for.
            }
        }

        void close() {
            try {
                call(close);
            } catch (Exception e) {
                // Already closed with the framework.
            }
            try {
                context.ungetService(reference);
            } catch (IllegalStateException e) {
                // The framework has stopped; the service is gone anyway.
            }
        }

        private Object call(Method method, Object... args) throws Exception {
            try {
                return method.invoke(session, args);
            } catch (InvocationTargetException e) {
                if (e.getCause() instanceof Exception cause) {
                    throw cause;
                }
                if (e.getCause() instanceof Error error) {
                    throw error;
                }
                throw e;
            }
        }
    }
}
