package org.parley.audit;

import java.nio.file.Path;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The signing key: {@code parley.audit.key-file}, by default {@code audit-ed25519.key} in the data directory.
 * Scheduling is on for the checkpoint job ({@link CheckpointJob}).
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class AuditConfiguration {

    static final String KEY_FILE_NAME = "audit-ed25519.key";

    @Bean
    SigningKey signingKey(@Value("${parley.audit.key-file:}") String keyFile,
            @Value("${parley.data-dir:parley-data}") Path dataDirectory) {
        return SigningKey.loadOrCreate(keyFile.isBlank() ? dataDirectory.resolve(KEY_FILE_NAME) : Path.of(keyFile));
    }
}
