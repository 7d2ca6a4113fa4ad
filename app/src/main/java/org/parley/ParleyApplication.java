package org.parley;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The Spring Boot application; started by {@link ParleyCommand}. */
@SpringBootApplication
public class ParleyApplication {
}
