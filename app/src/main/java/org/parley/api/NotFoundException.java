package org.parley.api;

/** The record does not exist (or, once access control lands, the caller may not know that it does). */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String what) {
        super(what + " not found");
    }
}
