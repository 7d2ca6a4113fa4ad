package org.parley.access;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Passwords are hashed with Argon2id at the OWASP Password Storage Cheat Sheet's first recommended setting:
 * 19 MiB of memory, 2 iterations, parallelism 1; 16-byte salt, 32-byte hash.
 */
@Configuration(proxyBeanMethods = false)
public class PasswordHashing {

    public static final int SALT_BYTES = 16;
    public static final int HASH_BYTES = 32;
    public static final int PARALLELISM = 1;
    public static final int MEMORY_KIB = 19 * 1024;
    public static final int ITERATIONS = 2;

    /** The encoder Parley uses; public so that the benchmark measures exactly this one. */
    public static Argon2PasswordEncoder encoder() {
        return new Argon2PasswordEncoder(SALT_BYTES, HASH_BYTES, PARALLELISM, MEMORY_KIB, ITERATIONS);
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return encoder();
    }
}
