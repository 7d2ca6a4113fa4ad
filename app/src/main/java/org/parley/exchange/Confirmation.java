package org.parley.exchange;

/** The holder's word on a requested entry's match; it carries over to later versions of an unchanged entry. */
public enum Confirmation {
    PENDING, CONFIRMED, REJECTED
}
