package dev.ratchet.model;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Waits. Injected wherever the model layer backs off, pauses for the circuit breaker or the rate
 * limiter, so that tests can record every requested wait without spending it; there is no global
 * sleep function to patch.
 */
@FunctionalInterface
public interface Sleeper {

    void sleep(Duration duration) throws InterruptedException;

    /** Sleeps for real. */
    static Sleeper system() {
        return d -> {
            if (!d.isNegative() && !d.isZero()) {
                TimeUnit.NANOSECONDS.sleep(d.toNanos());
            }
        };
    }
}
