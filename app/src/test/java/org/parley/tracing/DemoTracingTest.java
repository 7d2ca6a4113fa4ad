package org.parley.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.parley.ParleyTest;
import org.parley.TestCallers;
import org.parley.access.UserService;
import org.parley.api.Caller;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The demo world's tracing requests (demo.DemoTracing, {@link ParleyTest#DEMO_PERSONS} persons): open ones with new
 * matches of the standing search, answered ones with a confirmed candidate, requests in Latin letters found in
 * Cyrillic records. Only the demo's own requests are looked at (recorded by the demo's registrars, requester
 * e-mails of the demo's form).
 */
@ParleyTest
class DemoTracingTest {

    @Autowired
    TracingService tracing;
    @Autowired
    UserService users;

    /** The demo's requests among all the caller may read, page after page (other tests record requests too). */
    private List<TracingService.Summary> demo(Caller caller) {
        List<TracingService.Summary> all = new ArrayList<>();
        long total = tracing.list(caller, Set.of(), false, 0, 1).total();
        for (int page = 0; page * 200L < total; page++) {
            all.addAll(tracing.list(caller, Set.of(), false, page, 200).items());
        }
        return all.stream()
                .filter(s -> s.request().input().requester().contact() != null
                        && s.request().input().requester().contact().matches("family-\\d{4}@example\\.org"))
                .toList();
    }

    @Test
    void theDemoHasOpenRequestsWithNewMatchesAndAnsweredOnes() {
        List<TracingService.Summary> all = demo(TestCallers.of(users, "viewer@intermediary"));
        int expected = ParleyTest.DEMO_PERSONS / 20 + ParleyTest.DEMO_PERSONS / 10;
        assertThat(all).hasSize(expected);
        assertThat(all).filteredOn(s -> s.newMatches() > 0).hasSizeGreaterThan(ParleyTest.DEMO_PERSONS / 40);
        assertThat(all).filteredOn(s -> s.request().state() == TracingState.ANSWERED && s.confirmed() == 1)
                .isNotEmpty();
        assertThat(all).filteredOn(s -> s.request().state() == TracingState.CLOSED).isNotEmpty();
        assertThat(all).filteredOn(s -> s.request().input().surname().matches("[A-Za-z' -]+") && s.candidates() > 0)
                .as("Latin spellings found").isNotEmpty();
        assertThat(demo(TestCallers.of(users, "viewer@party-a")))
                .allMatch(s -> s.request().organisation().equals("party-a"));
    }
}
