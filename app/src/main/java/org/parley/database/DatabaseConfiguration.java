package org.parley.database;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import javax.sql.DataSource;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Chooses the database: an external PostgreSQL when {@code parley.db.url} (environment PARLEY_DB_URL) is set,
 * otherwise an embedded one — on {@code parley.data-dir}, or on a throw-away directory when
 * {@code parley.embedded.ephemeral} is true (tests). The persistent one's buffer pool is
 * {@code parley.embedded.shared-buffers}, by default a quarter of the memory, at most 4 GB.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {

    @Bean
    EmbeddedServer embeddedServer(@Value("${parley.db.url:}") String externalUrl,
            @Value("${parley.data-dir:parley-data}") Path dataDirectory,
            @Value("${parley.embedded.ephemeral:false}") boolean ephemeral,
            @Value("${parley.embedded.shared-buffers:}") String sharedBuffers) {
        if (!externalUrl.isBlank()) {
            return new EmbeddedServer(null);
        }
        return new EmbeddedServer(ephemeral ? EmbeddedDatabase.startEphemeral()
                : EmbeddedDatabase.startPersistent(dataDirectory, sharedBuffers));
    }

    @Bean
    DataSource dataSource(EmbeddedServer embedded, @Value("${parley.db.url:}") String externalUrl,
            @Value("${parley.db.user:}") String user, @Value("${parley.db.password:}") String password,
            @Value("${parley.db.pool-size:10}") int poolSize,
            @Value("${parley.db.connection-timeout:5s}") Duration connectionTimeout) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("parley");
        config.setMaximumPoolSize(poolSize);
        // a request that finds no connection free within this wait is answered 503 (api.Unavailable), not kept hanging
        config.setConnectionTimeout(connectionTimeout.toMillis());
        if (embedded.server() != null) {
            config.setJdbcUrl(embedded.server().getJdbcUrl("postgres", "postgres"));
        } else {
            config.setJdbcUrl(externalUrl);
            config.setUsername(user);
            config.setPassword(password);
        }
        config.setInitializationFailTimeout(-1);
        HikariDataSource dataSource = new HikariDataSource(config);
        try (var connection = dataSource.getConnection()) {
            connection.isValid(5);
        } catch (Exception e) {
            dataSource.close();
            throw new DatabaseStartupException("Cannot connect to the PostgreSQL server at " + config.getJdbcUrl()
                    + ": " + e.getMessage() + ". Check PARLEY_DB_URL, PARLEY_DB_USER and PARLEY_DB_PASSWORD.", e);
        }
        return dataSource;
    }

    /** Holds the embedded server, if any, and stops it after the connection pool has closed. */
    record EmbeddedServer(EmbeddedPostgres server) implements DisposableBean {
        @Override
        public void destroy() throws IOException {
            if (server != null) {
                server.close();
            }
        }
    }
}
