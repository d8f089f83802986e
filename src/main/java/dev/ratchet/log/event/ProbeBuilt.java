package dev.ratchet.log.event;

import java.util.List;
import java.util.Objects;

/** The held-out probe for one decision: items drawn with a per-decision seed, balanced failing and
 * passing, and how many decisions the probe split has served so far. */
public record ProbeBuilt(int iteration, long decisionSeed, List<ProbeItem> items, int decisionsOnSplit)
        implements Event {

    public ProbeBuilt {
        items = List.copyOf(items);
    }

    /** A probe item and whether the current version failed it when it was drawn. */
    public record ProbeItem(String instanceId, String envId, boolean failingBefore) {
        public ProbeItem {
            Objects.requireNonNull(instanceId, "instanceId");
            Objects.requireNonNull(envId, "envId");
        }
    }
}
