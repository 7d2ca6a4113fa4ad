package org.parley.exchange;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.parley.database.CsvCopy;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** SQL for the reconciliation of request versions ({@code exchange_match}) and the holder's decisions. */
@Repository
class MatchRepository {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;
    private final DataSource dataSource;

    MatchRepository(JdbcClient jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
    }

    void insert(long versionId, List<Match> matches) {
        if (matches.isEmpty()) {
            return;
        }
        StringBuilder rows = new StringBuilder();
        for (Match m : matches) {
            CsvCopy.row(rows, versionId, m.ref(), m.outcome().name(), m.personId(), m.score(), m.explanation(),
                    candidatesJson(m.candidates()), m.reason() == null ? null : m.reason().name());
        }
        CsvCopy.copy(dataSource, "copy exchange_match (version_id, ref, outcome, person_id, score, explanation, "
                + "candidates, reason) from stdin (format csv)", rows);
    }

    /** The matches of a version, in the order of its entries. */
    List<Match> ofVersion(long versionId) {
        return jdbc.sql("select m.* from exchange_match m join exchange_list_entry e on e.version_id = m.version_id "
                        + "and e.ref = m.ref where m.version_id = :v order by e.position")
                .param("v", versionId).query(MatchRepository::map).list();
    }

    /**
     * The matches of a version, in no particular order (for lookups by ref): no join with the entries, whose plan a
     * version just submitted (not yet in the planner's statistics) could make slow.
     */
    List<Match> ofVersionUnordered(long versionId) {
        return jdbc.sql("select * from exchange_match where version_id = :v").param("v", versionId)
                .query(MatchRepository::map).list();
    }

    /** The match of one entry of a version. */
    java.util.Optional<Match> ofEntry(long versionId, String ref) {
        return jdbc.sql("select * from exchange_match where version_id = :v and ref = :ref").param("v", versionId)
                .param("ref", ref).query(MatchRepository::map).optional();
    }

    long insertDecision(long roundId, long partyId, String ref, byte[] contentHash, long versionId,
            Confirmation decision, Long personId, String by, Instant at) {
        return jdbc.sql("insert into exchange_confirmation (round_id, party_id, ref, content_hash, version_id, "
                        + "decision, person_id, decided_by, decided_at) values (:round, :party, :ref, :hash, :v, "
                        + ":decision, :person, :by, :at) returning id")
                .param("round", roundId).param("party", partyId).param("ref", ref).param("hash", contentHash)
                .param("v", versionId).param("decision", decision.name()).param("person", personId)
                .param("by", by).param("at", Timestamp.from(at)).query(Long.class).single();
    }

    Decision decision(long id) {
        return jdbc.sql(DECISIONS + "where c.id = :id").param("id", id).query(MatchRepository::mapDecision).single();
    }

    /**
     * The decisions that hold for a version's entries: per entry, the latest decision on it as it is in this
     * version (same ref and content).
     */
    List<Decision> decisionsFor(long versionId) {
        return jdbc.sql(DECISIONS + "join exchange_list_version v on v.id = :v and v.round_id = c.round_id "
                        + "and v.party_id = c.party_id join exchange_list_entry e on e.version_id = v.id "
                        + "and e.ref = c.ref and e.content_hash = c.content_hash "
                        + "where not exists (select 1 from exchange_confirmation later where later.round_id = c.round_id "
                        + "and later.party_id = c.party_id and later.ref = c.ref "
                        + "and later.content_hash = c.content_hash and later.id > c.id)")
                .param("v", versionId).query(MatchRepository::mapDecision).list();
    }

    private static final String DECISIONS = "select c.*, o.code as party_code from exchange_confirmation c "
            + "join organisation o on o.id = c.party_id ";

    /** Per requesting party of a round: how many decisions its request lists received, and the latest one's time. */
    Map<String, ReconciliationService.DecisionSummary> decisionSummary(long roundId) {
        Map<String, ReconciliationService.DecisionSummary> summary = new LinkedHashMap<>();
        jdbc.sql("select o.code, count(*) as decisions, max(c.decided_at) as latest from exchange_confirmation c "
                        + "join organisation o on o.id = c.party_id where c.round_id = :round group by o.code "
                        + "order by o.code")
                .param("round", roundId).query((ResultSet rs) -> {
                    summary.put(rs.getString("code"), new ReconciliationService.DecisionSummary(
                            rs.getLong("decisions"), RoundRepository.instant(rs, "latest")));
                });
        return summary;
    }

    void forEachDecision(Consumer<Decision> visitor) {
        jdbc.sql(DECISIONS + "order by c.id").query((ResultSet rs) -> {
            visitor.accept(mapDecision(rs, 0));
        });
    }

    static String candidatesJson(List<Match.Candidate> candidates) {
        ArrayNode array = JsonNodeFactory.instance.arrayNode();
        for (Match.Candidate c : candidates) {
            ObjectNode node = array.addObject();
            node.put("personId", c.personId());
            node.put("score", c.score());
            node.put("explanation", c.explanation());
        }
        return array.toString();
    }

    private static Match map(ResultSet rs, int row) throws SQLException {
        long person = rs.getLong("person_id");
        Long personId = rs.wasNull() ? null : person;
        double score = rs.getDouble("score");
        Double scoreOrNull = rs.wasNull() ? null : score;
        List<Match.Candidate> candidates = new ArrayList<>();
        for (JsonNode c : JSON.readTree(rs.getString("candidates"))) {
            candidates.add(new Match.Candidate(c.get("personId").asLong(), c.get("score").asDouble(),
                    c.get("explanation").asString()));
        }
        String reason = rs.getString("reason");
        return new Match(rs.getString("ref"), MatchOutcome.valueOf(rs.getString("outcome")), personId, scoreOrNull,
                rs.getString("explanation"), candidates, reason == null ? null : IneligibleReason.valueOf(reason));
    }

    private static Decision mapDecision(ResultSet rs, int row) throws SQLException {
        long person = rs.getLong("person_id");
        Long personId = rs.wasNull() ? null : person;
        return new Decision(rs.getLong("id"), rs.getLong("round_id"), rs.getString("party_code"),
                rs.getString("ref"), rs.getBytes("content_hash"), rs.getLong("version_id"),
                Confirmation.valueOf(rs.getString("decision")), personId,
                rs.getString("decided_by"), RoundRepository.instant(rs, "decided_at"));
    }
}
