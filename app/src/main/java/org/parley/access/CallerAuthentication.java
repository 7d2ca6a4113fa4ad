package org.parley.access;

import java.util.List;
import org.parley.api.Caller;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * A Spring Security authentication whose principal is the {@link Caller}, with its roles as authorities, and whose
 * name is the username: the web session stored in the database keeps it as its principal's name (README
 * "Configuration"), where the caller's whole text would not fit.
 */
final class CallerAuthentication extends UsernamePasswordAuthenticationToken {

    private static final long serialVersionUID = 1L;

    private CallerAuthentication(Caller caller, List<SimpleGrantedAuthority> authorities) {
        super(caller, null, authorities);
    }

    static CallerAuthentication of(Caller caller) {
        return new CallerAuthentication(caller, caller.roles().stream()
                .map(role -> new SimpleGrantedAuthority("ROLE_" + role.name())).toList());
    }

    @Override
    public String getName() {
        return ((Caller) getPrincipal()).username();
    }
}
