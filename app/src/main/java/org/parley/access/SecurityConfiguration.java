package org.parley.access;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import org.parley.api.Caller;
import org.parley.api.Callers;
import org.parley.api.RefusalRecorder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import java.net.URI;
import tools.jackson.databind.json.JsonMapper;

/**
 * Two doors: the REST API ({@code /api/**}) takes bearer tokens only — stateless, no cookies, hence no CSRF —
 * and answers refusals as problem details; the web UI takes a login form with a server session, CSRF tokens on
 * every form, a new session id at login, an idle timeout, and strict security headers. Every refusal is logged
 * (those of callers not logged in as counts, see {@link RefusalLog}); each client's requests are rate-limited.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET) // not for the offline commands
class SecurityConfiguration {

    /** No inline script or style anywhere, nothing from elsewhere, never in a frame. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; font-src 'self'; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; "
            + "base-uri 'none'; object-src 'none'";

    /** {@code springdoc.api-docs.path}. */
    static final String OPENAPI_DOCUMENT = "/api/v1/openapi.json";

    /**
     * The Actuator's own port, when one is set ({@code management.server.port}, off by default): open without a login,
     * but only to requests that arrived on a loopback address, so that the load runs in {@code bench/} can read the
     * server's metrics from the same machine (README, "Benchmarks"). On the application's port nothing is opened.
     */
    @Bean
    @Order(0)
    SecurityFilterChain managementPort(HttpSecurity http,
            @Value("${management.server.port:-1}") int managementPort) throws Exception {
        http.securityMatcher(request -> managementPort > 0 && request.getLocalPort() == managementPort
                        && isLoopback(request.getLocalAddr()) && isLoopback(request.getRemoteAddr()))
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(authorize -> authorize.anyRequest().permitAll());
        return http.build();
    }

    private static boolean isLoopback(String address) {
        try {
            // the servlet container gives numeric addresses, so this looks nothing up
            return address != null && InetAddress.getByName(address).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, TokenService tokens, RefusalRecorder refusals, JsonMapper json,
            RateLimiter limiter, ClientAddress clients) throws Exception {
        http.securityMatcher("/api/**")
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .formLogin(form -> form.disable())
                .httpBasic(basic -> basic.disable())
                .logout(logout -> logout.disable())
                .addFilterBefore(new TokenAuthenticationFilter(tokens), AnonymousAuthenticationFilter.class)
                .addFilterAfter(RateLimitFilter.forApi(limiter, clients, json), TokenAuthenticationFilter.class)
                .authorizeHttpRequests(authorize -> authorize
                        .requestMatchers(HttpMethod.POST, "/api/v1/auth/token", "/api/v1/auth/password").permitAll()
                        // the API's description holds no data (README, "Access control")
                        .requestMatchers(HttpMethod.GET, OPENAPI_DOCUMENT).permitAll()
                        .anyRequest().authenticated())
                .exceptionHandling(exceptions -> exceptions
                        .authenticationEntryPoint((request, response, e) -> {
                            boolean badToken = request.getAttribute(TokenAuthenticationFilter.BAD_TOKEN) != null;
                            String detail = badToken ? "The token is not valid: unknown, expired or revoked."
                                    : "An API token is required: POST /api/v1/auth/token, then send "
                                    + "'Authorization: Bearer TOKEN'.";
                            refusals.refused(null, request.getMethod(), request.getRequestURI(), 401, null, null,
                                    detail);
                            response.setHeader("WWW-Authenticate", "Bearer realm=\"parley\""
                                    + (badToken ? ", error=\"invalid_token\"" : ""));
                            writeProblem(response, json, HttpStatus.UNAUTHORIZED, "unauthorized", detail);
                        })
                        .accessDeniedHandler((request, response, e) -> {
                            refusals.refused(Callers.current().orElse(null), request.getMethod(),
                                    request.getRequestURI(), 403, null, null, e.getMessage());
                            writeProblem(response, json, HttpStatus.FORBIDDEN, "forbidden", e.getMessage());
                        }))
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY)));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain web(HttpSecurity http, LoginService logins, UserService users, RefusalRecorder refusals,
            RateLimiter limiter, ClientAddress clients) throws Exception {
        LoginUrlAuthenticationEntryPoint loginPage = new LoginUrlAuthenticationEntryPoint("/login");
        // the page asked for before the login, or else the user's landing page (never one their roles refuse)
        SavedRequestAwareAuthenticationSuccessHandler afterLogin = new SavedRequestAwareAuthenticationSuccessHandler() {
            @Override
            protected String determineTargetUrl(HttpServletRequest request, HttpServletResponse response,
                    Authentication authentication) {
                return authentication.getPrincipal() instanceof Caller caller ? LandingPage.of(caller) : "/";
            }
        };
        afterLogin.setRedirectStrategy(new LocalRedirectStrategy());
        http.authenticationProvider(new PasswordAuthenticationProvider(logins))
                .authorizeHttpRequests(authorize -> authorize
                        .requestMatchers("/login", "/css/**", "/js/**", "/webjars/**", "/favicon.ico", "/favicon.svg",
                                "/error", "/actuator/health").permitAll()
                        .anyRequest().authenticated())
                .formLogin(form -> form.loginPage("/login").successHandler(afterLogin).failureUrl("/login?error"))
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout"))
                .sessionManagement(session -> session.sessionFixation(fixation -> fixation.changeSessionId()))
                .addFilterAfter(new SessionGuardFilter(users), AnonymousAuthenticationFilter.class)
                .addFilterBefore(RateLimitFilter.forPages(limiter, clients), CsrfFilter.class)
                .exceptionHandling(exceptions -> exceptions
                        .authenticationEntryPoint((request, response, e) -> {
                            refusals.refused(null, request.getMethod(), request.getRequestURI(), 401, null, null,
                                    "not logged in");
                            loginPage.commence(request, response, e);
                        }))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .referrerPolicy(referrer -> referrer.policy(
                                ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN))
                        .frameOptions(frame -> frame.deny()));
        return http.build();
    }

    static void writeProblem(HttpServletResponse response, JsonMapper json, HttpStatus status, String type,
            String detail) throws IOException {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("urn:parley:problem:" + type));
        problem.setTitle(status.getReasonPhrase());
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }
}
