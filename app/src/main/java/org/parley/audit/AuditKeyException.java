package org.parley.audit;

/** The instance's audit signing key cannot be used; the message says why and what to do. */
public class AuditKeyException extends RuntimeException {

    public AuditKeyException(String message, Throwable cause) {
        super(message, cause);
    }
}
