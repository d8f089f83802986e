package dev.ratchet.projection;

import dev.ratchet.log.event.Event;
import dev.ratchet.log.event.ProbeBuilt;
import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * How much the held-out probe was reused: the number of probes built, the most decisions the probe
 * split had served, and for each item the number of probes it was drawn into. Reusing one probe for
 * many decisions overfits it.
 */
public record ProbeUsage(int probes, int maxDecisionsOnSplit, SortedMap<String, Integer> itemUses) {

    public ProbeUsage {
        itemUses = Collections.unmodifiableSortedMap(new TreeMap<>(itemUses));
    }

    public static ProbeUsage of(Iterable<? extends Event> events) {
        return Fold.over(events, fold());
    }

    public static Fold<ProbeUsage> fold() {
        return new Fold<>() {
            private final TreeMap<String, Integer> uses = new TreeMap<>();
            private int probes;
            private int maxDecisions;

            @Override
            public void accept(Event e) {
                if (e instanceof ProbeBuilt p) {
                    probes++;
                    maxDecisions = Math.max(maxDecisions, p.decisionsOnSplit());
                    p.items().stream()
                            .map(ProbeBuilt.ProbeItem::instanceId)
                            .distinct()
                            .forEach(id -> uses.merge(id, 1, Integer::sum));
                }
            }

            @Override
            public ProbeUsage result() {
                return new ProbeUsage(probes, maxDecisions, uses);
            }
        };
    }

    /** Items drawn into at least {@code min} probes, by instance id. */
    public SortedMap<String, Integer> reusedAtLeast(int min) {
        TreeMap<String, Integer> out = new TreeMap<>();
        itemUses.forEach((id, n) -> {
            if (n >= min) {
                out.put(id, n);
            }
        });
        return Collections.unmodifiableSortedMap(out);
    }
}
