package org.parley.audit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Signs a checkpoint at start and then every {@code parley.audit.checkpoint-interval} (default one minute) when
 * entries were appended since the last one — at start, those that offline commands appended while the server was
 * stopped. Only in the server: offline commands such as {@code audit verify} leave the log as they found it. Off
 * with {@code parley.audit.checkpoint-job=false} (tests sign on demand).
 */
@Component
@ConditionalOnWebApplication
@ConditionalOnProperty(name = "parley.audit.checkpoint-job", havingValue = "true", matchIfMissing = true)
class CheckpointJob {

    private static final Logger log = LoggerFactory.getLogger(CheckpointJob.class);

    private final AuditTree tree;

    CheckpointJob(AuditTree tree) {
        this.tree = tree;
    }

    @Scheduled(fixedDelayString = "${parley.audit.checkpoint-interval:PT1M}",
            initialDelayString = "PT0S")
    void signIfNeeded() {
        if (tree.unsigned()) {
            Checkpoint checkpoint = tree.sign();
            log.debug("Signed audit checkpoint at size {}", checkpoint.treeSize());
        }
    }
}
