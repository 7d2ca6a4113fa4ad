package org.parley.database;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Named locks in the database that end with the current transaction (PostgreSQL advisory locks): for tasks that
 * check whether something was done and then do it — the demo world, the first administrator — which two
 * instances starting at once on one database would otherwise both do (README "Configuration", running several
 * instances).
 */
@Component
public class TransactionLocks {

    /** The first half of the advisory lock's two-integer key: "PRLT". */
    static final int LOCK_CLASS = 0x50524c54;

    private final JdbcClient jdbc;

    TransactionLocks(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Waits until no other transaction holds the lock of this name, and holds it until this transaction ends. */
    public void lock(String name) {
        jdbc.sql("select pg_advisory_xact_lock(:class, hashtext(:name))").param("class", LOCK_CLASS)
                .param("name", name).query(rs -> { });
    }
}
