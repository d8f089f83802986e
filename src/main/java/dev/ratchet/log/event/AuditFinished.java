package dev.ratchet.log.event;

import java.util.Objects;

/**
 * An audit ended. {@code version} is what it names: for a bisection the version whose promotion
 * first made things worse (null when no step was shown worse); for a re-check the first flagged
 * promotion's version (null when none was flagged). {@code verdict} says it in a sentence.
 */
public record AuditFinished(String audit, String version, String verdict) implements Event {

    public AuditFinished {
        Objects.requireNonNull(audit, "audit");
        Objects.requireNonNull(verdict, "verdict");
    }
}
