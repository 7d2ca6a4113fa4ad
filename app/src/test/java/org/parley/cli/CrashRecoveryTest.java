package org.parley.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.ApiClient;
import picocli.CommandLine;

/**
 * {@code kill -9} of Parley, and separately of its PostgreSQL, while eight clients write through the API and an auditor
 * signs checkpoints: after a restart on the same {@code --data-dir} every write and checkpoint that was acknowledged is
 * there, and {@code audit verify} passes
 * (nothing half-written: every person has the entry of its creation, every entry its state). Killing Parley leaves its
 * PostgreSQL running without an owner; the next start must stop that server and take the directory over.
 */
class CrashRecoveryTest {

    private static final Pattern READY = Pattern.compile("Parley is ready at http://localhost:(\\d+)");
    private static final int CLIENTS = 8;

    /** A Parley server in a child JVM, as a user starts it. */
    private record Server(Process process, int port) {

        static Server start(Path dataDir, String... command) throws Exception {
            List<String> args = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                    .toString(), "-Dparley.rate-limit.user-per-minute=1000000",
                    "-Dparley.rate-limit.login-per-minute=1000", "-cp",
                    System.getProperty("java.class.path"), ParleyCommand.class.getName()));
            args.addAll(List.of(command));
            int port;
            try (ServerSocket free = new ServerSocket(0)) {
                port = free.getLocalPort();
            }
            args.addAll(List.of("--data-dir", dataDir.toString(), "--port", String.valueOf(port)));
            Process process = new ProcessBuilder(args).redirectErrorStream(true).start();
            BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8));
            StringBuilder seen = new StringBuilder();
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                seen.append(line).append('\n');
                Matcher ready = READY.matcher(line);
                if (ready.find()) {
                    Thread drain = new Thread(() -> out.lines().forEach(l -> { }));
                    drain.setDaemon(true);
                    drain.start();
                    return new Server(process, Integer.parseInt(ready.group(1)));
                }
            }
            throw new IllegalStateException("the server did not start:\n" + seen);
        }

        void kill() throws InterruptedException {
            process.destroyForcibly(); // SIGKILL: no shutdown hook, the embedded PostgreSQL is left running
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        }
    }

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

    @Test
    void acknowledgedWritesSurviveKillingParleyOrItsDatabase(@TempDir Path dataDir) throws Exception {
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        Set<Long> checkpoints = ConcurrentHashMap.newKeySet();

        // 1. Parley killed while eight clients write: its PostgreSQL keeps running, orphaned
        Server first = Server.start(dataDir, "demo", "--persons", "20");
        long orphan = postmasterPid(dataDir);
        Writers writers = new Writers(first.port(), "Перший");
        writers.awaitAcknowledged(40);
        first.kill();
        writers.stop();
        acknowledged.addAll(writers.acknowledged);
        checkpoints.addAll(writers.checkpoints);
        assertThat(ProcessHandle.of(orphan).map(ProcessHandle::isAlive)).as("PostgreSQL outlived Parley").hasValue(true);

        // 2. the next start takes the directory over from the orphan, and every acknowledged write is there
        Server second = Server.start(dataDir, "serve");
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
        Server third = Server.start(dataDir, "serve");
        assertThat(checkpoints).as("checkpoints were signed while the clients wrote").isNotEmpty();
        assertAllThere(third.port(), acknowledged, checkpoints);
        third.kill();

        StringWriter err = new StringWriter();
        CommandLine verify = ParleyCommand.commandLine();
        verify.setOut(new PrintWriter(new StringWriter(), true));
        verify.setErr(new PrintWriter(err, true));
        assertThat(verify.execute("audit", "verify", "--data-dir", dataDir.toString())).as(err.toString()).isZero();
    }
}
