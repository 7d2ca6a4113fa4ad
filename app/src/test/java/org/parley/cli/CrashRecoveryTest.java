package org.parley.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.ApiClient;
import org.parley.interchange.ImportUploads;
import picocli.CommandLine;

/**
 * {@code kill -9} of Parley, and separately of its PostgreSQL, while eight clients write through the API and an auditor
 * signs checkpoints: after a restart on the same {@code --data-dir} every write and checkpoint that was acknowledged is
 * there, and {@code audit verify} passes
 * (nothing half-written: every person has the entry of its creation, every entry its state). Killing Parley leaves its
 * PostgreSQL running without an owner; the next start must stop that server and take the directory over.
 *
 * <p>And the two long transactions, each killed while it writes (seen in {@code pg_stat_activity}): an import through
 * the API (Parley killed), and a handover's completion (PostgreSQL and Parley killed): after the restart each is
 * wholly there or wholly absent — the import's job failed and none of its persons, events, name keys or entries; the
 * round still agreed with no EXCHANGED event, or executed with every one and its report — and {@code audit verify}
 * passes.
 */
class CrashRecoveryTest {

    private static final int CLIENTS = 8;
    /** Rows of the import killed half-way: enough for its transaction to write for seconds. */
    private static final int IMPORTED = 30_000;
    /** Persons each party hands over in the completion killed half-way (1,200 complete in about 2 s). */
    private static final int HANDED_OVER = 300;
    /** The EXCHANGED events of the round's persons (the demo's own histories hold some too). */
    private static final String EXCHANGED_IN_ROUND = "select count(*) from person_event e join person p on p.id = "
            + "e.person_id where p.surname like 'Обмін-%' and e.type = 'EXCHANGED'";

    /**
     * Eight clients registering persons until stopped, and an auditor signing checkpoints; the ids and checkpoint
     * sizes the server acknowledged are kept.
     */
    private static final class Writers {
        final Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        final Set<Long> checkpoints = ConcurrentHashMap.newKeySet();
        final AtomicBoolean stop = new AtomicBoolean();
        final List<Thread> threads = new ArrayList<>();

        Writers(int port, String prefix) {
            ApiClient auditor = new ApiClient(port).as("auditor@intermediary");
            Thread signer = new Thread(() -> {
                while (!stop.get()) {
                    try {
                        ApiClient.Response signed = auditor.post("/api/v1/audit/checkpoints", "");
                        if (signed.status() == 200) {
                            checkpoints.add(signed.json().get("treeSize").asLong());
                        }
                        Thread.sleep(50);
                    } catch (RuntimeException | InterruptedException e) { // the server went away
                        if (stop.get()) {
                            return;
                        }
                    }
                }
            });
            threads.add(signer);
            signer.start();
            for (int c = 0; c < CLIENTS; c++) {
                ApiClient client = new ApiClient(port).as("registrar@party-a");
                String surname = prefix + "клієнт" + c + "-";
                Thread thread = new Thread(() -> {
                    for (int i = 0; !stop.get(); i++) {
                        try {
                            ApiClient.Response created = client.post("/api/v1/persons", """
                                    {"surname": "%s%d", "holdingParty": "party-a", "powerOfOrigin": "party-b"}"""
                                    .formatted(surname, i));
                            if (created.status() == 201) {
                                acknowledged.add(created.json().get("id").stringValue());
                            }
                        } catch (RuntimeException e) { // the server went away: nothing was acknowledged
                            if (stop.get()) {
                                return;
                            }
                        }
                    }
                });
                threads.add(thread);
                thread.start();
            }
        }

        void awaitAcknowledged(int count) throws InterruptedException {
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (acknowledged.size() < count && System.nanoTime() < until) {
                Thread.sleep(20);
            }
            assertThat(acknowledged.size()).isGreaterThanOrEqualTo(count);
        }

        void stop() throws InterruptedException {
            stop.set(true);
            for (Thread thread : threads) {
                thread.join(TimeUnit.SECONDS.toMillis(60));
            }
        }
    }

    private static void assertAllThere(int port, Set<String> ids, Set<Long> checkpoints) {
        ApiClient reader = new ApiClient(port).as("registrar@party-a");
        List<String> missing = ids.stream().filter(id -> reader.get("/api/v1/persons/" + id).status() != 200).toList();
        assertThat(missing).as("acknowledged writes missing after the restart").isEmpty();
        List<Long> unsigned = checkpoints.stream()
                .filter(size -> reader.get("/api/v1/audit/checkpoints/" + size).status() != 200).toList();
        assertThat(unsigned).as("acknowledged checkpoints missing after the restart").isEmpty();
    }

