package org.parley.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.parley.ApiClient;
import org.parley.ParleyTest;
import org.parley.access.StoredRefusals;
import org.parley.access.UserService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Each kind of tampering with the stored log or the records, done directly in the database as an intruder with
 * database rights would (triggers switched off), is detected by the verifier and named; each test then undoes
 * its change, since all tests share one database.
 */
@ParleyTest
class AuditTamperingTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AuditVerifier verifier;

    @Autowired
    AuditTree tree;

    @Autowired
    UserService userService;

    @Autowired
    org.parley.api.PublicIds publicIds;

    @Autowired
    ApplicationContext context;

    private long personId;
    private String personPublicId;
    private long personSeq;

    @BeforeEach
    void aVerifiedLogWithAFreshPerson() {
        ApiClient registrar = new ApiClient(port).as("registrar@party-a");
        personPublicId = registrar.post("/api/v1/persons", """
                {"surname": "Підробка", "holdingParty": "party-a", "rank": "солдат"}""").json().get("id").stringValue();
        personId = publicIds.parse(org.parley.api.PublicIds.Kind.PERSON, personPublicId);
        registrar.post("/api/v1/persons", "{\"surname\": \"Після\", \"holdingParty\": \"party-a\"}");
        personSeq = jdbc.sql("select seq from audit_entry where record_type = 'person' and record_id = :id")
                .param("id", String.valueOf(personId)).query(Long.class).single();
        tree.sign();
        assertThat(verifier.verify(Optional.empty()).problems()).isEmpty();
    }

    private Verification.Problem firstBadEntry() {
        Verification result = verifier.verify(Optional.empty());
        assertThat(result.ok()).isFalse();
        System.out.println(result.report());
        return result.firstBadEntry().orElseThrow();
    }

    /** Tampers (triggers off), checks, and restores whatever the check found. */
    private void tampered(String table, Runnable tamper, Runnable check, Runnable restore) {
        jdbc.sql("alter table " + table + " disable trigger user").update();
        try {
            tamper.run();
            check.run();
        } finally {
            restore.run();
            jdbc.sql("alter table " + table + " enable trigger user").update();
        }
        assertThat(verifier.verify(Optional.empty()).problems()).isEmpty();
    }

    @Test
    void anAlteredFieldNamesItsEntry() {
        tampered("audit_entry",
                () -> jdbc.sql("update audit_entry set actor = 'registrar@party-b' where seq = :seq")
                        .param("seq", personSeq).update(),
                () -> {
                    Verification.Problem first = firstBadEntry();
                    assertThat(first.seq()).isEqualTo(personSeq);
                    assertThat(first.what()).contains("altered");
                },
                () -> jdbc.sql("update audit_entry set actor = 'registrar@party-a' where seq = :seq")
                        .param("seq", personSeq).update());
    }

    @Test
    void aDeletedEntryIsNamed() {
        Map<String, Object> row = jdbc.sql("select * from audit_entry where seq = :seq").param("seq", personSeq)
                .query().singleRow();
        tampered("audit_entry",
                () -> jdbc.sql("delete from audit_entry where seq = :seq").param("seq", personSeq).update(),
                () -> {
                    Verification.Problem first = firstBadEntry();
                    assertThat(first.seq()).isEqualTo(personSeq);
                    assertThat(first.what()).contains("is missing");
                },
                () -> jdbc.sql("insert into audit_entry (seq, at, actor, organisation_code, action, record_type, "
                        + "record_id, record_version, state_hash, leaf_hash) values (:seq, :at, :actor, "
                        + ":organisation_code, :action, :record_type, :record_id, :record_version, :state_hash, "
                        + ":leaf_hash) on conflict do nothing").params(row).update());
    }

    @Test
    void reorderedEntriesAreNamed() {
        tampered("audit_entry", () -> swap(personSeq, personSeq + 1),
                () -> assertThat(firstBadEntry().seq()).isEqualTo(personSeq),
                () -> swap(personSeq, personSeq + 1));
    }

    private void swap(long a, long b) {
        long aside = 1L << 40;
        jdbc.sql("update audit_entry set seq = :aside where seq = :a").param("aside", aside).param("a", a).update();
        jdbc.sql("update audit_entry set seq = :a where seq = :b").param("a", a).param("b", b).update();
        jdbc.sql("update audit_entry set seq = :b where seq = :aside").param("b", b).param("aside", aside).update();
    }

    @Test
    void aStoredSubtreeHashAlteredOrRemovedIsNamed() {
        // the subtree of two entries over the fresh person's entry: proofs of either entry are made of it
        long index = personSeq >> 1;
        byte[] hash = jdbc.sql("select hash from audit_node where level = 1 and idx = :idx").param("idx", index)
                .query(byte[].class).single();
        byte[] altered = hash.clone();
        altered[0] ^= 1;
        String over = "over entries " + (index << 1) + " to " + ((index << 1) + 1);
        tampered("audit_node", () -> setNode(index, altered),
                () -> assertThat(verifier.verify(Optional.empty()).problems()).extracting(Verification.Problem::toString)
                        .containsExactly("the stored hash of the subtree " + over + " is wrong: proofs over them "
                                + "would fail"),
                () -> setNode(index, hash));
        long nodes = jdbc.sql("select count(*) from audit_node where level = 1").query(Long.class).single();
        tampered("audit_node",
                () -> jdbc.sql("delete from audit_node where level = 1 and idx = :idx").param("idx", index).update(),
                () -> assertThat(verifier.verify(Optional.empty()).problems()).extracting(Verification.Problem::toString)
                        .containsExactly("level 1 of the stored tree has " + (nodes - 1) + " subtree hashes, not "
                                + nodes),
                () -> jdbc.sql("insert into audit_node (level, idx, hash) values (1, :idx, :hash)")
                        .param("idx", index).param("hash", hash).update());
    }

    private void setNode(long index, byte[] hash) {
        jdbc.sql("update audit_node set hash = :hash where level = 1 and idx = :idx").param("hash", hash)
                .param("idx", index).update();
    }

    @Test
    void theStoredHeadAlteredIsNamed() {
        Map<String, Object> head = jdbc.sql("select size, frontier from audit_head where id = 1").query().singleRow();
        long size = (Long) head.get("size");
        byte[] frontier = (byte[]) head.get("frontier");
        byte[] altered = frontier.clone();
        altered[altered.length - 1] ^= 1;
        String named = "the stored head of the tree (size %d) is not the one recomputed from the entries (size " + size
                + "): new entries would extend a wrong tree";
        tampered("audit_head",
                () -> setHead(size, altered),
                () -> assertThat(verifier.verify(Optional.empty()).problems()).extracting(Verification.Problem::toString)
                        .containsExactly(named.formatted(size)),
                () -> setHead(size, frontier));
        // a head cut back, its frontier no longer even of its size: still named, not a crash
        tampered("audit_head",
                () -> setHead(size - 1, frontier),
                () -> assertThat(verifier.verify(Optional.empty()).problems()).extracting(Verification.Problem::toString)
                        .containsExactly(named.formatted(size - 1)),
                () -> setHead(size, frontier));
    }

    private void setHead(long size, byte[] frontier) {
        jdbc.sql("update audit_head set size = :size, frontier = :frontier where id = 1").param("size", size)
                .param("frontier", frontier).update();
    }

    @Test
    void aRecordChangedWithoutAnEntryIsNamed() {
        tampered("person",
                () -> jdbc.sql("update person set rank = 'генерал' where id = :id").param("id", personId).update(),
                () -> {
                    Verification.Problem first = firstBadEntry();
                    assertThat(first.seq()).isEqualTo(personSeq);
                    assertThat(first.what()).contains("person " + personId)
                            .contains("changed without an audit entry");
                },
                () -> jdbc.sql("update person set rank = 'солдат' where id = :id").param("id", personId).update());
    }

    /** Corrects the fresh person's rank: version 1's state (with 'солдат') is then kept in person_state. */
    private long corrected() {
        ApiClient registrar = new ApiClient(port).as("registrar@party-a");
        assertThat(registrar.patch("/api/v1/persons/" + personPublicId, "{\"version\": 1, \"rank\": \"сержант\"}")
                .status()).isEqualTo(200);
        assertThat(verifier.verify(Optional.empty()).problems()).isEmpty();
        return jdbc.sql("select seq from audit_entry where record_type = 'person' and record_id = :id "
                + "and record_version = 2").param("id", String.valueOf(personId)).query(Long.class).single();
    }

    @Test
    void aRecordedStateAlteredIsNamed() {
        corrected();
        tampered("person_state",
                () -> jdbc.sql("update person_state set state = replace(state, 'солдат', 'генерал') "
                        + "where person_id = :id").param("id", personId).update(),
                () -> {
                    Verification.Problem first = firstBadEntry();
                    assertThat(first.seq()).isEqualTo(personSeq);
                    assertThat(first.what()).contains("state hash").contains("person " + personId);
                },
                () -> jdbc.sql("update person_state set state = replace(state, 'генерал', 'солдат') "
                        + "where person_id = :id").param("id", personId).update());
    }

    @Test
    void aRecordedStateRemovedIsNamed() {
        corrected();
        String kept = jdbc.sql("select state from person_state where person_id = :id and version = 1")
                .param("id", personId).query(String.class).single();
        tampered("person_state",
                () -> jdbc.sql("delete from person_state where person_id = :id").param("id", personId).update(),
                () -> assertThat(firstBadEntry()).extracting(Verification.Problem::seq, Verification.Problem::what)
                        .containsExactly(personSeq, "no recorded state exists for person " + personId + " version 1"),
                () -> jdbc.sql("insert into person_state (person_id, version, state) values (:id, 1, :state)")
                        .param("id", personId).param("state", kept).update());
    }

    @Test
    void aRecordSetBackToAnEarlierVersionIsNamed() {
        long correctionSeq = corrected();
        tampered("person",
                () -> jdbc.sql("update person set version = 1, rank = 'солдат' where id = :id").param("id", personId)
                        .update(),
                () -> assertThat(verifier.verify(Optional.empty()).problems()).extracting(Object::toString)
                        .contains("entry " + correctionSeq + ": person " + personId + " as stored now is at version 1, "
                                + "but this entry recorded version 2: set back without an audit entry"),
                () -> jdbc.sql("update person set version = 2, rank = 'сержант' where id = :id").param("id", personId)
                        .update());
    }

    @Test
    void aRecordRemovedIsNamed() {
        long elsewhere = personId + 1_000_000;
        // moving the row to another id removes the audited person and adds one that no entry knows
        Runnable move = () -> jdbc.sql("update person set id = :to where id = :from").param("to", elsewhere)
                .param("from", personId).update();
        Runnable back = () -> jdbc.sql("update person set id = :to where id = :from").param("to", personId)
                .param("from", elsewhere).update();
        jdbc.sql("alter table person disable trigger all").update(); // foreign keys are triggers too
        try {
            move.run();
            List<Verification.Problem> problems = verifier.verify(Optional.empty()).problems();
            assertThat(problems).extracting(Verification.Problem::toString).contains(
                    "entry " + personSeq + ": person " + personId + " is not stored any more: removed without an "
                            + "audit entry",
                    "person " + elsewhere + " is at version 1, which has no audit entry: changed without an audit "
                            + "entry");
        } finally {
            back.run();
            jdbc.sql("alter table person enable trigger all").update();
        }
        assertThat(verifier.verify(Optional.empty()).problems()).isEmpty();
    }

    /** The seq of the latest entry of this record. */
    private long latestEntry(String recordType, String recordId) {
        return jdbc.sql("select max(seq) from audit_entry where record_type = :type and record_id = :id "
                + "and action <> 'REFUSE'").param("type", recordType).param("id", recordId).query(Long.class).single();
    }

    @Test
    void aUserGivenOtherRolesAnotherPasswordOrAddedWithoutAnEntryIsNamed() {
        String username = "tamper-" + personId + "@party-a";
        new ApiClient(port).as("admin").post("/api/v1/users", """
                {"username": "%s", "organisation": "party-a", "roles": ["VIEWER"]}""".formatted(username));
        long userSeq = latestEntry("user", username);
        String changed = "user " + username + " as stored now differs from the state its latest entry recorded: "
                + "changed without an audit entry";
        tampered("app_user",
                () -> jdbc.sql("update app_user set roles = '{ADMIN,VIEWER}' where username = :u").param("u", username)
                        .update(),
                () -> assertThat(firstBadEntry()).extracting(Verification.Problem::seq, Verification.Problem::what)
                        .containsExactly(userSeq, changed),
                () -> jdbc.sql("update app_user set roles = '{VIEWER}' where username = :u").param("u", username)
                        .update());

        String hash = jdbc.sql("select password_hash from app_user where username = :u").param("u", username)
                .query(String.class).single();
        tampered("app_user",
                () -> jdbc.sql("update app_user set password_hash = (select password_hash from app_user "
                        + "where username = 'registrar@party-a') where username = :u").param("u", username).update(),
                () -> assertThat(firstBadEntry()).extracting(Verification.Problem::seq, Verification.Problem::what)
                        .containsExactly(userSeq, changed),
                () -> jdbc.sql("update app_user set password_hash = :hash where username = :u").param("hash", hash)
                        .param("u", username).update());

        tampered("app_user",
                () -> jdbc.sql("insert into app_user (username, roles, password_hash) values ('intruder', '{ADMIN}', "
                        + ":hash)").param("hash", hash).update(),
                () -> assertThat(verifier.verify(Optional.empty()).problems()).extracting(Object::toString)
                        .containsExactly("user intruder has no audit entry: added without one"),
                () -> jdbc.sql("delete from app_user where username = 'intruder'").update());
    }

    @Test
    void anOriginChangeDecidedWithoutAnEntryIsNamed() {
        ApiClient registrar = new ApiClient(port).as("registrar@party-a");
        assertThat(registrar.post("/api/v1/persons/" + personPublicId + "/events",
                "{\"type\": \"NOTIFIED\", \"occurredOn\": \"2024-01-02\"}").status()).isEqualTo(201);
        assertThat(registrar.patch("/api/v1/persons/" + personPublicId, "{\"version\": 2, \"powerOfOrigin\": "
                + "\"party-b\"}").status()).as("an origin where there was none is a plain correction").isEqualTo(200);
        String change = registrar.post("/api/v1/persons/" + personPublicId + "/origin-changes",
                "{\"powerOfOrigin\": null, \"reason\": \"a civilian of no party\"}").json().get("id").stringValue();
        String id = Long.toString(publicIds.parse(org.parley.api.PublicIds.Kind.ORIGIN_CHANGE, change));
        assertThat(verifier.verify(Optional.empty()).problems()).isEmpty();
        tampered("origin_change",
                () -> jdbc.sql("update origin_change set decision = 'CONFIRMED', decided_by = 'forger', "
                        + "decided_at = now() where id = :id").param("id", Long.parseLong(id)).update(),
                () -> assertThat(firstBadEntry()).extracting(Verification.Problem::seq, Verification.Problem::what)
                        .containsExactly(latestEntry("origin-change", id), "origin-change " + id + " as stored now "
                                + "differs from the state its latest entry recorded: changed without an audit entry"),
                () -> jdbc.sql("update origin_change set decision = null, decided_by = null, decided_at = null "
                        + "where id = :id").param("id", Long.parseLong(id)).update());
    }

    @Test
    void anOrganisationRenamedWithoutAnEntryIsNamed() {
        String name = jdbc.sql("select name from organisation where code = 'party-b'").query(String.class).single();
        tampered("organisation",
                () -> jdbc.sql("update organisation set name = 'Renamed' where code = 'party-b'").update(),
                () -> assertThat(firstBadEntry()).extracting(Verification.Problem::seq, Verification.Problem::what)
                        .containsExactly(latestEntry("organisation", "party-b"), "organisation party-b as stored now "
                                + "differs from the state its latest entry recorded: changed without an audit entry"),
                () -> jdbc.sql("update organisation set name = :name where code = 'party-b'").param("name", name)
                        .update());
    }

    @Test
    void aRefusedAccessRemovedAlteredOrAddedIsNamed() {
        assertThat(new ApiClient(port).as("viewer@party-b").get("/api/v1/persons/" + personPublicId).status())
                .isEqualTo(404);
        Map<String, Object> row = jdbc.sql("select * from access_refusal where record_id = :id")
                .param("id", personPublicId).query().singleRow();
        long refusalId = (Long) row.get("id");
        long refusalSeq = jdbc.sql("select seq from audit_entry where action = 'REFUSE' and record_id = :id")
                .param("id", personPublicId).query(Long.class).single();
        String unmatched = "what this entry records is not stored as it was: removed or altered without an audit entry";
        String forged = " has no REFUSE entry with its content: added or altered without an audit entry";

        tampered("access_refusal",
                () -> jdbc.sql("delete from access_refusal where id = :id").param("id", refusalId).update(),
                () -> assertThat(verifier.verify(Optional.empty()).problems()).extracting(Object::toString)
                        .containsExactly("entry " + refusalSeq + ": " + unmatched),
                () -> jdbc.sql("insert into access_refusal (id, at, username, organisation_code, method, path, status, "
                        + "record_type, record_id, reason) values (:id, :at, :username, :organisation_code, :method, "
                        + ":path, :status, :record_type, :record_id, :reason)").params(row).update());

        tampered("access_refusal",
                () -> jdbc.sql("update access_refusal set username = 'viewer@party-a' where id = :id")
                        .param("id", refusalId).update(),
                () -> assertThat(verifier.verify(Optional.empty()).problems()).extracting(Object::toString)
                        .containsExactly("refused access " + refusalId + forged, "entry " + refusalSeq + ": " + unmatched),
                () -> jdbc.sql("update access_refusal set username = 'viewer@party-b' where id = :id")
                        .param("id", refusalId).update());

        tampered("access_refusal",
                () -> jdbc.sql("insert into access_refusal (username, organisation_code, method, path, status) "
                        + "values ('registrar@party-b', 'party-b', 'GET', '/api/v1/persons', 403)").update(),
                () -> assertThat(verifier.verify(Optional.empty()).problems()).extracting(Object::toString)
                        .singleElement().asString().startsWith("refused access ").endsWith(forged),
                () -> jdbc.sql("delete from access_refusal where id > :id").param("id", refusalId).update());
    }

    @Test
    void aRefusalTallyAlteredRemovedOrAddedIsNamed() {
        StoredRefusals.storeAll(context);
        ApiClient nobody = new ApiClient(port);
        for (int i = 0; i < 3; i++) {
            assertThat(nobody.get("/api/v1/persons/" + personId).status()).isEqualTo(401);
        }
        StoredRefusals.storeAll(context);
        Map<String, Object> row = jdbc.sql("select id, recorded_at, source, minute, refusals, failed_logins, "
                + "paths::text as paths, usernames::text as usernames from refusal_tally order by id desc limit 1")
                .query().singleRow();
        long tallyId = (Long) row.get("id");
        long tallySeq = jdbc.sql("select max(seq) from audit_entry where action = 'REFUSE_TALLY'").query(Long.class)
                .single();
        assertThat(row.get("paths").toString()).contains("\"GET /api/v1/persons/" + personId + "\":3");
        String unmatched = "what this entry records is not stored as it was: removed or altered without an audit entry";
        String forged = " has no REFUSE_TALLY entry with its content: added or altered without an audit entry";
        List<String> alteredProblems = List.of("refusal tally " + tallyId + forged,
                "entry " + tallySeq + ": " + unmatched);

        tampered("refusal_tally",
                () -> jdbc.sql("update refusal_tally set refusals = 1 where id = :id").param("id", tallyId).update(),
                () -> assertThat(problems()).containsExactlyElementsOf(alteredProblems),
                () -> jdbc.sql("update refusal_tally set refusals = :n where id = :id").param("n", row.get("refusals"))
                        .param("id", tallyId).update());
        tampered("refusal_tally",
                () -> jdbc.sql("update refusal_tally set paths = '{\"GET /\":3}' where id = :id").param("id", tallyId)
                        .update(),
                () -> assertThat(problems()).containsExactlyElementsOf(alteredProblems),
                () -> jdbc.sql("update refusal_tally set paths = :paths::json where id = :id")
                        .param("paths", row.get("paths")).param("id", tallyId).update());
        tampered("refusal_tally",
                () -> jdbc.sql("update refusal_tally set paths = '{\"GET /\":1.5}' where id = :id").param("id", tallyId)
                        .update(),
                () -> assertThat(problems()).as("not even counts").containsExactlyElementsOf(alteredProblems),
                () -> jdbc.sql("update refusal_tally set paths = :paths::json where id = :id")
                        .param("paths", row.get("paths")).param("id", tallyId).update());
        tampered("refusal_tally",
                () -> jdbc.sql("delete from refusal_tally where id = :id").param("id", tallyId).update(),
                () -> assertThat(problems()).containsExactly("entry " + tallySeq + ": " + unmatched),
                () -> jdbc.sql("insert into refusal_tally (id, recorded_at, source, minute, refusals, failed_logins, "
                        + "paths, usernames) values (:id, :recorded_at, :source, :minute, :refusals, :failed_logins, "
                        + ":paths::json, :usernames::json)").params(row).update());
        tampered("refusal_tally",
                () -> jdbc.sql("insert into refusal_tally (source, minute, refusals, failed_logins, paths, usernames) "
                        + "values ('192.0.2.1', now(), 1, 0, '{\"GET /\":1}', '{}')").update(),
                () -> assertThat(problems()).singleElement().asString().startsWith("refusal tally ").endsWith(forged),
                () -> jdbc.sql("delete from refusal_tally where id > :id").param("id", tallyId).update());
    }

    @Test
    void aLockoutAlteredOrAddedIsNamed() {
        String username = "locked-" + personId + "@party-b";
        new ApiClient(port).as("admin").post("/api/v1/users", """
                {"username": "%s", "roles": ["VIEWER"]}""".formatted(username));
        for (int i = 0; i < 5; i++) {
            new ApiClient(port).post("/api/v1/auth/token", """
                    {"username": "%s", "password": "wrong %d"}""".formatted(username, i));
        }
        long lockoutId = jdbc.sql("select id from account_lockout where username = :u").param("u", username)
                .query(Long.class).single();
        long lockoutSeq = jdbc.sql("select seq from audit_entry where action = 'USER_LOCKOUT' and record_id = :u")
                .param("u", username).query(Long.class).single();
        String forged = " has no USER_LOCKOUT entry with its content: added or altered without an audit entry";
        tampered("account_lockout",
                () -> jdbc.sql("update account_lockout set locked_until = locked_until - interval '1 minute' "
                        + "where id = :id").param("id", lockoutId).update(),
                () -> assertThat(problems()).containsExactly("lockout " + lockoutId + forged, "entry " + lockoutSeq
                        + ": what this entry records is not stored as it was: removed or altered without an audit "
                        + "entry"),
                () -> jdbc.sql("update account_lockout set locked_until = locked_until + interval '1 minute' "
                        + "where id = :id").param("id", lockoutId).update());
        tampered("account_lockout",
                () -> jdbc.sql("insert into account_lockout (username, organisation_code, locked_until, failed_logins, "
                        + "source) values ('viewer@party-a', 'party-a', now(), 5, '192.0.2.1')").update(),
                () -> assertThat(problems()).singleElement().asString().startsWith("lockout ").endsWith(forged),
                () -> jdbc.sql("delete from account_lockout where id > :id").param("id", lockoutId).update());
    }

    private List<String> problems() {
        return verifier.verify(Optional.empty()).problems().stream().map(Object::toString).toList();
    }

    @Test
    void usersStoredBeforeUserAdministrationWasAuditedAreRecordedOnce() {
        long users = jdbc.sql("select count(*) from app_user").query(Long.class).single();
        long baselines = jdbc.sql("select count(*) from audit_entry where action = 'USER_BASELINE'")
                .query(Long.class).single();
        assertThat(userService.recordUsersNeverAudited()).as("users' creations are in the log").isZero();
        // a log from before user administration was audited holds no user's creation
        tampered("audit_entry",
                () -> jdbc.sql("update audit_entry set action = 'WAS_USER_CREATE' where action = 'USER_CREATE'")
                        .update(),
                () -> {
                    assertThat(userService.recordUsersNeverAudited()).isEqualTo(users);
                    assertThat(userService.recordUsersNeverAudited()).as("once only").isZero();
                    assertThat(jdbc.sql("select count(*) from audit_entry where action = 'USER_BASELINE'")
                            .query(Long.class).single()).isEqualTo(baselines + users);
                },
                () -> jdbc.sql("update audit_entry set action = 'USER_CREATE' where action = 'WAS_USER_CREATE'")
                        .update());
        assertThat(userService.recordUsersNeverAudited()).isZero();
    }

    @Test
    void aCheckpointResignedWithAnotherKeyIsNamed() {
        Checkpoint latest = tree.latest().orElseThrow();
        Checkpoint forged = Checkpoint.sign(latest.treeSize(), latest.rootHash(), latest.signedAt(),
                SigningKey.generate());
        tampered("audit_checkpoint", () -> setSignature(latest.treeSize(), forged.signature()),
                () -> assertThat(verifier.verify(Optional.empty()).problems())
                        .extracting(Verification.Problem::toString).containsExactly("checkpoint at size "
                                + latest.treeSize() + ": the signature does not verify with the instance's public key"),
                () -> setSignature(latest.treeSize(), latest.signature()));
    }

    private void setSignature(long size, byte[] signature) {
        jdbc.sql("update audit_checkpoint set signature = :signature where tree_size = :size")
                .param("signature", signature).param("size", size).update();
    }

    @Test
    void aKeptCheckpointIsCheckedAgainstTheLogNow() {
        Checkpoint kept = Checkpoint.parse(tree.latest().orElseThrow().note(tree.publicKey()));
        new ApiClient(port).as("registrar@party-b").post("/api/v1/persons",
                "{\"surname\": \"Пізніше\", \"holdingParty\": \"party-b\"}");
        assertThat(verifier.verify(Optional.of(kept)).problems()).isEmpty();

        byte[] otherRoot = kept.rootHash().clone();
        otherRoot[0] ^= 1;
        Checkpoint forged = new Checkpoint(kept.treeSize(), otherRoot, kept.signedAt(), kept.signature());
        assertThat(verifier.verify(Optional.of(forged)).problems()).extracting(Verification.Problem::toString)
                .anyMatch(p -> p.contains("signature does not verify"))
                .anyMatch(p -> p.contains("does not extend it"));
        assertThat(new String(kept.note(tree.publicKey()).getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8))
                .startsWith("parley-audit\n" + kept.treeSize() + "\n");
    }
}
