package dev.ratchet.model;

import dev.ratchet.config.RetrySettings;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.SplittableRandom;
import java.util.function.LongSupplier;

/**
 * The wait before retry {@code n} of one call: exponential from the initial backoff, capped, and
 * shortened by a seeded jitter so that concurrent callers do not retry in lockstep; never shorter
 * than the provider's Retry-After. The jitter's random source is seeded from (model seed, call id),
 * so a call's waits depend only on which failures it met, not on timing or other calls.
 */
final class Backoff {

    private final RetrySettings settings;
    private final LongSupplier seed;
    private SplittableRandom random;

    /** The seed is computed on the first retry only: most calls never need one. */
    Backoff(RetrySettings settings, LongSupplier seed) {
        this.settings = settings;
        this.seed = seed;
    }

    Backoff(RetrySettings settings, long seed) {
        this(settings, () -> seed);
    }

    /** The seed for one call: the first 8 bytes of SHA-256("backoff", model seed, call id). */
    static long seed(int modelSeed, String callId) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] d = sha.digest(("backoff\u0000" + modelSeed + "\u0000" + callId).getBytes(StandardCharsets.UTF_8));
            long seed = 0;
            for (int i = 0; i < 8; i++) {
                seed = (seed << 8) | (d[i] & 0xff);
            }
            return seed;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by the Java platform", e);
        }
    }

    /** The wait in milliseconds after the {@code failures}-th failed attempt (1 for the first). */
    long delayMillis(int failures, Duration retryAfter) {
        double base = settings.initialBackoff().toMillis() * Math.pow(settings.multiplier(), Math.max(0, failures - 1));
        double capped = Math.min(base, (double) settings.maxBackoff().toMillis());
        if (random == null) {
            random = new SplittableRandom(seed.getAsLong());
        }
        double jittered = capped * (1.0 - settings.jitter() * random.nextDouble());
        long wait = Math.max(1, Math.round(jittered));
        return Math.max(wait, retryAfter.toMillis());
    }
}
