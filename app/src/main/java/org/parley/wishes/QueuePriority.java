package org.parley.wishes;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.parley.api.Caller;

/**
 * Another feature's reason to interview some persons of the queue before the others: persons whose wish is urgent,
 * with why. Implemented by the features that know it ({@code exchange}: persons on the lists of an open round, whose
 * wish decides whether they may be released), so that {@code wishes} depends on none of them. The interview queue
 * puts the persons any implementation names first.
 */
public interface QueuePriority {

    /**
     * Why a person comes first.
     *
     * @param kind what makes it urgent, e.g. {@code EXCHANGE_ROUND}; also the message key
     *        {@code queue.priority.KIND} (with {@code title}) or {@code queue.priority.KIND.untitled}
     * @param id the public id of the record behind it, or null when the caller may not be told which one
     * @param title that record's title, or null likewise
     * @param page the address of that record's page in the web UI, or null likewise
     */
    record Reason(String kind, String id, String title, String page) {
    }

    /**
     * Of these persons, those who come first, each with its reasons (distinct, in a stable order); the others are
     * left out. One query for all of them, however many: the queue asks for every person waiting at once.
     *
     * @param caller the intermediary reading the queue: what the reasons name is limited to what it may know
     */
    Map<Long, List<Reason>> urgent(Caller caller, Collection<Long> personIds);
}
