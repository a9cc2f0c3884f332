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
 *       their model (the input, as gzip and zstd give theirs), or the default ones. Until the
 *       rename, the temporary file is readable by its owner only.
 *   <li>a symbolic link: followed to the file it names (which need not exist), written as above;
 *       the link stays a link.
 *   <li>a character device or a FIFO ({@code /dev/null}, a named pipe): written in place, for
 *       there is nothing to rename over; what was written stays if the command fails.
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
    private final Thread deleteOnExit;
    private boolean committed;

    private OutputFile(
            String name,
            Path target,
            Path temp,
            FileChannel channel,
            FileModel model,
            boolean terminal,
            Thread deleteOnExit) {
        this.name = name;
        this.target = target;
        this.temp = temp;
        this.channel = channel;
        this.model = model;
        this.terminal = terminal;
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
     * @param force replace an existing regular file, write to a block device
     * @param modeFrom the file whose permissions a new output gets, or null for the default ones
     * @param notes where to say that leftovers of killed runs were removed
     * @throws Refused if the output may not be written (exists, a directory, ...)
     * @throws IOException if it cannot be
     */
    static OutputFile open(String name, boolean force, Path modeFrom, Consumer<String> notes) throws IOException {
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
            return new OutputFile(name, target, null, channel, null, terminal, null);
        }
        if (existing != null && !force) {
            throw new Refused(name + ": already exists; not overwritten (-f replaces it)");
        }
        FileModel model = existing != null
                ? FileModel.of(target, true)
                : modeFrom != null && Files.isRegularFile(modeFrom) ? FileModel.of(modeFrom, false) : null;
        Path dir = target.toAbsolutePath().getParent();
        String base = "." + target.getFileName() + ".";
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
                return new OutputFile(name, target, temp, channel, model, false, hook);
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
        Runtime.getRuntime().removeShutdownHook(deleteOnExit);
    }

    /**
     * A new output takes its name only if the name is still free: a hard link fails if it is
     * taken, where a rename would replace what appeared meanwhile. Where the file system has no
     * hard links, a rename that checks first.
     */
    private void linkIntoPlace() throws IOException {
        try {
            Files.createLink(target, temp);
            Files.delete(temp);
        } catch (FileAlreadyExistsException e) {
            throw new Refused(name + ": appeared while it was written; not overwritten (-f replaces it)");
        } catch (UnsupportedOperationException | FileSystemException e) {
            if (e instanceof NoSuchFileException) {
                throw (NoSuchFileException) e;
            }
            try {
                Files.move(temp, target);
            } catch (FileAlreadyExistsException taken) {
                throw new Refused(name + ": appeared while it was written; not overwritten (-f replaces it)");
            }
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
                    try (FileChannel c = FileChannel.open(candidate, StandardOpenOption.WRITE);
                            FileLock held = tryLock(c)) {
                        if (held != null) {
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
