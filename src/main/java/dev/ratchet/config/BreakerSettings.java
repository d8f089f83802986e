package dev.ratchet.config;

import java.time.Duration;

/**
 * The circuit breaker: it opens when at least {@code failureRatePercent} of the last {@code
 * windowCalls} attempts (once {@code minimumCalls} were made) failed with a server error, timeout,
 * reset, refused connection or a body no adapter can read. While open, callers pause and probe
 * again every so often instead of failing; an outage that outlasts {@code maxOutage} stops the
 * campaign resumably.
 */
public record BreakerSettings(
        double failureRatePercent, int windowCalls, int minimumCalls, Duration openDuration, Duration maxOutage) {

    public static final BreakerSettings DEFAULTS =
            new BreakerSettings(50.0, 20, 10, Duration.ofSeconds(30), Duration.ofMinutes(30));

    public BreakerSettings {
        if (!(failureRatePercent > 0.0 && failureRatePercent <= 100.0)) {
            throw new IllegalArgumentException("breaker.failure_rate_percent must be within (0, 100]");
        }
        if (windowCalls < 1) {
            throw new IllegalArgumentException("breaker.window_calls must be at least 1");
        }
        if (minimumCalls < 1) {
            throw new IllegalArgumentException("breaker.minimum_calls must be at least 1");
        }
        RetrySettings.positive("breaker.open_seconds", openDuration);
        RetrySettings.positive("breaker.max_outage_seconds", maxOutage);
    }
}
