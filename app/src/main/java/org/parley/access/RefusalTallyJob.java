package org.parley.access;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Stores the counted refusals and failed logins of each minute that has ended, five seconds into the next one.
 * Only in the server; off with {@code parley.access.tally-job=false} (tests store on demand).
 */
@Component
@ConditionalOnWebApplication
@ConditionalOnProperty(name = "parley.access.tally-job", havingValue = "true", matchIfMissing = true)
class RefusalTallyJob {

    private final RefusalCounts counts;

    RefusalTallyJob(RefusalCounts counts) {
        this.counts = counts;
    }

    @Scheduled(cron = "5 * * * * *")
    void storeEndedMinutes() {
        counts.storeEndedMinutes();
    }
}
