package dev.ratchet.log.event;

import java.util.List;
import java.util.Objects;

/** One probe item's sampled outcomes (pass, fail or infra), in sample order. */
public record ItemResult(String instanceId, List<String> samples) {
    public ItemResult {
        Objects.requireNonNull(instanceId, "instanceId");
        samples = List.copyOf(samples);
    }
}
