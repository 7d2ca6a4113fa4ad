package org.parley;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * A test against the whole application: a real embedded PostgreSQL on a throw-away directory, the HTTP server on
 * a random port, and the demo world loaded (party-a, party-b, intermediary and {@link #DEMO_PERSONS} persons).
 * All such tests share one application context, hence one database: tests create their own records with
 * distinctive names rather than assume an empty registry. Audit checkpoints are signed on demand only, with a key
 * kept under target/; counted refusals are stored on demand only ({@code RefusalCounts.storeAll}). The rate limits
 * are raised, since every test calls from the same address ({@code RateLimitTest} checks them at low limits).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"parley.embedded.ephemeral=true", "parley.demo.persons=" + ParleyTest.DEMO_PERSONS,
                "parley.audit.key-file=target/test-audit-ed25519.key", "parley.audit.checkpoint-job=false",
                "parley.access.tally-job=false", "parley.rate-limit.user-per-minute=1000000",
                "parley.rate-limit.anonymous-per-minute=1000000", "parley.rate-limit.login-per-minute=1000000"})
public @interface ParleyTest {
    int DEMO_PERSONS = 400;
}
