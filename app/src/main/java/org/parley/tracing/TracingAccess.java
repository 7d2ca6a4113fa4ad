package org.parley.tracing;

import org.parley.api.Caller;
import org.parley.api.ForbiddenException;
import org.parley.api.NotFoundException;
import org.parley.api.Role;

/**
 * Who may do what with tracing requests (README, "Tracing requests"): registrars of any organisation record them
 * (an intermediary, or a party as the power of origin of the person sought); a request is read only by the
 * recording organisation and the intermediary — any other party, among them the detaining power, never reads one
 * (404, as for a missing one), so the requester's contact details never reach it; only the recording
 * organisation's registrars decide on candidates, answer and close.
 */
final class TracingAccess {

    static final String RECORD = TracingStates.RECORD_TYPE;

    private TracingAccess() {
    }

    static void requireReader(Caller caller) {
        if (!caller.readsRecords()) {
            throw new ForbiddenException("your roles do not include reading tracing requests", RECORD, null);
        }
    }

    static void requireRecorder(Caller caller) {
        requireReader(caller);
        if (!caller.has(Role.REGISTRAR)) {
            throw new ForbiddenException("only registrars record tracing requests", RECORD, null);
        }
    }

    static boolean recorded(Caller caller, TracingRequest request) {
        return request.organisation().equals(caller.organisation());
    }

    static boolean canRead(Caller caller, TracingRequest request) {
        return caller.readsRecords() && (recorded(caller, request) || caller.intermediary());
    }

    /** The request, or a 404 that says no more than "not found". */
    static TracingRequest readable(Caller caller, TracingRequest request, String publicId) {
        requireReader(caller);
        if (!canRead(caller, request)) {
            throw NotFoundException.of(RECORD, publicId);
        }
        return request;
    }

    /** Whether the caller decides on the request: a registrar of the organisation that recorded it. */
    static boolean keeps(Caller caller, TracingRequest request) {
        return caller.has(Role.REGISTRAR) && recorded(caller, request);
    }

    static void requireKeeper(Caller caller, TracingRequest request, String publicId) {
        readable(caller, request, publicId);
        if (!keeps(caller, request)) {
            throw new ForbiddenException("only registrars of the organisation that recorded a tracing request "
                    + "decide on it", RECORD, publicId);
        }
    }
}
