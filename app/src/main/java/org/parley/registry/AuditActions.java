package org.parley.registry;

import java.util.Set;
import org.parley.api.Caller;

/** The actions the registry's audit entries name. */
final class AuditActions {

    static final String CREATE = "CREATE";
    static final String CORRECT = "CORRECT";
    static final String ADD_EVENT = "ADD_EVENT";
    static final String BULK_LOAD = "BULK_LOAD";

    /** Who a bulk load is recorded as: the operator of the instance, outside every organisation. */
    static final Caller OPERATOR = new Caller(0, "operator", null, false, Set.of());

    private AuditActions() {
    }
}
