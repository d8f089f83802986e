package dev.ratchet.log.event;

import java.util.List;
import java.util.Objects;

/** The current version re-run on the probe, so that noise is measured rather than assumed. */
public record BaselineProbeScored(int iteration, String libraryVersion, List<ItemResult> results) implements Event {

    public BaselineProbeScored {
        Objects.requireNonNull(libraryVersion, "libraryVersion");
        results = List.copyOf(results);
    }
}
