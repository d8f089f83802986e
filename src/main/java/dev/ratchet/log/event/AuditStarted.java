package dev.ratchet.log.event;

import java.util.Objects;

/**
 * An audit of a finished campaign began: a re-check of every promotion ({@code kind} recheck) or a
 * bisection of the promotion chain from {@code good} to {@code bad} ({@code kind} bisect), on the
 * whole mix or on one environment ({@code env}, null for the mix). {@code audit} names it in the
 * events that follow ({@code recheck-1}, {@code bisect-2}) and in its items' seeds, so every audit
 * draws instances of its own. It is the audit's input: replay copies it and regenerates the rest.
 */
public record AuditStarted(String audit, String kind, String good, String bad, String env) implements Event {

    public static final String RECHECK = "recheck";
    public static final String BISECT = "bisect";

    public AuditStarted {
        Objects.requireNonNull(audit, "audit");
        Objects.requireNonNull(kind, "kind");
        if (!RECHECK.equals(kind) && !BISECT.equals(kind)) {
            throw new IllegalArgumentException("an audit is a recheck or a bisect, not " + kind);
        }
    }
}
