package org.parley.registry;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/** At start, gives the persons stored before name keys existed (migration V4) their keys, in one transaction. */
@Component
@Order(0)
class NameKeyBackfill implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(NameKeyBackfill.class);

    private final NameKeyRepository nameKeys;
    private final TransactionTemplate transaction;

    NameKeyBackfill(NameKeyRepository nameKeys, TransactionTemplate transaction) {
        this.nameKeys = nameKeys;
        this.transaction = transaction;
    }

    @Override
    public void run(ApplicationArguments args) {
        Integer filled = transaction.execute(status -> nameKeys.fillMissing());
        if (filled != null && filled > 0) {
            log.info("Name search keys computed for {} persons stored before they existed", filled);
        }
    }
}
