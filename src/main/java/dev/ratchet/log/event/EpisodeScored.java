package dev.ratchet.log.event;

import java.util.List;
import java.util.Objects;

/**
 * One attempt of one instance by one library version, verified.
 *
 * <p>{@code phase} is batch (training rollout), baseline (current version on the probe), candidate
 * or confirm; {@code split} is train, probe or confirm. {@code outcome} is pass, fail or infra:
 * infra episodes (the provider failed) are never the agent's fault and never count in a gate.
 * {@code failureKind} is none, format, wrong-value, wrong-step, infrastructure, unknown-tool,
 * bad-arguments or step-limit (logs written before unknown tools and bad arguments were told apart
 * say tool-misuse for both); {@code finishReason} is the model's last finish reason (stop, length, tool, error).
 */
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
        String finishReason,
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
        Objects.requireNonNull(finishReason, "finishReason");
        callIds = List.copyOf(callIds);
    }

    public boolean passed() {
        return "pass".equals(outcome);
    }
}
