package dev.ratchet.config;

import java.time.Duration;
import java.util.Objects;

/**
 * The one retry layer: at most {@code maxAttempts} tries per call, exponential backoff from {@code
 * initialBackoff} by {@code multiplier} up to {@code maxBackoff}, each wait shortened by up to
 * {@code jitter} (a fraction) and never shorter than the provider's Retry-After. A Retry-After longer
 * than {@code maxRetryAfter} is treated as an exhausted quota: the campaign stops resumably instead
 * of sleeping for hours.
 */
public record RetrySettings(
        int maxAttempts,
        Duration initialBackoff,
        Duration maxBackoff,
        double multiplier,
        double jitter,
        Duration maxRetryAfter) {

    public static final RetrySettings DEFAULTS =
            new RetrySettings(6, Duration.ofSeconds(1), Duration.ofSeconds(60), 2.0, 0.5, Duration.ofMinutes(10));

    public RetrySettings {
        if (maxAttempts < 1 || maxAttempts > 100) {
            throw new IllegalArgumentException("retry.max_attempts must be within [1, 100]: " + maxAttempts);
        }
        positive("retry.initial_backoff_seconds", initialBackoff);
        positive("retry.max_backoff_seconds", maxBackoff);
        positive("retry.max_retry_after_seconds", maxRetryAfter);
        if (maxBackoff.compareTo(initialBackoff) < 0) {
            throw new IllegalArgumentException("retry.max_backoff_seconds must not be below initial_backoff_seconds");
        }
        if (!(multiplier >= 1.0 && multiplier <= 10.0)) {
            throw new IllegalArgumentException("retry.multiplier must be within [1, 10]: " + multiplier);
        }
        if (!(jitter >= 0.0 && jitter <= 1.0)) {
            throw new IllegalArgumentException("retry.jitter must be within [0, 1]: " + jitter);
        }
    }

    static void positive(String key, Duration d) {
        Objects.requireNonNull(d, key);
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(key + " must be positive: " + d);
        }
    }
}
