package org.parley.interchange;

/** Told how far an import has got: rows read, and bytes of the file read of its size. */
@FunctionalInterface
public interface ImportProgress {

    void update(long rowsRead, long bytesRead, long totalBytes);

    /** The import moved on to another step ("checking", "storing"). */
    default void step(String what) {
    }
}
