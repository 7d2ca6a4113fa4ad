package org.parley.database;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * This process's mark of life in the database, for work that one instance leaves half-done in a table when it dies
 * (an import job queued or running): a random key, held as a session-level advisory lock on a connection of its own
 * (outside the pool) for as long as the process lives. PostgreSQL releases the lock when that connection ends — the
 * process stopped or was killed — so another instance can tell its own and live instances' work from a dead one's
 * ({@link #aliveCondition}) without clocks or heartbeats. See README "Configuration", running several instances.
 */
@Component
public class InstanceLease implements DisposableBean {

    /** The first half of the advisory lock's two-integer key: "PRLY". */
    static final int LOCK_CLASS = 0x50524c59;

    private final Connection connection;
    private final int key;

    InstanceLease(DataSource dataSource) throws SQLException {
        HikariDataSource pool = (HikariDataSource) dataSource;
        this.connection = DriverManager.getConnection(pool.getJdbcUrl(), pool.getUsername(), pool.getPassword());
        this.key = take(connection);
    }

    private static int take(Connection connection) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement("select pg_try_advisory_lock(?, ?)")) {
            while (true) { // a key another live instance holds (one in two billion) is simply drawn again
                int candidate = ThreadLocalRandom.current().nextInt(1, Integer.MAX_VALUE);
                lock.setInt(1, LOCK_CLASS);
                lock.setInt(2, candidate);
                try (ResultSet rs = lock.executeQuery()) {
                    rs.next();
                    if (rs.getBoolean(1)) {
                        return candidate;
                    }
                }
            }
        }
    }

    /** This instance's key, to be stored with the work it takes on. */
    public int key() {
        return key;
    }

    /**
     * An SQL condition that holds when the instance whose key is in {@code column} (an integer column; null for
     * work stored before instances had keys) is alive.
     */
    public static String aliveCondition(String column) {
        return "exists (select 1 from pg_locks l where l.locktype = 'advisory' and l.granted and l.classid = "
                + LOCK_CLASS + " and l.objid = " + column + "::oid and l.objsubid = 2)";
    }

    @Override
    public void destroy() throws SQLException {
        connection.close();
    }
}
