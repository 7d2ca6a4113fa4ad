package org.parley.exchange;

/** A person's outcome at the handover. */
public enum HandoverOutcome {
    /** Crossed: the lifecycle gets EXCHANGED when the handover is completed. */
    TRANSFERRED,
    /** Was not brought, or did not come: stays in custody. */
    DID_NOT_APPEAR,
    /** Declined to go, with a verified statement not to return: the lifecycle gets REMAINED. */
    DECLINED
}
