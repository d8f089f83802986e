package dev.ratchet.log.event;

import java.util.List;
import java.util.Objects;

/** A candidate version run on the probe. */
public record CandidateProbeScored(int iteration, String candidateId, String libraryVersion, List<ItemResult> results)
        implements Event {

    public CandidateProbeScored {
        Objects.requireNonNull(candidateId, "candidateId");
        Objects.requireNonNull(libraryVersion, "libraryVersion");
        results = List.copyOf(results);
    }
}
