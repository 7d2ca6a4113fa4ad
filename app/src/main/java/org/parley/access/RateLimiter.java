package org.parley.access;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.stereotype.Component;

/**
 * Token buckets (Bucket4j) per client: each holds a limit's requests per minute and refills steadily over the
 * minute, so a client may use its minute's worth at once and then goes at the refill rate. Buckets unused for
 * two minutes are dropped (they would be full again anyway); at most {@value #MAX_CLIENTS} are kept per limit,
 * the least recently used going first.
 */
@Component
@ConditionalOnWebApplication // only the server takes requests
class RateLimiter {

    /** Whose requests a bucket counts. */
    enum Limit {
        /** one logged-in user's, by token or session */
        USER,
        /** one client address's, while not logged in */
        ANONYMOUS,
        /** one client address's logins and password changes */
        LOGIN
    }

    static final int MAX_CLIENTS = 100_000;

    private final boolean enabled;
    private final Map<Limit, Long> perMinute = new EnumMap<>(Limit.class);
    private final Map<Limit, Cache<String, Bucket>> buckets = new EnumMap<>(Limit.class);

    RateLimiter(@Value("${parley.rate-limit.enabled:true}") boolean enabled,
            @Value("${parley.rate-limit.user-per-minute:600}") long user,
            @Value("${parley.rate-limit.anonymous-per-minute:120}") long anonymous,
            @Value("${parley.rate-limit.login-per-minute:20}") long login) {
        this.enabled = enabled;
        perMinute.put(Limit.USER, positive("parley.rate-limit.user-per-minute", user));
        perMinute.put(Limit.ANONYMOUS, positive("parley.rate-limit.anonymous-per-minute", anonymous));
        perMinute.put(Limit.LOGIN, positive("parley.rate-limit.login-per-minute", login));
        for (Limit limit : Limit.values()) {
            buckets.put(limit, Caffeine.newBuilder().maximumSize(MAX_CLIENTS)
                    .expireAfterAccess(Duration.ofMinutes(2)).build());
        }
    }

    /** Takes one request from the client's bucket: empty if it may go ahead, else how long until it may. */
    Optional<Duration> take(Limit limit, String client) {
        if (!enabled) {
            return Optional.empty();
        }
        ConsumptionProbe probe = buckets.get(limit).get(client, key -> newBucket(perMinute.get(limit)))
                .tryConsumeAndReturnRemaining(1);
        return probe.isConsumed() ? Optional.empty() : Optional.of(Duration.ofNanos(probe.getNanosToWaitForRefill()));
    }

    private static Bucket newBucket(long perMinute) {
        return Bucket.builder().addLimit(Bandwidth.builder().capacity(perMinute)
                .refillGreedy(perMinute, Duration.ofMinutes(1)).build()).build();
    }

    private static long positive(String property, long value) {
        if (value < 1) {
            throw new IllegalArgumentException(property + " must be at least 1, not " + value);
        }
        return value;
    }
}
