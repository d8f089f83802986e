package dev.ratchet.log.event;

import java.util.Objects;

/** A failing episode was assigned a regime by the first detector, in priority order, that matched. */
public record FailureClassified(
        String episodeId, int iteration, String instanceId, String envId, String regime, String detector, String detail)
        implements Event {

    public FailureClassified {
        Objects.requireNonNull(episodeId, "episodeId");
        Objects.requireNonNull(instanceId, "instanceId");
        Objects.requireNonNull(envId, "envId");
        Objects.requireNonNull(regime, "regime");
        Objects.requireNonNull(detector, "detector");
        Objects.requireNonNull(detail, "detail");
    }
}
