package dev.ratchet.log.event;

import java.util.Objects;

/** Nothing changed for this candidate, with the reason; {@code candidateId} is null when no candidate
 * reached the gate at all. */
public record CandidateDiscarded(int iteration, String candidateId, String reason) implements Event {

    public CandidateDiscarded {
        Objects.requireNonNull(reason, "reason");
    }
}
