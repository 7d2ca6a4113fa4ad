package org.parley.backup;

/** A backup that cannot be written or restored, with a message that says which file, table or check and why. */
public class BackupException extends RuntimeException {

    public BackupException(String message) {
        super(message);
    }

    public BackupException(String message, Throwable cause) {
        super(message, cause);
    }
}
