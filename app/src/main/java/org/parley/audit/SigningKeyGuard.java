package org.parley.audit;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * At the server's start: the latest checkpoint in the database must verify with this instance's key. Several
 * instances of one database sign one log, so they must share one key file (README "Configuration", running several
 * instances); an instance started with a key of its own would sign checkpoints that no one can verify with the
 * published public key, so it refuses to start instead. Offline commands do not ask: {@code audit verify} names
 * a checkpoint the key does not verify, as it names every other fault.
 */
@Component
@ConditionalOnWebApplication
@Order(Ordered.HIGHEST_PRECEDENCE)
class SigningKeyGuard implements ApplicationRunner {

    private final CheckpointRepository checkpoints;
    private final SigningKey key;
    private final String keyFile;

    SigningKeyGuard(CheckpointRepository checkpoints, SigningKey key,
            @org.springframework.beans.factory.annotation.Value("${parley.audit.key-file:}") String keyFile) {
        this.checkpoints = checkpoints;
        this.key = key;
        this.keyFile = keyFile.isBlank() ? AuditConfiguration.KEY_FILE_NAME + " in the data directory" : keyFile;
    }

    @Override
    public void run(ApplicationArguments args) {
        checkpoints.latest().filter(latest -> !latest.verify(key.publicKey())).ifPresent(latest -> {
            throw new AuditKeyException("The latest audit checkpoint (size " + latest.treeSize() + ") was not "
                    + "signed with this instance's key (" + keyFile + "). Every instance of one database must use "
                    + "the same key file: set parley.audit.key-file to a copy of the key the other instances use.",
                    null);
        });
    }
}
