package org.parley.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedDatabaseTest {

    @TempDir
    Path dataDir;

    @Test
    void dataSurvivesARestart() throws Exception {
        try (EmbeddedPostgres first = EmbeddedDatabase.startPersistent(dataDir, "");
                Connection c = first.getPostgresDatabase().getConnection();
                Statement s = c.createStatement()) {
            s.execute("create table kept (name text)");
            s.execute("insert into kept values ('Коваленко')");
        }
        try (EmbeddedPostgres second = EmbeddedDatabase.startPersistent(dataDir, "");
                Connection c = second.getPostgresDatabase().getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select name from kept")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("Коваленко");
        }
    }

    @Test
    void aKeptDatabaseIsWrittenCrashSafely() throws Exception {
        try (EmbeddedPostgres server = EmbeddedDatabase.startPersistent(dataDir, "")) {
            assertThat(setting(server, "fsync")).isEqualTo("on");
            assertThat(setting(server, "synchronous_commit")).isEqualTo("on");
            assertThat(setting(server, "full_page_writes")).isEqualTo("on");
        }
    }

    private static String setting(EmbeddedPostgres server, String name) throws Exception {
        return single(server, "show " + name);
    }

    /** The one value {@code sql} answers on the server. */
    private static String single(EmbeddedPostgres server, String sql) throws Exception {
        try (Connection c = server.getPostgresDatabase().getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    @Test
    void theBufferPoolIsAQuarterOfTheMemoryUpTo4GbUnlessSet() throws Exception {
        long memory = ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getTotalMemorySize();
        long quarter = Math.min(4L << 30, Math.max(128L << 20, memory / 4 / (1 << 20) * (1 << 20)));
        assertThat(EmbeddedDatabase.defaultSharedBuffers()).isEqualTo((quarter >> 20) + "MB");
        try (EmbeddedPostgres server = EmbeddedDatabase.startPersistent(dataDir, "")) {
            assertThat(sharedBuffersBytes(server)).isEqualTo(quarter);
        }
        try (EmbeddedPostgres server = EmbeddedDatabase.startPersistent(dataDir, "256MB")) {
            assertThat(sharedBuffersBytes(server)).isEqualTo(256L * 1024 * 1024);
        }
        assertThatThrownBy(() -> EmbeddedDatabase.startPersistent(dataDir, "lots"))
                .isInstanceOf(DatabaseStartupException.class)
                .hasMessage("parley.embedded.shared-buffers is 'lots'; give a size such as 4GB or 512MB (a number "
                        + "and kB, MB, GB or TB), or leave it unset");
    }

    private static long sharedBuffersBytes(EmbeddedPostgres server) throws Exception {
        return Long.parseLong(single(server, "select setting::bigint * 8192 from pg_settings "
                + "where name = 'shared_buffers'"));
    }

    @Test
    void aSecondServerOnTheSameDirectoryIsRefusedWithAClearMessage() throws Exception {
        try (EmbeddedPostgres running = EmbeddedDatabase.startPersistent(dataDir, "")) {
            assertThatThrownBy(() -> EmbeddedDatabase.startPersistent(dataDir, ""))
                    .isInstanceOf(DatabaseStartupException.class)
                    .hasMessage("The data directory " + dataDir.toAbsolutePath().normalize()
                            + " is in use by another running Parley. Stop that one first, or start this one with "
                            + "another --data-dir.");
            assertThat(running.getPostgresDatabase().getConnection().isValid(1)).isTrue();
        }
    }

    @Test
    void anUnusableDataDirectoryIsNamed() throws Exception {
        Path file = dataDir.resolve("not-a-directory");
        java.nio.file.Files.writeString(file, "x");
        assertThatThrownBy(() -> EmbeddedDatabase.startPersistent(file, ""))
                .isInstanceOf(DatabaseStartupException.class)
                .hasMessageStartingWith("Cannot create the data directory " + file.resolve("postgres"))
                .hasMessageEndingWith("Choose another one with --data-dir.");
    }

    @Test
    void aHalfMadeDirectoryFromAnInterruptedFirstStartIsNamed() throws Exception {
        java.nio.file.Files.createDirectories(dataDir.resolve("postgres/base"));
        assertThatThrownBy(() -> EmbeddedDatabase.startPersistent(dataDir, ""))
                .isInstanceOf(DatabaseStartupException.class)
                .hasMessage("The directory " + dataDir.resolve("postgres") + " holds an incomplete database (was a "
                        + "first start interrupted?). Remove that directory, or start with another --data-dir.");
    }
}
