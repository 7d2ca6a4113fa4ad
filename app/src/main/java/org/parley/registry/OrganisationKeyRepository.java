package org.parley.registry;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for table {@code organisation_public_key}: the key each sending organisation signs its bundles with. */
@Repository
class OrganisationKeyRepository {

    private final JdbcClient jdbc;

    OrganisationKeyRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<byte[]> find(long organisationId) {
        return jdbc.sql("select spki from organisation_public_key where organisation_id = :id")
                .param("id", organisationId).query(byte[].class).optional();
    }

    /** Every stored key, by organisation id. */
    Map<Long, byte[]> all() {
        Map<Long, byte[]> keys = new HashMap<>();
        jdbc.sql("select organisation_id, spki from organisation_public_key")
                .query((java.sql.ResultSet rs) -> {
                    keys.put(rs.getLong(1), rs.getBytes(2));
                });
        return keys;
    }

    void put(long organisationId, byte[] spki) {
        jdbc.sql("insert into organisation_public_key (organisation_id, spki) values (:id, :spki) "
                        + "on conflict (organisation_id) do update set spki = excluded.spki, set_at = now()")
                .param("id", organisationId).param("spki", spki).update();
    }
}
