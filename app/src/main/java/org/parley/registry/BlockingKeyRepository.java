package org.parley.registry;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for table {@code person_blocking_key}: each person's blocking keys ({@link BlockingKeys}) and holding party. */
@Repository
class BlockingKeyRepository {

    private final JdbcClient jdbc;

    BlockingKeyRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Replaces a person's keys with those of the given facts, under the holding party the person's row names. */
    void store(long personId, PersonInput facts) {
        jdbc.sql("delete from person_blocking_key where person_id = :id").param("id", personId).update();
        jdbc.sql("insert into person_blocking_key (person_id, holding_party_id, key) "
                        + "select id, holding_party_id, unnest(:keys) from person where id = :id")
                .param("id", personId).param("keys", boxed(BlockingKeys.of(facts))).update();
    }

    /**
     * The persons the party holds or held under each of these keys whose block (the party's persons under the key)
     * holds at most {@code maxBlock}: key → person ids. Larger blocks are left out, as the names library's
     * blocking index leaves them out (they narrow nothing down); keys nobody has are absent.
     */
    Map<Long, long[]> heldUnder(long partyId, long[] keys, int maxBlock) {
        Map<Long, long[]> blocks = new HashMap<>();
        // one row per small block, its persons as an array: a large block is only counted, from the index alone
        jdbc.sql("select k.key, array_agg(k.person_id) from person_blocking_key k "
                        + "where k.holding_party_id = :party and k.key = any(:keys) "
                        + "group by k.key having count(*) <= :max")
                .param("party", partyId).param("keys", boxed(keys)).param("max", maxBlock)
                .query(rs -> {
                    Long[] ids = (Long[]) rs.getArray(2).getArray();
                    long[] persons = new long[ids.length];
                    for (int i = 0; i < ids.length; i++) {
                        persons[i] = ids[i];
                    }
                    blocks.put(rs.getLong(1), persons);
                });
        return blocks;
    }

    private static Long[] boxed(long[] values) {
        return Arrays.stream(values).boxed().toArray(Long[]::new);
    }
}
