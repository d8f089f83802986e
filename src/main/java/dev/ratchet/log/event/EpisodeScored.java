package dev.ratchet.log.event;

import java.util.List;
import java.util.Objects;

/** One attempt of one instance by one library version, verified. {@code outcome} is pass, fail or infra;
 * infra episodes are never the agent's fault and never count in a gate. */
public record EpisodeScored(
        String episodeId,
        int iteration,
        String phase,
        String split,
        String instanceId,
        String envId,
        String libraryVersion,
        int sample,
        String outcome,
        String failureKind,
        Integer failedStep,
        String answer,
        int steps,
        List<String> callIds)
        implements Event {

    public EpisodeScored {
        Objects.requireNonNull(episodeId, "episodeId");
        Objects.requireNonNull(phase, "phase");
        Objects.requireNonNull(split, "split");
        Objects.requireNonNull(instanceId, "instanceId");
        Objects.requireNonNull(envId, "envId");
        Objects.requireNonNull(libraryVersion, "libraryVersion");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(failureKind, "failureKind");
        Objects.requireNonNull(answer, "answer");
        callIds = List.copyOf(callIds);
    }

    public boolean passed() {
        return "pass".equals(outcome);
    }
}
