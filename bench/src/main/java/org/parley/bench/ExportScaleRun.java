package org.parley.bench;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The export of a whole person list through the API at scale, against a running Parley (e.g. {@code demo --persons
 * 1000000}): {@code GET /api/v1/persons/export?format=F} as a demo user, the body read as it streams and counted
 * (bytes, lines), RUNS times after one warm-up. For each run: the wall time from the request to the last byte, the
 * server's CPU time for it (from /proc/PID/stat: the JVM, not the database), and the server's peak resident memory
 * while it ran (VmRSS of PID, sampled every 50 ms).
 *
 * <pre>
 * java -jar app/target/parley.jar demo --persons 1000000 --data-dir /tmp/export-bench --port 18602 &amp;
 * java -cp bench/target/parley-bench.jar org.parley.bench.ExportScaleRun http://localhost:18602 SERVER_PID \
 *     [USER=registrar@party-a] [FORMAT=csv] [RUNS=3]
 * </pre>
 */
public final class ExportScaleRun {

    private ExportScaleRun() {
    }

    public static void main(String[] args) throws Exception {
        String base = args[0];
        long pid = Long.parseLong(args[1]);
        String user = args.length > 2 ? args[2] : "registrar@party-a";
        String format = args.length > 3 ? args[3] : "csv";
        int runs = args.length > 4 ? Integer.parseInt(args[4]) : 3;
        String token = new ExchangeApi(base).token(user);
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        for (int run = -1; run < runs; run++) {
            AtomicLong peak = new AtomicLong();
            Thread sampler = new Thread(() -> {
                while (!Thread.currentThread().isInterrupted()) {
                    peak.accumulateAndGet(rssKilobytes(pid), Math::max);
                    try {
                        Thread.sleep(50);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
            sampler.start();
            double cpu0 = ExchangeReconcileRun.cpuSeconds(pid);
            long t0 = System.nanoTime();
            HttpResponse<InputStream> response = http.send(HttpRequest.newBuilder(URI.create(base
                    + "/api/v1/persons/export?format=" + format)).header("Authorization", "Bearer " + token)
                    .timeout(Duration.ofMinutes(30)).GET().build(), HttpResponse.BodyHandlers.ofInputStream());
            long bytes = 0;
            long lines = 0;
            byte[] buffer = new byte[1 << 16];
            try (InputStream body = response.body()) {
                for (int n = body.read(buffer); n >= 0; n = body.read(buffer)) {
                    bytes += n;
                    for (int i = 0; i < n; i++) {
                        if (buffer[i] == '\n') {
                            lines++;
                        }
                    }
                }
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            double cpu = ExchangeReconcileRun.cpuSeconds(pid) - cpu0;
            sampler.interrupt();
            sampler.join();
            if (response.statusCode() != 200) {
                throw new IllegalStateException("answer " + response.statusCode());
            }
            System.out.printf("%s %s as %s: %d, %,d bytes, %,d lines (X-Total-Count %s), %.1f s wall, %.1f s server CPU, "
                    + "%,d persons/s, server peak RSS %,d MB%n", run < 0 ? "warm-up" : "run " + (run + 1), format, user,
                    response.statusCode(), bytes, lines, response.headers().firstValue("X-Total-Count").orElse("?"),
                    seconds, cpu, Math.round(Long.parseLong(response.headers().firstValue("X-Total-Count")
                            .orElse("0")) / seconds), peak.get() / 1024);
        }
    }

    /** The resident memory of a process in kB (VmRSS of /proc/PID/status); 0 when unknown. */
    static long rssKilobytes(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (Exception e) {
            return 0;
        }
        return 0;
    }
}
