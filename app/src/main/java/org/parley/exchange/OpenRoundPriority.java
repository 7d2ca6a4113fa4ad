package org.parley.exchange;

import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.parley.api.Caller;
import org.parley.api.PublicIds;
import org.parley.wishes.QueuePriority;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Persons on the lists of an open exchange round ({@code NEGOTIATING} or {@code AGREED}) come first in the
 * intermediary's interview queue: their wish decides whether they may be released. A person is on a round's list
 * when the latest version of one of its request or offer lists names them — an entry naming the registry person,
 * or, on a request list, the person the entry was reconciled to: its match ({@code FOUND}, or {@code NOT_ELIGIBLE}
 * for a verified wish not to return, which a new interview may change) while the holder has not decided on the
 * entry as it is, or the person the holder's latest decision confirmed or picked. A match the holder rejected
 * names nobody. The latest version of the round's exchange list names the persons it releases. An earlier
 * version, or a round abandoned or executed, counts for nothing.
 *
 * <p>The intermediary is told which round (id and title) only for the rounds it is the intermediary of, the ones it
 * takes part in; of any other round only that there is one.
 */
@Repository
class OpenRoundPriority implements QueuePriority {

    static final String KIND = "EXCHANGE_ROUND";
    /** On the list of a round the caller does not take part in: which one is not said. */
    private static final Reason NO_NAME = new Reason(KIND, null, null, null);

    /**
     * One query for all persons asked about: the latest version of each list of each open round (few), the persons
     * its entries name among those asked about (by the indexes on person_id), the rounds they are on.
     */
    private static final String SQL = """
            with open_round as (
                select r.id, r.title, coalesce(i.code = :organisation, false) as ours
                from exchange_round r left join organisation i on i.id = r.intermediary_id
                where r.state in ('NEGOTIATING', 'AGREED')),
            latest as (
                select distinct on (v.round_id, v.party_id, v.kind) v.id, v.round_id, v.party_id, v.kind
                from exchange_list_version v join open_round r on r.id = v.round_id
                order by v.round_id, v.party_id, v.kind, v.number desc),
            named as (
                -- an entry naming a registry person, on a request or an offer list
                select l.round_id, e.person_id
                from latest l join exchange_list_entry e on e.version_id = l.id
                where e.person_id = any(:persons)
                union
                -- a requested entry reconciled to a person, on which the holder has not decided
                select l.round_id, m.person_id
                from latest l
                join exchange_match m on m.version_id = l.id
                join exchange_list_entry e on e.version_id = m.version_id and e.ref = m.ref
                where l.kind = 'request' and m.person_id = any(:persons)
                  and (m.outcome = 'FOUND' or m.reason = 'VERIFIED_NOT_RETURNING')
                  and not exists (select 1 from exchange_confirmation c where c.round_id = l.round_id
                      and c.party_id = l.party_id and c.ref = e.ref and c.content_hash = e.content_hash)
                union
                -- a requested entry whose latest decision, on the entry as it is, confirmed or picked a person
                select l.round_id, c.person_id
                from latest l
                join exchange_list_entry e on e.version_id = l.id
                join exchange_confirmation c on c.round_id = l.round_id and c.party_id = l.party_id
                    and c.ref = e.ref and c.content_hash = e.content_hash
                where l.kind = 'request' and c.decision = 'CONFIRMED' and c.person_id = any(:persons)
                  and not exists (select 1 from exchange_confirmation later where later.round_id = c.round_id
                      and later.party_id = c.party_id and later.ref = c.ref
                      and later.content_hash = c.content_hash and later.id > c.id)
                union
                -- a person the latest version of the round's exchange list releases
                select v.round_id, i.person_id
                from exchange_release_version v
                join exchange_release_item i on i.version_id = v.id
                where v.round_id in (select id from open_round) and i.person_id = any(:persons)
                  and v.number = (select max(w.number) from exchange_release_version w where w.round_id = v.round_id))
            select n.person_id, r.id as round_id, r.title, r.ours
            from named n join open_round r on r.id = n.round_id
            order by n.person_id, r.ours desc, r.id""";

    private final JdbcClient jdbc;
    private final PublicIds publicIds;

    OpenRoundPriority(JdbcClient jdbc, PublicIds publicIds) {
        this.jdbc = jdbc;
        this.publicIds = publicIds;
    }

    @Override
    public Map<Long, List<Reason>> urgent(Caller caller, Collection<Long> personIds) {
        Map<Long, Set<Reason>> reasons = new HashMap<>();
        if (personIds.isEmpty()) {
            return Map.of();
        }
        jdbc.sql(SQL).param("organisation", caller.organisation() == null ? "" : caller.organisation())
                .param("persons", personIds.stream().mapToLong(Long::longValue).toArray())
                .query((ResultSet rs) -> {
                    Reason reason = NO_NAME;
                    if (rs.getBoolean("ours")) {
                        String round = publicIds.of(PublicIds.Kind.EXCHANGE, rs.getLong("round_id"));
                        reason = new Reason(KIND, round, rs.getString("title"), ExchangePages.roundUrl(round));
                    }
                    reasons.computeIfAbsent(rs.getLong("person_id"), k -> new LinkedHashSet<>()).add(reason);
                });
        Map<Long, List<Reason>> urgent = new HashMap<>();
        reasons.forEach((person, of) -> urgent.put(person, new ArrayList<>(of)));
        return urgent;
    }
}
