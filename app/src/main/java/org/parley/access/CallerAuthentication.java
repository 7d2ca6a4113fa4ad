package org.parley.access;

import java.util.List;
import org.parley.api.Caller;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** A Spring Security authentication whose principal is the {@link Caller}, with its roles as authorities. */
final class CallerAuthentication {

    private CallerAuthentication() {
    }

    static UsernamePasswordAuthenticationToken of(Caller caller) {
        List<SimpleGrantedAuthority> authorities = caller.roles().stream()
                .map(role -> new SimpleGrantedAuthority("ROLE_" + role.name())).toList();
        return UsernamePasswordAuthenticationToken.authenticated(caller, null, authorities);
    }
}
