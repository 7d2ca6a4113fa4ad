package org.parley.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.parley.api.Caller;
import org.parley.api.Role;

/** Where users with several roles land: the first page, in the order of {@link LandingPage}, they may open. */
class LandingPageTest {

    private static Caller of(String organisation, Role... roles) {
        return new Caller(1, "someone", organisation, "intermediary".equals(organisation), Set.of(roles));
    }

    @Test
    void severalRolesLandOnTheFirstWorkInTheOrder() {
        assertThat(LandingPage.of(of("party-a", Role.REGISTRAR, Role.ADMIN))).isEqualTo("/admin/users");
        assertThat(LandingPage.of(of("party-a", Role.VIEWER, Role.AUDITOR))).isEqualTo("/audit");
        assertThat(LandingPage.of(of("intermediary", Role.NEGOTIATOR, Role.INTERVIEWER))).isEqualTo("/wishes/queue");
        assertThat(LandingPage.of(of("party-b", Role.REGISTRAR, Role.NEGOTIATOR))).isEqualTo("/exchanges");
        assertThat(LandingPage.of(of("party-b", Role.VIEWER, Role.REGISTRAR))).isEqualTo("/persons");
    }

    @Test
    void pagesTheRolesCannotOpenAreSkipped() {
        // the audit page is for auditors of an organisation; the queue for the intermediary's
        assertThat(LandingPage.of(of(null, Role.AUDITOR))).isEqualTo("/account");
        assertThat(LandingPage.of(of("party-a", Role.INTERVIEWER))).isEqualTo("/persons");
        assertThat(LandingPage.of(of(null, Role.ADMIN))).isEqualTo("/admin/users");
    }
}
