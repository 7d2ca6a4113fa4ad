package org.parley;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration;

/**
 * The Spring Boot application; started by {@link org.parley.cli.ParleyCommand}. Spring Boot's default in-memory
 * user (with a generated password) is switched off: Parley's users are those of the {@code access} package only.
 */
@SpringBootApplication(exclude = UserDetailsServiceAutoConfiguration.class)
public class ParleyApplication {
}
