package dev.ratchet.model;

import java.time.Duration;
import java.util.Objects;

/**
 * One failed attempt, classified: its {@link CallFailure}, the HTTP status if there was one, how
 * long the provider asked us to wait (zero if it did not say), the failing exception's class name
 * and a short, redacted description for messages.
 */
public record Failure(CallFailure kind, Integer httpStatus, Duration retryAfter, String errorClass, String detail) {

    public Failure {
        Objects.requireNonNull(kind, "kind");
        retryAfter = retryAfter == null || retryAfter.isNegative() ? Duration.ZERO : retryAfter;
        Objects.requireNonNull(errorClass, "errorClass");
        detail = detail == null ? "" : detail;
    }

    /** For messages: "HTTP 429 rate-limited" or "timeout". */
    public String describe() {
        return (httpStatus == null ? "" : "HTTP " + httpStatus + " ") + kind.label();
    }
}
