package org.parley.audit;

import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * Lets one verification of the whole log run at a time in this server: each takes up to seven of the pool's
 * database connections for seconds, and a second one at the same time would leave the other requests none.
 */
@Component
class VerificationGate {

    private final Semaphore one = new Semaphore(1);

    /** Runs the verification, or returns empty at once if another one is running. */
    Optional<Verification> tryVerify(Supplier<Verification> verification) {
        if (!one.tryAcquire()) {
            return Optional.empty();
        }
        try {
            return Optional.of(verification.get());
        } finally {
            one.release();
        }
    }
}
