package org.parley.api;

import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** The caller of the current request, as the security layer authenticated them. */
public final class Callers {

    private Callers() {
    }

    public static Optional<Caller> current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getPrincipal() instanceof Caller caller
                ? Optional.of(caller) : Optional.empty();
    }

    /** The authenticated caller; the security configuration guarantees one on every protected path. */
    public static Caller require() {
        return current().orElseThrow(() -> new IllegalStateException("no authenticated caller"));
    }
}
