package org.parley.reconcile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;

/** An input/output failure in the user's words: the reason, never a Java class name. */
final class IoFailure {

    private IoFailure() {
    }

    static String describe(UncheckedIOException e) {
        return describe(e.getCause());
    }

    static String describe(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "no such file or directory";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof FileSystemException failure && failure.getReason() != null) {
            return failure.getReason();
        }
        // Without a reason, a file system exception's message is only the path, which the caller names anyway.
        return e.getMessage() == null || e instanceof FileSystemException ? "input/output error" : e.getMessage();
    }
}
