package dev.ratchet.log.event;

import java.util.Objects;

/** A proposer call gave no usable edit (malformed twice, or the call failed). */
public record ProposalFailed(int iteration, String cluster, String reason, String callId) implements Event {

    public ProposalFailed {
        Objects.requireNonNull(cluster, "cluster");
        Objects.requireNonNull(reason, "reason");
    }
}