    private static long postmasterPid(Path dataDir) throws Exception {
        return Long.parseLong(Files.readAllLines(dataDir.resolve("postgres").resolve("postmaster.pid")).get(0).strip());
    }

    private static ChildServer kept(List<ChildServer> servers, ChildServer server) {
        servers.add(server);
        return server;
    }

    /** A connection to the embedded PostgreSQL of a running Parley (its port is line 4 of postmaster.pid). */
    private static Connection database(Path dataDir) throws Exception {
        String port = Files.readAllLines(dataDir.resolve("postgres").resolve("postmaster.pid")).get(3).strip();
        return DriverManager.getConnection("jdbc:postgresql://localhost:" + port + "/postgres", "postgres", "");
    }

    /**
     * Waits until another session is inside a transaction that has written (it has a transaction id) and whose
     * statement touches persons: the import's or the completion's, not a checkpoint's.
     */
    private static void awaitWritingTransaction(Connection sql) throws Exception {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        try (PreparedStatement writing = sql.prepareStatement("select count(*) from pg_stat_activity where pid <> "
                + "pg_backend_pid() and backend_xid is not null and state <> 'idle' and query ilike '%person%'")) {
            while (System.nanoTime() < until) {
                try (ResultSet rs = writing.executeQuery()) {
                    rs.next();
                    if (rs.getLong(1) > 0) {
                        return;
                    }
                }
                Thread.sleep(2);
            }
        }
        throw new AssertionError("no transaction wrote persons within two minutes");
    }

