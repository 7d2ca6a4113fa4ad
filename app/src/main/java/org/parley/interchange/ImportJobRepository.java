package org.parley.interchange;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import org.parley.database.InstanceLease;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for tables {@code import_job} and {@code import_job_problem}. */
@Repository
class ImportJobRepository {

    /** Rows of problems written per statement. */
    private static final int BATCH = 5_000;

    private final JdbcClient jdbc;

    private final InstanceLease instance;

    ImportJobRepository(JdbcClient jdbc, InstanceLease instance) {
        this.jdbc = jdbc;
        this.instance = instance;
    }

    void insert(UUID id, String organisation, String createdBy, String fileName, String holdingParty,
            boolean skipBadRows, long totalBytes) {
        jdbc.sql("insert into import_job (id, organisation, created_by, file_name, holding_party, skip_bad_rows, "
                        + "state, total_bytes, instance_key) values (:id, :organisation, :by, :file, :party, :skip, "
                        + "'QUEUED', :total, :instance)")
                .param("instance", instance.key()).param("id", id).param("organisation", organisation).param("by", createdBy).param("file", fileName)
                .param("party", holdingParty).param("skip", skipBadRows).param("total", totalBytes).update();
    }

    void running(UUID id) {
        jdbc.sql("update import_job set state = 'RUNNING' where id = :id").param("id", id).update();
    }

    void progress(UUID id, long rowsRead, long bytesRead) {
        jdbc.sql("update import_job set rows_read = :rows, bytes_read = :bytes where id = :id")
                .param("id", id).param("rows", rowsRead).param("bytes", bytesRead).update();
    }

    void finish(UUID id, ImportJob.State state, String message, ImportResult result, long rowsRead) {
        jdbc.sql("update import_job set state = :state, message = :message, created_count = :created, "
                        + "updated_count = :updated, unchanged_count = :unchanged, rejected_count = :rejected, "
                        + "rows_read = :rows, bytes_read = total_bytes, finished_at = now() where id = :id")
                .param("id", id).param("state", state.name()).param("message", message)
                .param("created", result == null ? 0 : result.created())
                .param("updated", result == null ? 0 : result.updated())
                .param("unchanged", result == null ? 0 : result.unchanged())
                .param("rejected", result == null ? 0 : result.rejectedRows())
                .param("rows", rowsRead).update();
        if (result != null) {
            insertProblems(id, result.rejected(), false, 0);
            insertProblems(id, result.warnings(), true, result.rejected().size());
        }
    }

    /**
     * Jobs a stopped server left queued or running: nothing of them was stored (their transaction never ended). The
     * jobs of other instances that are alive are theirs to finish.
     */
    int failAbandoned() {
        return jdbc.sql("update import_job set state = 'FAILED', message = :message, finished_at = now() "
                        + "where state in ('QUEUED', 'RUNNING') and (instance_key is null or not "
                        + InstanceLease.aliveCondition("instance_key") + ")")
                .param("message", "the server stopped before the import ended: nothing of it was stored").update();
    }

    private void insertProblems(UUID id, List<ImportProblem> problems, boolean warning, int firstSeq) {
        for (int from = 0; from < problems.size(); from += BATCH) {
            List<ImportProblem> batch = problems.subList(from, Math.min(problems.size(), from + BATCH));
            Integer[] seqs = new Integer[batch.size()];
            for (int i = 0; i < seqs.length; i++) {
                seqs[i] = firstSeq + from + i;
            }
            jdbc.sql("insert into import_job_problem (job_id, seq, line, field, value, reason, warning) "
                            + "select :id, * , :warning from unnest(:seqs, :lines, :fields, :values, :reasons)")
                    .param("id", id).param("warning", warning).param("seqs", seqs)
                    .param("lines", batch.stream().map(ImportProblem::line).toArray(Long[]::new))
                    .param("fields", batch.stream().map(ImportProblem::field).toArray(String[]::new))
                    .param("values", batch.stream().map(ImportProblem::value).toArray(String[]::new))
                    .param("reasons", batch.stream().map(ImportProblem::reason).toArray(String[]::new))
                    .update();
        }
    }

    Optional<ImportJob> find(UUID id, int firstProblems) {
        return jdbc.sql("select * from import_job where id = :id").param("id", id)
                .query((rs, n) -> map(rs, problems(id, false, firstProblems), problems(id, true, firstProblems)))
                .optional();
    }

    /** The organisation an import belongs to, if it exists. */
    Optional<String> organisation(UUID id) {
        return jdbc.sql("select organisation from import_job where id = :id").param("id", id).query(String.class)
                .optional();
    }

    private List<ImportProblem> problems(UUID id, boolean warning, int limit) {
        return jdbc.sql("select line, field, value, reason from import_job_problem where job_id = :id "
                        + "and warning = :warning order by seq limit :limit")
                .param("id", id).param("warning", warning).param("limit", limit)
                .query((rs, n) -> new ImportProblem(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                .list();
    }

    /** Every rejected row's problem, in order. */
    void eachRejected(UUID id, Consumer<ImportProblem> sink) {
        jdbc.sql("select line, field, value, reason from import_job_problem where job_id = :id and not warning "
                        + "order by seq")
                .param("id", id)
                .query((ResultSet rs) -> {
                    sink.accept(new ImportProblem(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)));
                });
    }

    private static ImportJob map(ResultSet rs, List<ImportProblem> rejected, List<ImportProblem> warnings)
            throws SQLException {
        Timestamp finished = rs.getTimestamp("finished_at");
        return new ImportJob(rs.getObject("id", UUID.class), ImportJob.State.valueOf(rs.getString("state")),
                rs.getString("file_name"), rs.getString("holding_party"), rs.getString("created_by"),
                rs.getString("message"),
                new ImportJob.Counts(rs.getLong("created_count"), rs.getLong("updated_count"),
                        rs.getLong("unchanged_count"), rs.getLong("rejected_count")),
                new ImportJob.Progress(rs.getLong("rows_read"), rs.getLong("bytes_read"), rs.getLong("total_bytes")),
                new ArrayList<>(rejected), new ArrayList<>(warnings), rs.getTimestamp("created_at").toInstant(),
                finished == null ? null : finished.toInstant());
    }
}
