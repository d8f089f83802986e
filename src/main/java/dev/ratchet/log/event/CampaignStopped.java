package dev.ratchet.log.event;

import java.util.Objects;

/** The campaign ended; {@code reason} is a stable label (iterations, consecutive-discards, budget-calls, ...). */
public record CampaignStopped(String reason, String detail, int iterations) implements Event {

    public CampaignStopped {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(detail, "detail");
    }
}