    private static long count(Connection sql, String query) throws Exception {
        try (Statement statement = sql.createStatement(); ResultSet rs = statement.executeQuery(query)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /**
     * Registers {@code count} persons held by {@code party} through the API, eight at a time, and notifies them;
     * answers their ids.
     */
    private static List<String> register(int port, String party, String origin, String surname, int count)
            throws Exception {
        ApiClient registrar = new ApiClient(port).as("registrar@" + party);
        List<String> ids = java.util.Collections.synchronizedList(new ArrayList<>());
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        List<Future<?>> done = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int n = i;
            done.add(clients.submit(() -> {
                ApiClient.Response created = registrar.post("/api/v1/persons", """
                        {"surname": "%s%d", "holdingParty": "%s", "powerOfOrigin": "%s"}"""
                        .formatted(surname, n, party, origin));
                assertThat(created.status()).as(created.body()).isEqualTo(201);
                ids.add(created.json().get("id").stringValue());
            }));
        }
        for (Future<?> f : done) {
            f.get();
        }
        clients.shutdown();
        // notified, so that the intermediary sees them and can propose and complete their exchange
        for (int from = 0; from < ids.size(); from += 200) {
            ApiClient.Response notified = registrar.post("/api/v1/persons/notifications", "{\"personIds\": ["
                    + String.join(", ", ids.subList(from, Math.min(ids.size(), from + 200)).stream()
                            .map(id -> "\"" + id + "\"").toList()) + "], \"date\": \""
                    + java.time.LocalDate.now() + "\"}");
            assertThat(notified.status()).as(notified.body()).isBetween(200, 201);
        }
        return ids;
    }

    /**
     * A round between Party A and Party B agreed on exchanging {@code persons} (their ids by holding party), every
     * one recorded TRANSFERRED by its holder's registrar: all that the completion needs. Answers the round's id.
     */
    private static String agreedRoundHandedOver(int port, Map<String, List<String>> persons) {
        Map<String, ApiClient> negotiators = Map.of("party-a", new ApiClient(port).as("negotiator@party-a"),
                "party-b", new ApiClient(port).as("negotiator@party-b"));
        ApiClient intermediary = new ApiClient(port).as("negotiator@intermediary");
        ApiClient.Response round = negotiators.get("party-a").post("/api/v1/exchanges", """
                {"counterparty": "party-b", "intermediary": "intermediary", "title": "Killed completion"}""");
        assertThat(round.status()).as(round.body()).isEqualTo(201);
        String base = "/api/v1/exchanges/" + round.json().get("id").stringValue();
        for (String party : List.of("party-a", "party-b")) {
            ApiClient.Response offer = negotiators.get(party).post(base + "/lists/" + party + "/offer/versions",
                    "{\"basedOn\": 0, \"entries\": [" + String.join(", ", persons.get(party).stream()
                            .map(id -> "{\"personId\": \"" + id + "\"}").toList()) + "]}");
            assertThat(offer.status()).as(offer.body()).isEqualTo(201);
        }
        ApiClient.Response version = intermediary.post(base + "/proposals", "{\"balance\": \"FIXED\", \"count\": "
                + persons.get("party-a").size() + "}");
        assertThat(version.status()).as(version.body()).isEqualTo(201);
        int number = version.json().get("version").intValue();
        for (String party : List.of("party-a", "party-b")) {
            assertThat(negotiators.get(party).post(base + "/exchange-list/versions/" + number + "/approvals", "{}")
                    .status()).isEqualTo(201);
        }
        for (String party : List.of("party-a", "party-b")) {
            List<String> entries = new ArrayList<>();
            version.json().get("releases").get(party).forEach(item -> entries.add("{\"personId\": \""
                    + item.get("personId").stringValue() + "\", \"outcome\": \"TRANSFERRED\"}"));
            assertThat(entries).hasSize(persons.get(party).size());
            ApiClient.Response recorded = new ApiClient(port).as("registrar@" + party).post(base + "/handover",
                    "{\"entries\": [" + String.join(", ", entries) + "]}");
            assertThat(recorded.status()).as(recorded.body()).isEqualTo(201);
        }
        return round.json().get("id").stringValue();
    }

    @Test
    void acknowledgedWritesSurviveKillingParleyOrItsDatabase(@TempDir Path dataDir) throws Exception {
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        Set<Long> checkpoints = ConcurrentHashMap.newKeySet();

        // 1. Parley killed while eight clients write: its PostgreSQL keeps running, orphaned
        ChildServer first = ChildServer.start(Map.of(), "demo", "--persons", "20", "--data-dir", dataDir.toString());
        long orphan = postmasterPid(dataDir);
        Writers writers = new Writers(first.port(), "Перший");
        writers.awaitAcknowledged(40);
        first.kill();
        writers.stop();
        acknowledged.addAll(writers.acknowledged);
        checkpoints.addAll(writers.checkpoints);
        assertThat(ProcessHandle.of(orphan).map(ProcessHandle::isAlive)).as("PostgreSQL outlived Parley").hasValue(true);

        // 2. the next start takes the directory over from the orphan, and every acknowledged write is there
        ChildServer second = ChildServer.start(Map.of(), "serve", "--data-dir", dataDir.toString());
        assertThat(ProcessHandle.of(orphan).map(ProcessHandle::isAlive).orElse(false)).isFalse();
        assertAllThere(second.port(), acknowledged, checkpoints);

        // 3. PostgreSQL killed under the running server while eight clients write
        writers = new Writers(second.port(), "Другий");
        writers.awaitAcknowledged(40);
        ProcessHandle.of(postmasterPid(dataDir)).orElseThrow().destroyForcibly();
        Thread.sleep(500);
        writers.stop();
        acknowledged.addAll(writers.acknowledged);
        checkpoints.addAll(writers.checkpoints);
        second.kill();

        // 4. restarted on the same directory: PostgreSQL recovers from its log, nothing acknowledged is lost
        ChildServer third = ChildServer.start(Map.of(), "serve", "--data-dir", dataDir.toString());
        assertThat(checkpoints).as("checkpoints were signed while the clients wrote").isNotEmpty();
        assertAllThere(third.port(), acknowledged, checkpoints);
        third.kill();

        StringWriter err = new StringWriter();
        CommandLine verify = ParleyCommand.commandLine();
        verify.setOut(new PrintWriter(new StringWriter(), true));
        verify.setErr(new PrintWriter(err, true));
        assertThat(verify.execute("audit", "verify", "--data-dir", dataDir.toString())).as(err.toString()).isZero();
    }

    @Test
    void anImportOrAHandoverCompletionKilledWhileItWritesIsWhollyThereOrWhollyAbsent(@TempDir Path dataDir)
            throws Exception {
        List<ChildServer> servers = new ArrayList<>();
        boolean checked = false;
        try {
            // 1. an import through the API, Parley killed while the import's transaction writes
            ChildServer first = kept(servers, ChildServer.start(Map.of(), "demo", "--persons", "20", "--data-dir",
                    dataDir.toString()));
            StringBuilder csv = new StringBuilder("surname,given_name,date_of_birth,prisoner_number\n");
            for (int i = 0; i < IMPORTED; i++) {
                csv.append("Перерваний,Імпорт,").append(1950 + i % 50).append(",CUT-").append(i).append('\n');
            }
            ApiClient.Response started = ImportUploads.post(new ApiClient(first.port()).as("registrar@party-a"),
                    Map.of("holdingParty", "party-a", "powerOfOrigin", "party-b"),
                    Map.of("file", csv.toString().getBytes(StandardCharsets.UTF_8)));
            assertThat(started.status()).as(started.body()).isEqualTo(202);
            String job = started.json().get("id").stringValue();
            try (Connection sql = database(dataDir)) {
                awaitWritingTransaction(sql);
            }
            first.kill();

            ChildServer second = kept(servers, ChildServer.start(Map.of(), "serve", "--data-dir",
                    dataDir.toString()));
            ApiClient.Response status = new ApiClient(second.port()).as("registrar@party-a")
                    .get("/api/v1/imports/" + job);
            assertThat(status.json().get("state").stringValue()).as("the import was killed before it ended")
                    .isEqualTo("FAILED");
            try (Connection sql = database(dataDir)) {
                assertThat(count(sql, "select count(*) from person where surname = 'Перерваний'")).isZero();
            }

            // 2. a handover's completion, PostgreSQL and Parley killed while its transaction writes
            Map<String, List<String>> persons = Map.of(
                    "party-a", register(second.port(), "party-a", "party-b", "Обмін-А-", HANDED_OVER),
                    "party-b", register(second.port(), "party-b", "party-a", "Обмін-Б-", HANDED_OVER));
            String round = agreedRoundHandedOver(second.port(), persons);
            ApiClient intermediary = new ApiClient(second.port()).as("negotiator@intermediary");
            Thread completing = new Thread(() -> {
                try {
                    intermediary.post("/api/v1/exchanges/" + round + "/handover/complete", "");
                } catch (RuntimeException e) { // the server went away
                }
            });
            try (Connection sql = database(dataDir)) {
                completing.start();
                awaitWritingTransaction(sql);
            }
            ProcessHandle.of(postmasterPid(dataDir)).orElseThrow().destroyForcibly();
            second.kill();
            completing.join(TimeUnit.SECONDS.toMillis(60));

            ChildServer third = kept(servers, ChildServer.start(Map.of(), "serve", "--data-dir",
                    dataDir.toString()));
            ApiClient afterwards = new ApiClient(third.port()).as("negotiator@intermediary");
            String state = afterwards.get("/api/v1/exchanges/" + round).json().get("state").stringValue();
            try (Connection sql = database(dataDir)) {
                long exchanged = count(sql, EXCHANGED_IN_ROUND);
                long reports = count(sql, "select count(*) from exchange_report");
                if (state.equals("EXECUTED")) { // the commit came before the kill: all of it is there
                    assertThat(exchanged).isEqualTo(2L * HANDED_OVER);
                    assertThat(reports).isEqualTo(1);
                } else { // none of it is, and the completion can be done again
                    assertThat(state).isEqualTo("AGREED");
                    assertThat(exchanged).isZero();
                    assertThat(reports).isZero();
                    ApiClient.Response completed = afterwards.post("/api/v1/exchanges/" + round
                            + "/handover/complete", "");
                    assertThat(completed.status()).as(completed.body()).isEqualTo(200);
                    assertThat(count(sql, EXCHANGED_IN_ROUND)).isEqualTo(2L * HANDED_OVER);
                }
                assertThat(count(sql, "select count(*) from person where surname like 'Обмін-%' and status = "
                        + "'EXCHANGED'")).isEqualTo(2L * HANDED_OVER);
            }
            third.kill(); // its PostgreSQL is taken over by the verification below
            checked = true;
        } finally {
            if (!checked) { // a failed check leaves no server behind
                for (ChildServer server : servers) {
                    server.process().destroyForcibly();
                }
                if (Files.exists(dataDir.resolve("postgres").resolve("postmaster.pid"))) {
                    ProcessHandle.of(postmasterPid(dataDir)).ifPresent(ProcessHandle::destroy);
                }
            }
        }

        StringWriter err = new StringWriter();
        CommandLine verify = ParleyCommand.commandLine();
        verify.setOut(new PrintWriter(new StringWriter(), true));
        verify.setErr(new PrintWriter(err, true));
        assertThat(verify.execute("audit", "verify", "--data-dir", dataDir.toString())).as(err.toString()).isZero();
    }
}
