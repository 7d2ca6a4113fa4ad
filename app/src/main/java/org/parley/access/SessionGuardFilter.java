package org.parley.access;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.Optional;
import org.parley.api.Caller;
import org.parley.api.Callers;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * On every page request of a logged-in user: ends the session of a user who was disabled meanwhile, refreshes
 * their roles, and sends a user with a one-time password to the page where they choose their own.
 */
class SessionGuardFilter extends OncePerRequestFilter {

    static final String CHANGE_PASSWORD = "/account/password";

    private final UserService users;

    SessionGuardFilter(UserService users) {
        this.users = users;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<Caller> caller = Callers.current();
        if (caller.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        Optional<User> user = users.current(caller.get());
        if (user.isEmpty()) {
            SecurityContextHolder.clearContext();
            HttpSession session = request.getSession(false);
            if (session != null) {
                session.invalidate();
            }
            response.sendRedirect(request.getContextPath() + "/login?expired");
            return;
        }
        if (!user.get().caller().equals(caller.get())) {
            SecurityContextHolder.getContext().setAuthentication(CallerAuthentication.of(user.get().caller()));
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        boolean exempt = path.equals(CHANGE_PASSWORD) || path.equals("/logout") || path.startsWith("/css/")
                || path.startsWith("/js/") || path.startsWith("/webjars/") || path.equals("/favicon.ico")
                || path.equals("/favicon.svg");
        if (user.get().mustChangePassword() && !exempt) {
            response.sendRedirect(request.getContextPath() + CHANGE_PASSWORD);
            return;
        }
        chain.doFilter(request, response);
    }
}
