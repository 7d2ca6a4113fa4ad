package org.parley.database;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.ParleyApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** With PARLEY_DB_URL set, Parley uses that server, migrates it, and starts no database of its own. */
class ExternalDatabaseTest {

    @Test
    void usesTheConfiguredServerAndStartsNone(@TempDir Path keys) throws Exception {
        // A separately started PostgreSQL stands in for the external server.
        try (EmbeddedPostgres external = EmbeddedPostgres.builder().start()) {
            try (ConfigurableApplicationContext context = new SpringApplicationBuilder(ParleyApplication.class)
                    .properties("server.port=0", "parley.db.url=" + external.getJdbcUrl("postgres", "postgres"),
                            "parley.db.user=postgres", "parley.db.password=", "parley.data-dir=/nonexistent/never",
                            "parley.audit.key-file=" + keys.resolve("audit-ed25519.key"))
                    .run()) {
                assertThat(context.getBean(DatabaseConfiguration.EmbeddedServer.class).server()).isNull();
            }
            try (Connection c = external.getPostgresDatabase().getConnection();
                    ResultSet rs = c.createStatement().executeQuery("select count(*) from flyway_schema_history")) {
                rs.next();
                assertThat(rs.getInt(1)).isPositive();
            }
        }
    }
}
