package dev.ratchet.log.event;

import java.util.Objects;

/** A candidate was rejected by the named static rule before any episode ran. */
public record StaticCheckFailed(int iteration, String candidateId, String rule, String detail) implements Event {

    public StaticCheckFailed {
        Objects.requireNonNull(candidateId, "candidateId");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(detail, "detail");
    }
}
