package dev.arsenal.launcher;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.HexFormat;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * The file a command writes ({@code compress}, {@code decompress}, {@code train}), handled by what
 * its path names:
 *
 * <ul>
 *   <li>nothing yet, or a regular file: the bytes go to a hidden temporary file beside it, {@code
 *       .NAME.<12 hex digits>.tmp}, renamed over it once complete ({@link #commit}), so that the
 *       file is written whole or not at all, whatever happens to the command (not synced to disk:
 *       against a system crash, the file system decides, as for gzip and zstd). A replaced file keeps its permissions, and its owner
 *       and group where the system allows; a new one gets the permissions of the file named as
 *       their model (the input, as gzip and zstd give theirs), or the default ones. Where they
 *       come from a file, the temporary file is readable by its owner only until the rename;
 *       otherwise it has from the start the default permissions the output ends with.
 *   <li>a symbolic link: followed to the file it names (which need not exist), written as above;
 *       the link stays a link.
 *   <li>a character device or a FIFO ({@code /dev/null}, a named pipe): written in place, for
 *       there is nothing to rename over; what was written stays if the command fails.
 *   <li>an open file descriptor ({@code /dev/fd/N}, {@code /proc/PID/fd/N}, or a link leading to
 *       one, such as {@code /dev/stderr}): the file the descriptor has open, never the link.
 *       Standard output ({@code /dev/stdout}, descriptor 1) is written as {@code -} is, through the
 *       descriptor the shell opened (so that {@code >>} appends), by the commands ({@link
 *       #namesStandardOutput}); another descriptor's pipe, FIFO or device is opened and written in
 *       place, and its regular file only when forced ({@code -f}: truncated and written in place, as
 *       {@code zstd -o /dev/fd/3} does), for nothing can be renamed over it.
 * </ul>
 *
 * <p>An existing regular file is replaced only when forced ({@code -f}, as gzip, zstd and lz4 ask),
 * a block device written only when forced, a directory or a socket never. A file that appears
 * while the output is written is not replaced either: a new file is linked into place, which fails
 * if the name was taken meanwhile.
 *
 * <p>A run killed hard ({@code kill -9}, a crash; Ctrl-C deletes its own) leaves its temporary file.
 * The next run writing the same file removes such leftovers, and only what is certainly one: a
 * regular file named exactly {@code .NAME.<12 hex digits>.tmp}, of the same owner, that no process
 * holds. A writer holds an exclusive lock on its temporary file from before the file has that
 * name (it is made as {@code .NAME.<hex>.new}, locked, then renamed) until it is renamed over the
 * output, and the system drops the lock when the writer dies, so a lock that can be taken means
 * nobody will write or rename that file again.
 */
final class OutputFile implements AutoCloseable {
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    /** {@code S_IFMT} and its values, in the {@code unix:mode} attribute. */
    private static final int S_IFMT = 0170000;

    private static final int S_IFCHR = 0020000;
    private static final int S_IFBLK = 0060000;
    private static final int S_IFSOCK = 0140000;

    private final String name;
    private final Path target;
    private final Path temp;
    private final FileChannel channel;
    private final FileModel model;
    private final boolean terminal;
    private final boolean replaceFiles;
    private final Thread deleteOnExit;
    private boolean committed;

    private OutputFile(
            String name,
            Path target,
            Path temp,
            FileChannel channel,
            FileModel model,
            boolean terminal,
            boolean replaceFiles,
            Thread deleteOnExit) {
        this.name = name;
        this.target = target;
        this.temp = temp;
        this.channel = channel;
        this.model = model;
        this.terminal = terminal;
        this.replaceFiles = replaceFiles;
        this.deleteOnExit = deleteOnExit;
    }

    /** A refusal to write the output, with the whole message ("OUT: already exists; ..."). */
    static final class Refused extends IOException {
        private static final long serialVersionUID = 1L;

        Refused(String message) {
            super(message);
        }
    }

    /**
     * Opens {@code name} for writing.
     *
     * @param force replace an existing regular file, write to a block device (or to a descriptor's
     *     regular file)
     * @param modeFrom the file whose permissions a new output gets, or null for the default ones
     * @param notes where to say that leftovers of killed runs were removed
     * @throws Refused if the output may not be written (exists, a directory, ...)
     * @throws IOException if it cannot be
     */
    static OutputFile open(String name, boolean force, Path modeFrom, Consumer<String> notes) throws IOException {
        return open(name, force, force, modeFrom, notes);
    }

    /**
     * Opens {@code name} for writing, replacing an existing regular file if {@code replaceFiles}
     * (as {@code train} always does, like {@code zstd --train}), writing to a block device or a
     * descriptor's regular file only if {@code force}.
     */
    static OutputFile open(String name, boolean replaceFiles, boolean force, Path modeFrom, Consumer<String> notes)
            throws IOException {
        return open(name, replaceFiles, force, modeFrom, null, notes);
    }

    /**
     * Opens {@code name} for a secret (a private key): as {@link #open(String, boolean, Path,
     * Consumer)}, but a regular file is readable and writable by its owner only, from its
     * temporary file on, whatever it replaces.
     */
    static OutputFile openSecret(String name, boolean force, Consumer<String> notes) throws IOException {
        return open(name, force, force, null, OWNER_ONLY, notes);
    }

    private static OutputFile open(
            String name,
            boolean replaceFiles,
            boolean force,
            Path modeFrom,
            Set<PosixFilePermission> permissions,
            Consumer<String> notes)
            throws IOException {
        Path descriptor = descriptorLink(Path.of(name));
        if (descriptor != null) {
            return openDescriptor(name, descriptor, force);
        }
        Path target = followLinks(Path.of(name));
        BasicFileAttributes existing;
        try {
            existing = Files.readAttributes(target, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            existing = null;
        }
        if (existing != null && existing.isDirectory()) {
            throw new Refused(name + ": is a directory");
        }
        if (existing != null && existing.isOther()) {
            int type = fileType(target);
            if (type == S_IFSOCK) {
                throw new Refused(name + ": is a socket");
            }
            if (type == S_IFBLK && !force) {
                throw new Refused(name + ": is a block device; not written (-f writes to it)");
            }
            // A character device, a FIFO (or, forced, a block device): written as it is.
            FileChannel channel = FileChannel.open(target, StandardOpenOption.WRITE);
            boolean terminal = type == S_IFCHR && Terminals.isTerminalDevice(target);
            return new OutputFile(name, target, null, channel, null, terminal, false, null);
        }
        if (existing != null && !replaceFiles) {
            throw new Refused(name + ": already exists; not overwritten (-f replaces it)");
        }
        FileModel model = permissions != null
                ? new FileModel(permissions, null, null, existing != null)
                : existing != null
                        ? FileModel.of(target, true)
                        : modeFrom != null && Files.isRegularFile(modeFrom) ? FileModel.of(modeFrom, false) : null;
        Path dir = target.toAbsolutePath().getParent();
        String base = tempBase(target.getFileName().toString());
        FileChannel channel = null;
        Path temp = null;
        for (int attempt = 0; channel == null; attempt++) {
            String hex = HexFormat.of()
                    .toHexDigits(ThreadLocalRandom.current().nextLong())
                    .substring(4);
            Path fresh = dir.resolve(base + hex + ".new");
            try {
                channel = model == null
                        ? FileChannel.open(fresh, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)
                        : FileChannel.open(
                                fresh, Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE), ownerOnly(dir));
                temp = dir.resolve(base + hex + ".tmp");
            } catch (FileAlreadyExistsException e) {
                if (attempt == 10) {
                    throw e;
                }
                continue;
            }
            Thread hook = null;
            try {
                tryLock(channel); // held until the channel closes, after the rename over the output
                // The hook first: a SIGTERM between the rename and the hook left the .tmp file behind.
                hook = deleteOnExit(fresh, temp);
                Files.move(fresh, temp, StandardCopyOption.ATOMIC_MOVE);
                removeLeftovers(dir, base, temp, notes);
                return new OutputFile(name, target, temp, channel, model, false, replaceFiles, hook);
            } catch (IOException | RuntimeException e) {
                if (hook != null) {
                    Runtime.getRuntime().removeShutdownHook(hook);
                }
                channel.close();
                Files.deleteIfExists(fresh);
                Files.deleteIfExists(temp);
                throw e;
            }
        }
        throw new AssertionError("unreachable");
    }

    /** Where the bytes go: the temporary file, or the device itself. Closing it closes nothing. */
    OutputStream stream() {
        OutputStream out = Channels.newOutputStream(channel);
        return new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                out.write(b);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
            }
        };
    }

    /** Whether the output is written whole or not at all (a regular file), not in place (a device). */
    boolean isWholeOrNothing() {
        return temp != null;
    }

    /** Whether the output is a terminal device ({@code /dev/tty}): no place for compressed data. */
    boolean isTerminal() {
        return terminal;
    }

    /**
     * Makes the output final: the temporary file gets its permissions (and owner) and is renamed
     * over the output; a device is closed.
     */
    void commit() throws IOException {
        if (temp == null) {
            channel.close();
            committed = true;
            return;
        }
        if (model != null) {
            model.applyTo(temp);
        }
        if (model != null && model.replaced()) {
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } else {
            linkIntoPlace();
        }
        committed = true;
        channel.close(); // drops the lock, now held on the output under its final name
        try {
            Runtime.getRuntime().removeShutdownHook(deleteOnExit);
        } catch (IllegalStateException shuttingDown) {
            // Ctrl-C during the rename: the hook finds nothing left to delete
        }
    }

    /**
     * A new output takes its name only if the name is still free: a hard link fails if it is
     * taken, where a rename would replace what appeared meanwhile (which {@code -f} allows). Where
     * the file system has no hard links, a rename that checks first.
     */
    private void linkIntoPlace() throws IOException {
        try {
            Files.createLink(target, temp);
        } catch (FileAlreadyExistsException e) {
            appeared();
            return;
        } catch (UnsupportedOperationException | FileSystemException e) {
            if (e instanceof NoSuchFileException) {
                throw (NoSuchFileException) e;
            }
            try {
                Files.move(temp, target);
            } catch (FileAlreadyExistsException taken) {
                appeared();
            }
            return;
        }
        try {
            Files.delete(temp); // the output is in place: its temporary name goes
        } catch (IOException e) {
            // left as a second name of the output, unlocked: the next run removes that name
        }
    }

    /** A file took the output's name while it was written: replaced if allowed, else refused. */
    private void appeared() throws IOException {
        if (!replaceFiles) {
            throw new Refused(name + ": appeared while it was written; not overwritten (-f replaces it)");
        }
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Deletes the temporary file unless committed (the output stays as it was); closes a device. */
    @Override
    public void close() throws IOException {
        if (committed) {
            return;
        }
        committed = true;
        try {
            channel.close();
        } finally {
            if (temp != null) {
                Files.deleteIfExists(temp);
                try {
                    Runtime.getRuntime().removeShutdownHook(deleteOnExit);
                } catch (IllegalStateException shuttingDown) {
                    // the hook runs (or ran) and deletes the file
                }
            }
        }
    }

    /** The temporary file, for messages; null for a device. */
    Path temporaryFile() {
        return temp;
    }

    /**
     * {@code path} with its symbolic links followed, also when the last one names nothing yet (a
     * link to a file to be made); relative links resolve against their own directory.
     */
    static Path followLinks(Path path) throws IOException {
        Path p = path;
        for (int hops = 0; Files.isSymbolicLink(p); hops++) {
            if (hops == 40) {
                throw new FileSystemException(path.toString(), null, "too many levels of symbolic links");
            }
            Path link = Files.readSymbolicLink(p);
            Path parent = p.toAbsolutePath().getParent();
            p = parent == null ? link : parent.resolve(link);
        }
        return p;
    }

    /** {@code /proc/PID/fd/N} (also {@code self}, {@code thread-self}) or {@code /dev/fd/N}: group 1 the process, 2 or 3 the descriptor. */
    private static final Pattern DESCRIPTOR = Pattern.compile("/proc/(self|thread-self|\\d+)/fd/(\\d+)|/dev/fd/(\\d+)");

    /**
     * Whether {@code name} is this process's standard output through a descriptor link ({@code
     * /dev/stdout}, {@code /dev/fd/1}, {@code /proc/self/fd/1}, or a link leading to one): the
     * commands then write to stdout as for {@code -}. Opening the link instead would open the file
     * anew, from its start, and renaming over it would replace the link itself.
     */
    static boolean namesStandardOutput(String name) {
        if (name.equals("-")) {
            return false;
        }
        try {
            Path descriptor = descriptorLink(Path.of(name));
            if (descriptor == null) {
                return false;
            }
            var m = DESCRIPTOR.matcher(descriptor.toString());
            if (!m.matches()) {
                return false;
            }
            String process = m.group(1);
            String fd = m.group(2) != null ? m.group(2) : m.group(3);
            boolean self = process == null
                    || process.equals("self")
                    || process.equals("thread-self")
                    || process.equals(String.valueOf(ProcessHandle.current().pid()));
            return self && fd.equals("1");
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /**
     * The descriptor link ({@link #DESCRIPTOR}) that {@code path} is, or reaches through its
     * symbolic links, or null. Checked on the text of each hop before it is followed: the target
     * of a descriptor link ({@code pipe:[123]}, a deleted file) is not a path to follow.
     */
    static Path descriptorLink(Path path) throws IOException {
        Path p = path.toAbsolutePath().normalize();
        for (int hops = 0; ; hops++) {
            if (DESCRIPTOR.matcher(p.toString()).matches()) {
                return p;
            }
            if (hops == 40 || !Files.isSymbolicLink(p)) {
                return null;
            }
            Path link = Files.readSymbolicLink(p);
            Path parent = p.getParent();
            p = (parent == null ? link : parent.resolve(link)).toAbsolutePath().normalize();
        }
    }

    /** Opens what an open file descriptor's link names, in place; see the class comment. */
    private static OutputFile openDescriptor(String name, Path descriptor, boolean force) throws IOException {
        BasicFileAttributes a = Files.readAttributes(descriptor, BasicFileAttributes.class);
        if (a.isDirectory()) {
            throw new Refused(name + ": is a directory");
        }
        FileChannel channel;
        if (a.isRegularFile()) {
            if (!force) {
                throw new Refused(name + ": names an open file descriptor of a regular file; not overwritten"
                        + " (-f truncates it and writes there)");
            }
            channel = FileChannel.open(descriptor, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
        } else {
            channel = FileChannel.open(descriptor, StandardOpenOption.WRITE);
        }
        return new OutputFile(
                name, descriptor, null, channel, null, Terminals.isTerminalDevice(descriptor), false, null);
    }

    /** The file type bits of {@code unix:mode}, or 0 where that view is missing. */
    private static int fileType(Path p) {
        try {
            return (Integer) Files.getAttribute(p, "unix:mode", LinkOption.NOFOLLOW_LINKS) & S_IFMT;
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return 0;
        }
    }

    /** Read and write for the owner only, where the file system has POSIX permissions. */
    private static FileAttribute<?>[] ownerOnly(Path dir) {
        return dir.getFileSystem().supportedFileAttributeViews().contains("posix")
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_ONLY)}
                : new FileAttribute<?>[0];
    }

    /** An exclusive lock on the whole file, or null where the file system has none. */
    private static FileLock tryLock(FileChannel channel) {
        try {
            return channel.tryLock();
        } catch (IOException | OverlappingFileLockException e) {
            return null; // no locks here (an NFS without a lock daemon): no leftover is ever removed
        }
    }

    /** A shared lock on the whole file, or null if it is held exclusively or locks are missing. */
    private static FileLock trySharedLock(FileChannel channel) {
        try {
            return channel.tryLock(0, Long.MAX_VALUE, true);
        } catch (IOException | OverlappingFileLockException e) {
            return null;
        }
    }

    /**
     * The start of the temporary files' names for an output named {@code fileName}: {@code
     * .NAME.}, with NAME cut, and a hash of the whole name added, where the temporary name would
     * pass the 255 bytes a file name may have ({@code .NAME.<12 hex>.tmp} adds 18).
     */
    static String tempBase(String fileName) {
        String base = "." + fileName + ".";
        if (base.getBytes(java.nio.charset.StandardCharsets.UTF_8).length + 16 <= 255) {
            return base;
        }
        String tag = "~" + HexFormat.of().toHexDigits(fileName.hashCode()) + ".";
        StringBuilder cut = new StringBuilder(".");
        int bytes = 1 + tag.length() + 16;
        for (int i = 0; i < fileName.length(); ) {
            int cp = fileName.codePointAt(i);
            int n = new String(Character.toChars(cp)).getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
            if (bytes + n > 255) {
                break;
            }
            cut.appendCodePoint(cp);
            bytes += n;
            i += Character.charCount(cp);
        }
        return cut + tag;
    }

    /**
     * Deletes {@code fresh} and {@code temp} (the file before and after its rename) if the JVM exits
     * while it is being written (Ctrl-C), as gzip removes its partial output; once renamed over the
     * output, there is nothing left to delete.
     */
    private static Thread deleteOnExit(Path fresh, Path temp) {
        Thread hook = new Thread(() -> {
            try {
                Files.deleteIfExists(fresh);
                Files.deleteIfExists(temp);
            } catch (IOException e) {
                // exiting: nowhere to say it
            }
        });
        Runtime.getRuntime().addShutdownHook(hook);
        return hook;
    }

    /** Removes the temporary files of killed runs that wrote the same output; see the class comment. */
    private static void removeLeftovers(Path dir, String base, Path own, Consumer<String> notes) {
        Pattern ours = Pattern.compile(Pattern.quote(base) + "[0-9a-f]{12}\\.tmp");
        try (DirectoryStream<Path> candidates = Files.newDirectoryStream(
                dir, p -> ours.matcher(p.getFileName().toString()).matches())) {
            UserPrincipal owner = Files.getOwner(own);
            for (Path candidate : candidates) {
                if (candidate.equals(own)) {
                    continue;
                }
                try {
                    BasicFileAttributes a =
                            Files.readAttributes(candidate, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                    if (!a.isRegularFile() || !owner.equals(Files.getOwner(candidate, LinkOption.NOFOLLOW_LINKS))) {
                        continue;
                    }
                    // Opened without following a link swapped in since, for reading (a read-only
                    // leftover opens too); a shared lock conflicts with the writer's exclusive one.
                    try (FileChannel c =
                                    FileChannel.open(candidate, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS);
                            FileLock held = trySharedLock(c)) {
                        Object key = Files.readAttributes(
                                        candidate, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS)
                                .fileKey();
                        if (held != null && key != null && key.equals(a.fileKey())) {
                            Files.delete(candidate);
                            notes.accept("removed " + candidate + ", left by a run that was killed");
                        }
                    }
                } catch (IOException e) {
                    // gone meanwhile, or not ours to open: leave it
                }
            }
        } catch (IOException e) {
            // an unreadable directory: nothing to clean
        }
    }

    /**
     * The permissions (and, for a replaced file, the owner and group) an output gets at {@link
     * #commit}.
     */
    private record FileModel(Set<PosixFilePermission> permissions, Object uid, Object gid, boolean replaced) {
        static FileModel of(Path file, boolean replaced) throws IOException {
            Set<PosixFilePermission> permissions;
            try {
                permissions = Files.getPosixFilePermissions(file);
            } catch (UnsupportedOperationException e) {
                permissions = null;
            }
            Object uid = null;
            Object gid = null;
            if (replaced) {
                try {
                    uid = Files.getAttribute(file, "unix:uid");
                    gid = Files.getAttribute(file, "unix:gid");
                } catch (UnsupportedOperationException | IllegalArgumentException e) {
                    // no unix view: the owner stays ours
                }
            }
            return new FileModel(permissions, uid, gid, replaced);
        }

        /**
         * Owner and group first (where allowed: a user may give a file to a group of theirs, only
         * root to another user), then the permissions, which a change of owner may clear.
         */
        void applyTo(Path temp) throws IOException {
            for (String attribute : new String[] {"unix:gid", "unix:uid"}) {
                Object value = attribute.equals("unix:uid") ? uid : gid;
                if (value != null && !value.equals(Files.getAttribute(temp, attribute))) {
                    try {
                        Files.setAttribute(temp, attribute, value);
                    } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
                        // not allowed: the file stays ours, as with gzip and zstd
                    }
                }
            }
            if (permissions != null) {
                Files.setPosixFilePermissions(temp, permissions);
            }
        }
    }
}
