package dev.arsenal.launcher;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;

/** I/O failures as one line for people: the file and the reason, without exception class names. */
final class IoErrors {
    private IoErrors() {}

    /** The file ({@code file}, or the one the exception names) and the reason. */
    static String describe(IOException e, String file) {
        String path = file != null ? file : e instanceof FileSystemException f ? f.getFile() : null;
        return path == null ? reason(e) : path + ": " + reason(e);
    }

    /** The reason alone: "no such file or directory", "No space left on device". */
    static String reason(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "no such file or directory";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof FileSystemException f) {
            return f.getReason() != null ? f.getReason() : "failed";
        }
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }
}
