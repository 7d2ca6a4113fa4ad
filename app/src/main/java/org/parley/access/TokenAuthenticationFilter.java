package org.parley.access;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/** Authenticates API requests by their {@code Authorization: Bearer} token; anything else stays anonymous. */
class TokenAuthenticationFilter extends OncePerRequestFilter {

    /** Request attribute telling the entry point that a token was presented but is not valid. */
    static final String BAD_TOKEN = TokenAuthenticationFilter.class.getName() + ".badToken";

    private final TokenService tokens;

    TokenAuthenticationFilter(TokenService tokens) {
        this.tokens = tokens;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            tokens.authenticate(header.substring(7).strip()).ifPresentOrElse(
                    caller -> SecurityContextHolder.getContext().setAuthentication(CallerAuthentication.of(caller)),
                    () -> request.setAttribute(BAD_TOKEN, Boolean.TRUE));
        }
        chain.doFilter(request, response);
    }
}
