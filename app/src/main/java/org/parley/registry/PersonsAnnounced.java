package org.parley.registry;

import java.util.List;
import org.parley.api.Caller;

/**
 * Persons just registered, imported, received in a notification bundle, notified or corrected: each may have become
 * visible to an organisation that could not see them before, or now match what it looks for. Published synchronously
 * inside the transaction of that change, so that a listener (the tracing requests' standing search) acts in the same
 * transaction; the registry does not know who listens.
 *
 * @param by who made the change
 * @param personIds the internal keys of the persons
 */
public record PersonsAnnounced(Caller by, List<Long> personIds) {

    public PersonsAnnounced {
        personIds = List.copyOf(personIds);
    }
}
