package dev.ratchet.model;

import dev.ratchet.config.ModelConfig;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Tells the person watching a run, at the first failure of a spell, that calls are waiting for a
 * provider, which host and error, and until when; again when the breaker opens (the exact deadline);
 * and when the provider answers again. Without it an outage was silent for up to
 * breaker.max_outage_seconds. These are words for standard error, never events:
 * how often they are said depends on timing, which the log must not.
 */
final class OutageNotices {

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

    private final String who;
    private final Duration maxOutage;
    private final Clock clock;
    private final Consumer<String> sink;
    private final AtomicBoolean failing = new AtomicBoolean();
    private volatile Failure lastOutage;

    OutageNotices(ModelConfig config, Clock clock, Consumer<String> sink) {
        this.who = "model '" + config.name() + "'" + at(config.baseUrl());
        this.maxOutage = config.breaker().maxOutage();
        this.clock = Objects.requireNonNull(clock, "clock");
        this.sink = Objects.requireNonNull(sink, "sink");
    }

    /** Only host and port: a base URL may carry a path or user info that has no place in a notice. */
    static String at(String baseUrl) {
        if (baseUrl == null || baseUrl.isBlank()) {
            return "";
        }
        try {
            URI uri = URI.create(baseUrl.strip());
            if (uri.getHost() == null) {
                return "";
            }
            return " at " + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
        } catch (IllegalArgumentException unparsable) {
            return "";
        }
    }

    /** An attempt failed: the first failure that looks like an outage starts a spell and is announced. */
    void failed(Failure failure) {
        if (!failure.kind().outage()) {
            return;
        }
        lastOutage = failure;
        if (failing.compareAndSet(false, true)) {
            Instant until = clock.instant().plus(maxOutage);
            sink.accept("waiting for " + who + ": " + failure.describe() + "; retrying, and while it stays down"
                    + " calls wait until about " + TIME.format(until) + " (breaker.max_outage_seconds = "
                    + maxOutage.toSeconds() + "), then the run stops");
        }
    }

    /** The breaker opened at {@code at}: calls now pause until the provider answers or the deadline passes. */
    void opened(Instant at) {
        Failure last = lastOutage;
        sink.accept("waiting for " + who + (last == null ? "" : ": " + last.describe())
                + "; the circuit breaker is open, calls pause until " + TIME.format(at.plus(maxOutage))
                + ", then the run stops");
    }

    /** An attempt succeeded: a spell, if there was one, is over. */
    void answered() {
        if (failing.compareAndSet(true, false)) {
            sink.accept(who + " answers again");
        }
    }
}
