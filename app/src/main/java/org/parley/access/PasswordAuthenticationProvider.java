package org.parley.access;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;

/** The login form's check, through {@link LoginService} (lockout and constant-time refusals included). */
class PasswordAuthenticationProvider implements AuthenticationProvider {

    private final LoginService logins;

    PasswordAuthenticationProvider(LoginService logins) {
        this.logins = logins;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        try {
            LoginService.Login login = logins.login(authentication.getName(),
                    authentication.getCredentials() == null ? null : authentication.getCredentials().toString());
            return CallerAuthentication.of(login.caller());
        } catch (LoginFailedException e) {
            throw new BadCredentialsException(e.getMessage());
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
