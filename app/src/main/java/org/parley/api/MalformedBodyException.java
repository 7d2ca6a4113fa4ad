package org.parley.api;

import java.io.IOException;

/** The request body is not what it must be at the byte level (not UTF-8); found while it was being read. */
class MalformedBodyException extends IOException {

    MalformedBodyException(String reason) {
        super(reason);
    }
}
