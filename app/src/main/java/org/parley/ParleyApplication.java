package org.parley;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The Spring Boot application; started by {@link org.parley.cli.ParleyCommand}. */
@SpringBootApplication
public class ParleyApplication {
}
