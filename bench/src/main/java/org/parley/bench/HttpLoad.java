package org.parley.bench;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;

/**
 * A closed-loop HTTP load: each thread sends its request again as soon as the answer is in, for a warm-up and then
 * for the measured seconds; answers with the expected status count as done, anything else as failed.
 */
final class HttpLoad {

    /** What the measured seconds gave. */
    record Result(long done, long failed, int seconds) {
        double perSecond() {
            return done / (double) seconds;
        }
    }

    private HttpLoad() {
    }

    /** @param requestOfThread the request thread {@code t} sends, from 0 to {@code threads - 1} */
    static Result run(HttpClient http, int threads, int warmupSeconds, int seconds, int expectedStatus,
            IntFunction<HttpRequest> requestOfThread) throws InterruptedException {
        AtomicLong done = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        long warmupEnd = System.nanoTime() + TimeUnit.SECONDS.toNanos(warmupSeconds);
        long end = warmupEnd + TimeUnit.SECONDS.toNanos(seconds);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        for (int t = 0; t < threads; t++) {
            HttpRequest request = requestOfThread.apply(t);
            pool.submit(() -> {
                while (System.nanoTime() < end) {
                    try {
                        int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                        if (System.nanoTime() > warmupEnd) {
                            (status == expectedStatus ? done : failed).incrementAndGet();
                        }
                    } catch (Exception e) {
                        failed.incrementAndGet();
                    }
                }
                return null;
            });
        }
        pool.shutdown();
        pool.awaitTermination(warmupSeconds + seconds + 60L, TimeUnit.SECONDS);
        return new Result(done.get(), failed.get(), seconds);
    }
}
