package org.parley.database;

/**
 * The database could not be reached or started. Its message is written for the person who started Parley:
 * what went wrong and what to do about it, in one paragraph, so that the command line prints it instead of a
 * stack trace.
 */
public class DatabaseStartupException extends RuntimeException {

    public DatabaseStartupException(String message, Throwable cause) {
        super(message, cause);
    }
}
