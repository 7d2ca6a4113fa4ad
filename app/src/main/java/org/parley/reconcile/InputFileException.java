package org.parley.reconcile;

/** A list file that cannot be read at all (not UTF-8, no id column, missing): one message, exit code 2. */
public class InputFileException extends RuntimeException {

    public InputFileException(String message) {
        super(message);
    }

    public InputFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
