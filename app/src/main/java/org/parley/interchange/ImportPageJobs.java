package org.parley.interchange;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The imports of an organisation for the page that lists them, newest first (table {@code import_job}). */
@Repository
class ImportPageJobs {

    /** Imports the list shows. */
    static final int SHOWN = 100;

    /** One import as the list shows it. */
    record Summary(UUID id, ImportJob.State state, String fileName, String createdBy, ImportJob.Counts counts,
            Instant createdAt, Instant finishedAt) {
    }

    private final JdbcClient jdbc;

    ImportPageJobs(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Summary> ofOrganisation(String organisation) {
        return jdbc.sql("select id, state, file_name, created_by, created_count, updated_count, unchanged_count, "
                        + "rejected_count, created_at, finished_at from import_job where organisation = :organisation "
                        + "order by created_at desc, id limit :limit")
                .param("organisation", organisation).param("limit", SHOWN)
                .query((rs, n) -> new Summary(rs.getObject("id", UUID.class),
                        ImportJob.State.valueOf(rs.getString("state")), rs.getString("file_name"),
                        rs.getString("created_by"), new ImportJob.Counts(rs.getLong("created_count"),
                                rs.getLong("updated_count"), rs.getLong("unchanged_count"),
                                rs.getLong("rejected_count")),
                        rs.getTimestamp("created_at").toInstant(),
                        rs.getTimestamp("finished_at") == null ? null : rs.getTimestamp("finished_at").toInstant()))
                .list();
    }
}
