package org.parley.exchange;

/** Why a person is on a side of the exchange list: the other party asked for them, or their holder offered them. */
public enum ReleaseSource {
    REQUEST, OFFER
}
