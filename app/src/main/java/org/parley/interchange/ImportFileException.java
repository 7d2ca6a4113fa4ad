package org.parley.interchange;

/** A file that cannot be read at all (not CSV or XLSX, an encoding that is not known, no header): it says why. */
public class ImportFileException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ImportFileException(String message) {
        super(message);
    }

    public ImportFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
