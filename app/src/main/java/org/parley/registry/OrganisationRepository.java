package org.parley.registry;

import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class OrganisationRepository {

    private final JdbcClient jdbc;

    OrganisationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Organisation> findAll() {
        return jdbc.sql("select id, code, name, kind, language from organisation order by kind desc, code")
                .query((rs, n) -> new Organisation(rs.getLong("id"), rs.getString("code"), rs.getString("name"),
                        OrganisationKind.valueOf(rs.getString("kind")), rs.getString("language")))
                .list();
    }

    Optional<Organisation> findByCode(String code) {
        return findAll().stream().filter(o -> o.code().equals(code)).findFirst();
    }

    Organisation insert(String code, String name, OrganisationKind kind, String language) {
        long id = jdbc.sql("insert into organisation (code, name, kind, language) values (:code, :name, :kind, :lang) "
                        + "returning id")
                .param("code", code).param("name", name).param("kind", kind.name()).param("lang", language)
                .query(Long.class).single();
        return new Organisation(id, code, name, kind, language);
    }
}
