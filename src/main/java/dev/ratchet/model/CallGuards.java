package dev.ratchet.model;

import dev.ratchet.config.BreakerSettings;
import dev.ratchet.config.ModelConfig;
import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * What stands between a caller and the provider, shared by every call to one model: the rate
 * limiters (requests and tokens per minute), the bulkhead (concurrent calls) and the circuit
 * breaker. All three run on Resilience4j with the injected clock; every wait goes through the
 * injected sleeper. An open breaker pauses the caller, who probes again later, rather than failing
 * the call: an outage delays a campaign but does not turn its episodes into failures.
 */
final class CallGuards {

    /** Long enough never to give up on a permit: the waits themselves are bounded elsewhere. */
    private static final Duration FOREVER = Duration.ofDays(1);

    private final String model;
    private final Sleeper sleeper;
    private final RateLimiter requests;
    private final RateLimiter tokens;
    private final int tokensPerMinute;
    private final Bulkhead bulkhead;
    private final CircuitBreaker breaker;
    private final Duration pauseStep;
    private final Duration maxOutage;
    private final Clock clock;
    /** When the breaker last opened after being closed; null while the provider is up. */
    private final AtomicReference<Instant> outageBegan = new AtomicReference<>();

    private final OutageNotices notices;

    CallGuards(ModelConfig config, Clock clock, Sleeper sleeper, Consumer<String> notices) {
        this.model = config.name();
        this.notices = new OutageNotices(config, clock, notices);
        this.sleeper = sleeper;
        this.clock = clock;
        Supplier<Long> nanos = () -> nanos(clock.instant());
        int rpm = config.rateLimit().requestsPerMinute();
        this.tokensPerMinute = config.rateLimit().tokensPerMinute();
        this.requests = rpm == 0 ? null : RateLimiter.of(model + "-requests", perMinute(rpm), nanos);
        this.tokens =
                tokensPerMinute == 0 ? null : RateLimiter.of(model + "-tokens", perMinute(tokensPerMinute), nanos);
        this.bulkhead = Bulkhead.of(
                model,
                BulkheadConfig.custom()
                        .maxConcurrentCalls(config.maxConcurrentCalls())
                        .maxWaitDuration(FOREVER)
                        .writableStackTraceEnabled(false)
                        .build());
        BreakerSettings b = config.breaker();
        this.breaker = CircuitBreaker.of(
                model,
                CircuitBreakerConfig.custom()
                        .clock(clock)
                        .failureRateThreshold((float) b.failureRatePercent())
                        .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                        .slidingWindowSize(b.windowCalls())
                        .minimumNumberOfCalls(Math.min(b.minimumCalls(), b.windowCalls()))
                        .waitDurationInOpenState(b.openDuration())
                        .permittedNumberOfCallsInHalfOpenState(1)
                        .automaticTransitionFromOpenToHalfOpenEnabled(false)
                        .writableStackTraceEnabled(false)
                        .build());
        breaker.getEventPublisher().onStateTransition(e -> {
            CircuitBreaker.State to = e.getStateTransition().getToState();
            if (to == CircuitBreaker.State.OPEN) {
                Instant now = clock.instant();
                if (outageBegan.compareAndSet(null, now)) {
                    this.notices.opened(now);
                }
            } else if (to == CircuitBreaker.State.CLOSED) {
                outageBegan.set(null);
            }
        });
        long step = Math.max(10, b.openDuration().toMillis() / 5);
        this.pauseStep = Duration.ofMillis(step);
        this.maxOutage = b.maxOutage();
    }

    private static RateLimiterConfig perMinute(int limit) {
        return RateLimiterConfig.custom()
                .limitForPeriod(limit)
                .limitRefreshPeriod(Duration.ofMinutes(1))
                .timeoutDuration(FOREVER)
                .writableStackTraceEnabled(false)
                .build();
    }

    private static long nanos(Instant t) {
        return t.getEpochSecond() * 1_000_000_000L + t.getNano();
    }

    /** Waits for the rate limiters once per call, before its first attempt. */
    void admit(long estimatedTokens) throws InterruptedException {
        if (requests != null) {
            waitNanos(requests.reservePermission(1));
        }
        if (tokens != null) {
            waitNanos(tokens.reservePermission((int) Math.max(1, Math.min(estimatedTokens, tokensPerMinute))));
        }
    }

    /**
     * Takes a bulkhead slot and a breaker permission before one attempt, pausing while the breaker
     * is open (without holding a slot), for at most the configured maximum outage.
     */
    void enter() throws InterruptedException {
        while (true) {
            bulkhead.acquirePermission();
            if (breaker.tryAcquirePermission()) {
                return;
            }
            bulkhead.onComplete();
            Instant began = outageBegan.get();
            Duration down = began == null ? Duration.ZERO : Duration.between(began, clock.instant());
            if (down.compareTo(maxOutage) >= 0) {
                throw new ProviderUnavailableException("model '" + model + "': the provider has been failing for "
                        + down.toSeconds() + " s (breaker.max_outage_seconds = " + maxOutage.toSeconds()
                        + "); stopping");
            }
            sleeper.sleep(pauseStep);
        }
    }

    /** Whether the breaker holds calls back: the provider is in an outage. */
    boolean providerDown() {
        return breaker.getState() != CircuitBreaker.State.CLOSED;
    }

    /** Releases the slot and tells the breaker how the attempt went. */
    void exit(Failure failure, long elapsedNanos) {
        try {
            if (failure == null) {
                notices.answered();
                breaker.onSuccess(elapsedNanos, TimeUnit.NANOSECONDS);
            } else if (failure.kind().outage()) {
                notices.failed(failure);
                breaker.onError(elapsedNanos, TimeUnit.NANOSECONDS, new OutageSignal(failure.describe()));
            } else {
                breaker.releasePermission();
            }
        } finally {
            bulkhead.onComplete();
        }
    }

    private void waitNanos(long nanos) throws InterruptedException {
        if (nanos < 0) {
            throw new IllegalStateException("rate limiter for model '" + model + "' refused a permit");
        }
        if (nanos > 0) {
            sleeper.sleep(Duration.ofNanos(nanos));
        }
    }

    /** What the breaker records as the error of an outage attempt; its stack is never needed. */
    private static final class OutageSignal extends RuntimeException {
        private static final long serialVersionUID = 1L;

        OutageSignal(String message) {
            super(message, null, false, false);
        }
    }
}
