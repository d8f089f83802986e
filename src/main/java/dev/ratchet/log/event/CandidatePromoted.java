package dev.ratchet.log.event;

import java.util.Objects;

/** A candidate became the current library. */
public record CandidatePromoted(int iteration, String candidateId, String fromVersion, String toVersion)
        implements Event {

    public CandidatePromoted {
        Objects.requireNonNull(candidateId, "candidateId");
        Objects.requireNonNull(fromVersion, "fromVersion");
        Objects.requireNonNull(toVersion, "toVersion");
    }
}
