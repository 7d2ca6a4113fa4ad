package org.parley.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.parley.ParleyTest;
import org.parley.api.Caller;
import org.parley.api.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/** The audit page through the web security chain, logged in as demo users (a session, CSRF on the form). */
@ParleyTest
class AuditPageTest {

    @Autowired
    WebApplicationContext context;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    VerificationGate gate;

    @Autowired
    AuditVerifier verifier;

    private MockMvc mvc;

    @BeforeEach
    void setUp() {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(SecurityMockMvcConfigurers.springSecurity()).build();
    }

    /** A logged-in demo user, as the login form would authenticate them. */
    private Authentication as(String username) {
        return jdbc.sql("select id, organisation_code, roles from app_user where username = :name")
                .param("name", username)
                .query((rs, row) -> {
                    Set<Role> roles = Arrays.stream((String[]) rs.getArray("roles").getArray()).map(Role::valueOf)
                            .collect(Collectors.toSet());
                    String organisation = rs.getString("organisation_code");
                    Caller caller = new Caller(rs.getLong("id"), username, organisation,
                            "intermediary".equals(organisation), roles);
                    return (Authentication) UsernamePasswordAuthenticationToken.authenticated(caller, null,
                            roles.stream().map(r -> new org.springframework.security.core.authority
                                    .SimpleGrantedAuthority("ROLE_" + r.name())).toList());
                }).single();
    }

    private MockHttpServletResponse page(String username, String query) throws Exception {
        return mvc.perform(get("/audit" + query).with(authentication(as(username))).locale(Locale.ENGLISH))
                .andReturn().getResponse();
    }

    @Test
    void auditorsSeeEntriesAndTheCheckpointStatus() throws Exception {
        MockHttpServletResponse response = page("auditor@intermediary", "?action=BULK_LOAD&size=10");
        assertThat(response.getStatus()).isEqualTo(200);
        String html = response.getContentAsString();
        assertThat(html).contains("Audit log").contains("All entries of every organisation")
                .contains("title=\"BULK_LOAD\">Person loaded in bulk</td>").contains("id=\"verify\"");
        assertThat(page("auditor@party-a", "").getContentAsString()).contains("Entries of your organisation (party-a)")
                .doesNotContain("name=\"organisation\"");
    }

    @Test
    void othersAreRefused() throws Exception {
        for (String username : new String[] {"registrar@party-a", "viewer@intermediary", "admin"}) {
            assertThat(page(username, "").getStatus()).as(username).isEqualTo(403);
        }
    }

    @Test
    void theVerifyButtonVerifiesTheLog() throws Exception {
        assertThat(verificationAs("auditor@intermediary")).contains("id=\"verification\"")
                .contains("Nothing was altered").contains("records as stored now");
    }

    @Test
    void aPartysAuditorLearnsWhetherTheLogHoldsButNoRecordCounts() throws Exception {
        long persons = jdbc.sql("select count(*) from person").query(Long.class).single();
        String html = verificationAs("auditor@party-b");
        assertThat(html).contains("id=\"verification\"").contains("Nothing was altered")
                .doesNotContain("records as stored now").doesNotContain("recorded states")
                .doesNotContain(" " + persons + " ");
    }

    /** The page after its auditor pressed the verify button (a form with its CSRF token). */
    private String verificationAs(String username) throws Exception {
        Authentication auditor = as(username);
        assertThat(mvc.perform(post("/audit/verify").with(authentication(auditor))).andReturn().getResponse()
                .getStatus()).as("without CSRF token").isEqualTo(403);
        var result = mvc.perform(post("/audit/verify").with(authentication(auditor)).with(csrf())).andReturn();
        assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/audit");
        return mvc.perform(get("/audit").with(authentication(auditor)).locale(Locale.ENGLISH)
                        .flashAttrs(result.getFlashMap())).andReturn().getResponse().getContentAsString();
    }

    @Test
    void aSecondVerificationWhileOneRunsIsTurnedAwayWithAMessage() throws Exception {
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch finish = new CountDownLatch(1);
        CompletableFuture<Optional<Verification>> first = CompletableFuture.supplyAsync(() -> gate.tryVerify(() -> {
            running.countDown();
            await(finish);
            return verifier.verify(Optional.empty());
        }));
        await(running);
        try {
            Authentication auditor = as("auditor@intermediary");
            var result = mvc.perform(post("/audit/verify").with(authentication(auditor)).with(csrf())).andReturn();
            String html = mvc.perform(get("/audit").with(authentication(auditor)).locale(Locale.ENGLISH)
                    .flashAttrs(result.getFlashMap())).andReturn().getResponse().getContentAsString();
            assertThat(html).contains("id=\"verification-busy\"").contains("is running already")
                    .doesNotContain("id=\"verification\"");
        } finally {
            finish.countDown();
        }
        assertThat(first.get(60, TimeUnit.SECONDS)).hasValueSatisfying(v -> assertThat(v.ok()).isTrue());
        assertThat(gate.tryVerify(() -> verifier.verify(Optional.empty()))).as("free again").isPresent();
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(60, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void thePageSpeaksUkrainianAndRussian() throws Exception {
        assertThat(mvc.perform(get("/audit").with(authentication(as("auditor@intermediary")))
                .param("lang", "uk")).andReturn().getResponse().getContentAsString())
                .contains("Журнал аудиту");
        assertThat(mvc.perform(get("/audit").with(authentication(as("auditor@intermediary")))
                .param("lang", "ru")).andReturn().getResponse().getContentAsString())
                .contains("Журнал аудита");
    }
}
